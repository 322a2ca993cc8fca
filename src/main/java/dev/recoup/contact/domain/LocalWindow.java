package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.LocalTime;

/** A local time window {@code start}–{@code end} (end exclusive; an end before the start wraps midnight), a pack parameter. */
public record LocalWindow(LocalTime start, LocalTime end) {

    public LocalWindow {
        if (start == null || end == null || start.equals(end)) {
            throw new InvalidInputException("window", start + "–" + end, "a window needs a start and a different end");
        }
    }

    public static LocalWindow of(String start, String end) {
        return new LocalWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean wraps() {
        return end.isBefore(start);
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
