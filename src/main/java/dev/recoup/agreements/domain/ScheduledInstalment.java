package dev.recoup.agreements.domain;

import java.time.LocalDate;

/** One instalment of a plan: its number (1 = the first payment), due date and amount in fen. */
public record ScheduledInstalment(int seq, LocalDate dueOn, long amount) {
}
