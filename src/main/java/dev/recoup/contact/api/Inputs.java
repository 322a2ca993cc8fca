package dev.recoup.contact.api;

import dev.recoup.shared.InvalidInputException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reading request fields with errors that name the field and the value. */
final class Inputs {

    private Inputs() {
    }

    static <E extends Enum<E>> E enumValue(String field, String text, Class<E> type, E fallback) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw new InvalidInputException(field, text, field + " is required, one of " + Arrays.toString(type.getEnumConstants()));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, text, field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static <E extends Enum<E>> E optionalEnum(String field, String text, Class<E> type) {
        return text == null || text.isBlank() ? null : enumValue(field, text, type, null);
    }

    static <E extends Enum<E>> Set<E> enums(String field, List<String> texts, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (texts != null) {
            for (String t : texts) {
                out.add(enumValue(field, t, type, null));
            }
        }
        return out;
    }

    /**
     * An instant: ISO with an offset ({@code 2026-11-23T22:30:00+08:00}, {@code …Z}), or a local
     * date-time read in {@code zone} (the lender's); {@code fallback} when absent.
     */
    static Instant instant(String field, String text, ZoneId zone, Instant fallback) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw new InvalidInputException(field, text, field + " is required, e.g. 2026-11-23T22:30:00+08:00");
            }
            return fallback;
        }
        String s = text.strip();
        try {
            if (s.endsWith("Z")) {
                return Instant.parse(s);
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException(field, text, field + " must be a date-time like 2026-11-23T22:30:00+08:00");
            }
        }
    }

    static Instant optionalInstant(String field, String text, ZoneId zone) {
        return text == null || text.isBlank() ? null : instant(field, text, zone, null);
    }

    static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, text, field + " must be a time like 19:00");
        }
    }

    static Set<DayOfWeek> days(String field, List<String> texts) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        if (texts != null) {
            for (String t : texts) {
                String s = t == null ? "" : t.strip().toUpperCase(Locale.ROOT);
                DayOfWeek day = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(s) || d.name().startsWith(s) && s.length() >= 3
                        || Integer.toString(d.getValue()).equals(s)).findFirst().orElse(null);
                if (day == null) {
                    throw new InvalidInputException(field, t, field + " must be days like MONDAY, MON or 1 (Monday) … 7 (Sunday)");
                }
                out.add(day);
            }
        }
        return out;
    }

    static Set<Long> ids(List<Long> ids) {
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }

    static long required(String field, Long value) {
        if (value == null) {
            throw new InvalidInputException(field, null, field + " is required");
        }
        return value;
    }

    static int limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", Integer.toString(limit), "limit must be between 1 and 1000");
        }
        return limit;
    }
}
