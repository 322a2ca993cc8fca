package dev.recoup.contact.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The time zones a person may be in, from every source the collector has (region, address, each
 * phone number). Time-of-day rules must hold in every one of them (Reg F comment 6(b)(1)(i)-2:
 * a mobile number in the Eastern zone and an address in the Pacific zone leave 11:00–21:00 Eastern).
 *
 * <p>The first zone is the <b>primary</b> one: it fixes the calendar days that daily caps and
 * Regulation F's "seven consecutive days" count in. Put the most reliable source first (the
 * address, then the region, then phones).
 */
public final class PossibleZones {

    private static final PossibleZones NONE = new PossibleZones(List.of());

    private final List<ZoneId> zones;

    private PossibleZones(List<ZoneId> zones) {
        this.zones = zones;
    }

    public static PossibleZones none() {
        return NONE;
    }

    public static PossibleZones of(ZoneId... zones) {
        return of(List.of(zones));
    }

    public static PossibleZones of(Collection<ZoneId> zones) {
        Set<ZoneId> distinct = new LinkedHashSet<>(zones);
        return distinct.isEmpty() ? NONE : new PossibleZones(List.copyOf(distinct));
    }

    /** All zones of all sources, first source first. */
    public static PossibleZones union(PossibleZones... sources) {
        List<ZoneId> all = new ArrayList<>();
        for (PossibleZones source : sources) {
            all.addAll(source.zones);
        }
        return of(all);
    }

    public PossibleZones and(PossibleZones other) {
        return union(this, other);
    }

    public List<ZoneId> zones() {
        return zones;
    }

    public boolean isEmpty() {
        return zones.isEmpty();
    }

    public ZoneId primary() {
        return zones.getFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PossibleZones other && zones.equals(other.zones);
    }

    @Override
    public int hashCode() {
        return zones.hashCode();
    }

    @Override
    public String toString() {
        return zones.toString();
    }
}
