package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.util.List;

/** The packs Recoup ships, by id, with their default parameters. */
public final class RulePacks {

    public static final String DEFAULT = ChinaPack.ID;

    private RulePacks() {
    }

    public static List<String> ids() {
        return List.of(ChinaPack.ID, RegulationFPack.ID, ConcPack.ID);
    }

    /** The pack {@code id} with default parameters. */
    public static RulePack withDefaults(String id) {
        return switch (id) {
            case ChinaPack.ID -> ChinaPack.pack();
            case RegulationFPack.ID -> RegulationFPack.pack();
            case ConcPack.ID -> ConcPack.pack();
            default -> throw new InvalidInputException("pack", id, "unknown rule pack; known: " + ids());
        };
    }
}
