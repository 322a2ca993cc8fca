package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The local times of a day at which contact is allowed, as sorted half-open second ranges
 * {@code [start, end)} within {@code [0, 86400]}. Built from allowed or forbidden local windows; a
 * forbidden window may wrap midnight (22:00–08:00 forbids both the evening and the early morning).
 */
public final class DailyWindows {

    public static final DailyWindows ALL_DAY = new DailyWindows(new int[] {0, ZoneClock.DAY});
    public static final DailyWindows NEVER = new DailyWindows(new int[0]);

    private final int[] ranges;
    private final String text;

    private DailyWindows(int[] ranges) {
        this.ranges = ranges;
        this.text = describe(ranges);
    }

    /** Allowed from {@code start} to {@code end} (end exclusive; {@code end} before {@code start} wraps to the next morning). */
    public static DailyWindows between(LocalTime start, LocalTime end) {
        return ALL_DAY.without(end, start);
    }

    /** The whole day except {@code start}–{@code end} (which may wrap midnight). */
    public static DailyWindows except(LocalTime start, LocalTime end) {
        return ALL_DAY.without(start, end);
    }

    /** These windows without {@code start}–{@code end}. */
    public DailyWindows without(LocalTime start, LocalTime end) {
        if (start == null || end == null || start.equals(end)) {
            throw new InvalidInputException("window", start + "–" + end, "a window needs a start and a different end");
        }
        int s = start.toSecondOfDay();
        int e = end.toSecondOfDay();
        DailyWindows result = this;
        if (s < e) {
            result = result.minus(s, e);
        } else {
            result = result.minus(s, ZoneClock.DAY).minus(0, e);
        }
        return result;
    }

    private DailyWindows minus(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ranges.length; i += 2) {
            int a = ranges[i];
            int b = ranges[i + 1];
            if (b <= from || a >= to) {
                out.add(a);
                out.add(b);
                continue;
            }
            if (a < from) {
                out.add(a);
                out.add(from);
            }
            if (b > to) {
                out.add(to);
                out.add(b);
            }
        }
        return new DailyWindows(out.stream().mapToInt(Integer::intValue).toArray());
    }

    boolean allows(int secondOfDay) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (secondOfDay >= ranges[i] && secondOfDay < ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The first range start or end after {@code secondOfDay}, or {@link ZoneClock#DAY} (the next midnight). */
    int nextEdge(int secondOfDay) {
        for (int edge : ranges) {
            if (edge > secondOfDay) {
                return Math.min(edge, ZoneClock.DAY);
            }
        }
        return ZoneClock.DAY;
    }

    /** "08:00–22:00", "00:00–12:00, 13:30–24:00", or "—" when nothing is allowed. */
    @Override
    public String toString() {
        return text;
    }

    private static String describe(int[] ranges) {
        if (ranges.length == 0) {
            return "—";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 2) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(ZoneClock.hhmm(ranges[i])).append('–').append(ranges[i + 1] == ZoneClock.DAY ? "24:00" : ZoneClock.hhmm(ranges[i + 1]));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyWindows other && Arrays.equals(ranges, other.ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges);
    }
}
