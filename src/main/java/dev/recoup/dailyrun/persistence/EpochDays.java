package dev.recoup.dailyrun.persistence;

import java.time.LocalDate;

/** Epoch-day arithmetic without allocating a LocalDate per row (proleptic Gregorian, like java.time). */
final class EpochDays {

    private EpochDays() {
    }

    static long of(int year, int month, int day) {
        // Same algorithm as LocalDate.toEpochDay.
        long y = year;
        long total = 365 * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        } else {
            total -= y / -4 - y / -100 + y / -400;
        }
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - 719_528;
    }

    private static boolean isLeap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static LocalDate toDate(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
