package dev.recoup.allocation.domain;

import java.util.Arrays;

/** Sorting case indexes by amount without boxing (hundreds of thousands of cases). */
final class Sorting {

    private static final int INDEX_BITS = 22;

    private Sorting() {
    }

    /**
     * {@code indexes} reordered by {@code amount[index]} descending, ties by index ascending.
     * Packs amount and index into one long (amounts below 2^41 fen, indexes below 2^22).
     */
    static int[] byAmountDescending(long[] amount, int[] indexes) {
        long[] keys = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            int c = indexes[i];
            if (c >= 1 << INDEX_BITS || amount[c] >= 1L << (63 - INDEX_BITS)) {
                return boxed(amount, indexes);
            }
            // Descending by amount, ascending by index: sort (−amount, index) ascending.
            keys[i] = ((((1L << (63 - INDEX_BITS)) - 1) - amount[c]) << INDEX_BITS) | c;
        }
        Arrays.sort(keys);
        int[] sorted = new int[indexes.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = (int) (keys[i] & ((1L << INDEX_BITS) - 1));
        }
        return sorted;
    }

    private static int[] boxed(long[] amount, int[] indexes) {
        return Arrays.stream(indexes).boxed()
                .sorted((a, b) -> amount[a] != amount[b] ? Long.compare(amount[b], amount[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }
}
