package dev.recoup.contact.channel.letter;

import java.time.LocalDate;
import java.util.List;

/** The letters of one business day, one per page of the batch's PDF; {@code tracked} of them have a tracking number. */
public record LetterBatch(long id, LocalDate businessDate, int letters, int tracked, List<Letter> contents) {
}
