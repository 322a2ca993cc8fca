package dev.recoup.dailyrun.persistence;

import java.util.Arrays;

/** A growable column of longs: a chunk's rows held as primitives, not as millions of objects. */
final class Columns {

    private Columns() {
    }

    static final class Longs {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }
    }
}
