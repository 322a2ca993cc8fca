package dev.recoup.demo;

/**
 * SplitMix64, written out here rather than taken from the JDK so that the same seed gives the
 * same portfolio on every JDK version. Every customer gets its own stream, derived from the run's
 * seed and the customer's number, so a customer's data does not depend on how many random
 * numbers the customers before it happened to use.
 */
final class DemoRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    DemoRandom(long seed) {
        this.state = seed;
    }

    static DemoRandom forCustomer(long seed, long customerNumber) {
        return new DemoRandom(mix(seed) ^ mix(customerNumber * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }

    long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /** Uniform in [0, bound); the modulo bias is below 2^-40 for the bounds used here. */
    long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (nextLong() >>> 1) % bound;
    }

    int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform in [from, to], both included. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    char pick(String characters) {
        return characters.charAt(nextInt(characters.length()));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
