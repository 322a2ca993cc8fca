package dev.recoup.demo;

import java.util.Arrays;

/**
 * The ID numbers handed out so far, so that no two customers share one (random region, birth
 * date and sequence collide a few hundred times in a million customers). The only state of a
 * run that grows with its size: one long per customer in an open-addressing table.
 */
final class IssuedIdNumbers {

    private static final long EMPTY = -1;

    private long[] table = new long[1 << 12];
    private int size;

    IssuedIdNumbers() {
        Arrays.fill(table, EMPTY);
    }

    /** Records the first 17 digits of an ID number; false when it was issued already. */
    boolean add(String idNumber) {
        long key = Long.parseLong(idNumber, 0, 17, 10);
        if ((size + 1) * 2L > table.length) {
            grow();
        }
        int slot = slot(key, table.length);
        while (table[slot] != EMPTY) {
            if (table[slot] == key) {
                return false;
            }
            slot = (slot + 1) & (table.length - 1);
        }
        table[slot] = key;
        size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        Arrays.fill(table, EMPTY);
        for (long key : old) {
            if (key != EMPTY) {
                int slot = slot(key, table.length);
                while (table[slot] != EMPTY) {
                    slot = (slot + 1) & (table.length - 1);
                }
                table[slot] = key;
            }
        }
    }

    private static int slot(long key, int length) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & (length - 1);
    }
}
