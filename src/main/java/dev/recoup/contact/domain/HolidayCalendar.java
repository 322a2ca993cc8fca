package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Public holidays and make-up working days (调休) of a country, read from a data file so a wrong or
 * new year is corrected without touching code. Within a covered year: a listed holiday is a rest
 * day, a listed make-up day is a working day (also on a Saturday or Sunday), other days follow the
 * week. Outside covered years the plain week applies (Monday–Friday working).
 *
 * <p>File format (UTF-8, one entry a line, {@code #} starts a comment):
 * <pre>
 * year 2026                                   # the years the file covers completely
 * 2026-02-15..2026-02-23 holiday 春节 | Spring Festival
 * 2026-02-14 workday 春节调休 | Spring Festival make-up working day
 * </pre>
 * China's file is {@code china-holidays.txt} next to this class (sources in ADR 0009).
 */
public final class HolidayCalendar implements WorkingCalendar {

    private final String name;
    private final TreeSet<Integer> years;
    private final Map<LocalDate, Entry> entries;
    private final long firstDay;
    private final byte[] kinds; // per day from firstDay: 1 = working, 0 = rest

    /** A listed day: a holiday or a make-up working day, with its name in Chinese and English. */
    public record Entry(LocalDate date, boolean workingDay, String nameZh, String nameEn) {
    }

    private HolidayCalendar(String name, TreeSet<Integer> years, Map<LocalDate, Entry> entries) {
        this.name = name;
        this.years = years;
        this.entries = Map.copyOf(entries);
        if (years.isEmpty()) {
            firstDay = 0;
            kinds = new byte[0];
        } else {
            firstDay = LocalDate.of(years.first(), 1, 1).toEpochDay();
            long lastDay = LocalDate.of(years.last(), 12, 31).toEpochDay();
            kinds = new byte[(int) (lastDay - firstDay + 1)];
            for (long day = firstDay; day <= lastDay; day++) {
                LocalDate date = LocalDate.ofEpochDay(day);
                Entry entry = years.contains(date.getYear()) ? entries.get(date) : null;
                boolean working = entry != null ? entry.workingDay() : WorkingCalendar.isWeekday(day);
                kinds[(int) (day - firstDay)] = (byte) (working ? 1 : 0);
            }
        }
    }

    private static volatile HolidayCalendar china;

    /** China's statutory holidays and make-up working days, from {@code china-holidays.txt}. */
    public static HolidayCalendar china() {
        HolidayCalendar calendar = china;
        if (calendar == null) {
            try (InputStream in = HolidayCalendar.class.getResourceAsStream("china-holidays.txt")) {
                if (in == null) {
                    throw new IllegalStateException("china-holidays.txt is missing from the classpath");
                }
                calendar = parse("china", new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            china = calendar;
        }
        return calendar;
    }

    /** Reads a calendar in the file format above; a bad line is an {@link InvalidInputException} naming it. */
    public static HolidayCalendar parse(String name, List<String> lines) {
        TreeSet<Integer> years = new TreeSet<>();
        Map<LocalDate, Entry> entries = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            String field = name + ":" + (i + 1);
            String[] parts = text.split("\\s+", 3);
            try {
                if (parts[0].equals("year") && parts.length == 2) {
                    years.add(Integer.parseInt(parts[1]));
                    continue;
                }
                if (parts.length < 2 || !(parts[1].equals("holiday") || parts[1].equals("workday"))) {
                    throw new InvalidInputException(field, line, "expected 'year YYYY' or 'DATE[..DATE] holiday|workday NAME'");
                }
                String[] range = parts[0].split("\\.\\.");
                LocalDate from = LocalDate.parse(range[0]);
                LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
                if (to.isBefore(from)) {
                    throw new InvalidInputException(field, line, "a range must not end before it starts");
                }
                String names = parts.length > 2 ? parts[2] : "";
                int bar = names.indexOf('|');
                String zh = (bar >= 0 ? names.substring(0, bar) : names).strip();
                String en = bar >= 0 ? names.substring(bar + 1).strip() : zh;
                boolean working = parts[1].equals("workday");
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    Entry previous = entries.put(d, new Entry(d, working, zh, en));
                    if (previous != null) {
                        throw new InvalidInputException(field, line, d + " is listed twice");
                    }
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new InvalidInputException(field, line, "not a date or year: " + e.getMessage());
            }
        }
        for (LocalDate date : entries.keySet()) {
            if (!years.contains(date.getYear())) {
                throw new InvalidInputException(name, date.toString(), "entry outside the covered years " + years);
            }
        }
        return new HolidayCalendar(name, years, entries);
    }

    @Override
    public boolean workingDay(long epochDay) {
        long index = epochDay - firstDay;
        if (index >= 0 && index < kinds.length) {
            return kinds[(int) index] == 1;
        }
        return WorkingCalendar.isWeekday(epochDay);
    }

    /** Whether the file covers {@code year} (outside, only weekends are rest days). */
    public boolean covers(int year) {
        return years.contains(year);
    }

    public List<Integer> years() {
        return new ArrayList<>(years);
    }

    /** The holiday or make-up day listed for {@code date}, if any. */
    public Optional<Entry> entry(LocalDate date) {
        return Optional.ofNullable(entries.get(date));
    }

    /** Whether {@code date} is a make-up working day on a weekend. */
    public boolean makeUpDay(LocalDate date) {
        Entry entry = entries.get(date);
        return entry != null && entry.workingDay()
                && (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY);
    }

    @Override
    public String toString() {
        return name + years;
    }
}
