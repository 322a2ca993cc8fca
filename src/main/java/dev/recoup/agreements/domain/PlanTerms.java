package dev.recoup.agreements.domain;

import java.time.LocalDate;

/**
 * What a plan is asked for: a total in fen paid in {@code instalments} instalments, the first of
 * {@code firstPayment} fen (null: the calculator chooses, see {@link InstalmentCalculator}) on
 * {@code startOn}, the rest every week, fortnight or month after it.
 */
public record PlanTerms(long total, int instalments, Long firstPayment, LocalDate startOn, Frequency frequency) {
}
