package dev.recoup.strategy.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which arm of an experiment a case falls in: a stable hash of (experiment seed, case id) mapped
 * into the arms' cumulative percentages. No {@code Random}: the same case always lands in the same
 * arm, on any day, in any process, and the split follows the percentages over many cases.
 */
public final class ArmAssignment {

    /** Slots per 100 %: a percentage of p takes p × 100 of the 10,000 slots. */
    private static final long SLOTS = 10_000;

    public record Arm(String code, int percent) {
    }

    private final long seed;
    private final String[] codes;
    private final long[] upperSlot;

    /** @throws IllegalArgumentException when the arms' percentages are not positive or do not add up to 100 */
    public ArmAssignment(long seed, List<Arm> arms) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one arm");
        }
        this.seed = seed;
        this.codes = new String[arms.size()];
        this.upperSlot = new long[arms.size()];
        int total = 0;
        for (int i = 0; i < arms.size(); i++) {
            Arm arm = arms.get(i);
            if (arm.percent() <= 0) {
                throw new IllegalArgumentException("arm " + arm.code() + ": percent must be more than 0");
            }
            total += arm.percent();
            codes[i] = arm.code();
            upperSlot[i] = total * (SLOTS / 100);
        }
        if (total != 100) {
            throw new IllegalArgumentException("the arms' percentages add up to " + total + ", not 100");
        }
    }

    public String armOf(long caseId) {
        long slot = Math.unsignedMultiplyHigh(hash(seed, caseId), SLOTS);
        for (int i = 0; i < upperSlot.length; i++) {
            if (slot < upperSlot[i]) {
                return codes[i];
            }
        }
        return codes[codes.length - 1];
    }

    public List<String> codes() {
        return new ArrayList<>(List.of(codes));
    }

    /**
     * MurmurHash3 (x64, 128-bit variant's first half) of the case id as one 8-byte block, seeded
     * with the experiment seed: fixed arithmetic, so the value never changes between runs or JVMs.
     */
    public static long hash(long seed, long caseId) {
        final long c1 = 0x87c37b91114253d5L, c2 = 0x4cf5ad432745937fL;
        long h1 = seed, h2 = seed;
        long k1 = caseId * c1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= c2;
        h1 ^= k1;
        h1 ^= 8;
        h2 ^= 8;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        return h1;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
