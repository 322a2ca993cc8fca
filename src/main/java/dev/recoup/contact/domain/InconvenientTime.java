package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * A time the collector knows is inconvenient to a person — they said so, or the creditor's notes
 * say so (Reg F comment 6(b)(1)-1: "cannot be disturbed on Tuesdays and Thursdays through the end
 * of the calendar year"; "weekdays except 3–5 p.m.", "not at weekends").
 *
 * @param contactId the person
 * @param days      the days of the week (in {@code zone}); empty = every day
 * @param start     start of the local time window, null with {@code end} = the whole day; may wrap midnight
 * @param end       end (exclusive)
 * @param zone      the zone of the window, null = the person's first possible zone
 * @param from      from when the designation holds (inclusive)
 * @param until     until when (exclusive), null = until the person says otherwise
 */
public record InconvenientTime(String contactId, Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone,
                               Instant from, Instant until) {

    public InconvenientTime {
        if (contactId == null || from == null) {
            throw new InvalidInputException("inconvenientTime", String.valueOf(contactId), "an inconvenient time needs a contact and a start");
        }
        if ((start == null) != (end == null) || start != null && start.equals(end)) {
            throw new InvalidInputException("inconvenientTime.window", start + "–" + end, "a time window needs a start and a different end");
        }
        days = EnumSets.frozen(days, DayOfWeek.class);
    }

    /** Whole days: every {@code days} from {@code from} until {@code until} (null = open). */
    public static InconvenientTime wholeDays(String contactId, Instant from, Instant until, DayOfWeek first, DayOfWeek... more) {
        return new InconvenientTime(contactId, EnumSet.of(first, more), null, null, null, from, until);
    }

    /** Local hours {@code start}–{@code end} on {@code days} (none given = every day). */
    public static InconvenientTime hours(String contactId, LocalTime start, LocalTime end, Instant from, Instant until,
                                         DayOfWeek... days) {
        return new InconvenientTime(contactId, days.length == 0 ? Set.of() : Set.copyOf(java.util.Arrays.asList(days)), start, end,
                null, from, until);
    }

    public InconvenientTime in(ZoneId value) {
        return new InconvenientTime(contactId, days, start, end, value, from, until);
    }
}
