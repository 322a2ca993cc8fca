package dev.recoup.contact.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local days and seconds of one zone for epoch seconds, fast: the offset is cached for the stretch
 * between two transitions (years for Beijing time, months for a zone with daylight saving time), so
 * counting a month of ledger entries by local day costs no time-zone lookups. Not thread-safe: one
 * per decision.
 */
final class ZoneClock {

    static final int DAY = 86_400;

    /** The last offset stretch computed per zone, shared by all decisions (immutable, so races are harmless). */
    private static final ConcurrentHashMap<ZoneId, long[]> LAST_STRETCH = new ConcurrentHashMap<>();

    final ZoneId id;
    private final ZoneRules rules;
    private long validFrom = Long.MAX_VALUE;
    private long validTo = Long.MIN_VALUE;
    private int offset;

    ZoneClock(ZoneId id) {
        this.id = id;
        this.rules = id.getRules();
        long[] stretch = LAST_STRETCH.get(id);
        if (stretch != null) {
            validFrom = stretch[0];
            validTo = stretch[1];
            offset = (int) stretch[2];
        }
    }

    int offset(long epochSecond) {
        if (epochSecond >= validFrom && epochSecond < validTo) {
            return offset;
        }
        Instant instant = Instant.ofEpochSecond(epochSecond);
        offset = rules.getOffset(instant).getTotalSeconds();
        ZoneOffsetTransition next = rules.nextTransition(instant);
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        validFrom = previous == null ? Long.MIN_VALUE : Math.min(previous.toEpochSecond(), epochSecond);
        LAST_STRETCH.put(id, new long[] {validFrom, validTo, offset});
        return offset;
    }

    long local(long epochSecond) {
        return epochSecond + offset(epochSecond);
    }

    /** The local epoch day. */
    long day(long epochSecond) {
        return Math.floorDiv(local(epochSecond), DAY);
    }

    int secondOfDay(long epochSecond) {
        return (int) Math.floorMod(local(epochSecond), DAY);
    }

    /** The instant of local {@code secondOfDay} on local {@code day} (a time in a gap moves forward, as {@link LocalDateTime#atZone} does). */
    long instant(long day, int secondOfDay) {
        long local = day * DAY + secondOfDay;
        long guess = local - offset(local - offset);
        if (local(guess) == local) {
            return guess;
        }
        return LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC).atZone(id).toEpochSecond();
    }

    /** The start of the next local day after {@code epochSecond}. */
    long nextMidnight(long epochSecond) {
        return instant(day(epochSecond) + 1, 0);
    }

    /** 0 = Monday … 6 = Sunday. */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7);
    }

    /** yyyy-MM-dd of an epoch day (years 1000–9999), without a formatter. */
    static String date(long epochDay) {
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(epochDay);
        int y = date.getYear();
        int m = date.getMonthValue();
        int d = date.getDayOfMonth();
        if (y < 1000 || y > 9999) {
            return date.toString();
        }
        return new String(new char[] {(char) ('0' + y / 1000), (char) ('0' + y / 100 % 10), (char) ('0' + y / 10 % 10), (char) ('0' + y % 10),
                '-', (char) ('0' + m / 10), (char) ('0' + m % 10), '-', (char) ('0' + d / 10), (char) ('0' + d % 10)});
    }

    static String hhmm(int secondOfDay) {
        int minutes = secondOfDay / 60;
        int h = minutes / 60;
        int m = minutes % 60;
        return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10), (char) ('0' + m % 10)});
    }
}
