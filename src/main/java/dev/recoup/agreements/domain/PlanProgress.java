package dev.recoup.agreements.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a plan stands against what was paid towards it: payments pay the instalments in order
 * (oldest first), so instalment k is paid once the payments reach the sum of instalments 1..k. An
 * instalment not paid {@code graceDays} after its due date is missed; a plan is broken when
 * {@code breakAfterMissed} instalments are missed at once (catching up un-misses them), and complete
 * when the whole total is paid. The daily run's SQL ({@code PlanTracker}) applies exactly this.
 */
public final class PlanProgress {

    private PlanProgress() {
    }

    public enum InstalmentState { PAID, PART_PAID, DUE, MISSED, UPCOMING }

    public record InstalmentProgress(ScheduledInstalment instalment, long paid, InstalmentState state) {
    }

    /**
     * @param oldestUnpaidDueOn the due date of the first instalment not fully paid, or null when all are paid
     * @param daysPastDue       days since that date (0 when it is today or later, or all is paid)
     */
    public record Progress(List<InstalmentProgress> instalments, long paid, long remaining, int missed, LocalDate oldestUnpaidDueOn,
                           long daysPastDue, boolean complete, boolean broken) {
    }

    public static Progress of(List<ScheduledInstalment> schedule, long paid, LocalDate today, int graceDays, int breakAfterMissed) {
        List<InstalmentProgress> out = new ArrayList<>(schedule.size());
        long cumulative = 0, total = 0;
        int missed = 0;
        LocalDate oldestUnpaid = null;
        for (ScheduledInstalment i : schedule) {
            long before = cumulative;
            cumulative += i.amount();
            total += i.amount();
            long paidHere = Math.max(0, Math.min(i.amount(), paid - before));
            InstalmentState state;
            if (paidHere == i.amount()) {
                state = InstalmentState.PAID;
            } else {
                if (oldestUnpaid == null) {
                    oldestUnpaid = i.dueOn();
                }
                if (i.dueOn().plusDays(graceDays).isBefore(today)) {
                    state = InstalmentState.MISSED;
                    missed++;
                } else if (!i.dueOn().isAfter(today)) {
                    state = InstalmentState.DUE;
                } else {
                    state = paidHere > 0 ? InstalmentState.PART_PAID : InstalmentState.UPCOMING;
                }
            }
            out.add(new InstalmentProgress(i, paidHere, state));
        }
        long dpd = oldestUnpaid == null || !oldestUnpaid.isBefore(today) ? 0 : today.toEpochDay() - oldestUnpaid.toEpochDay();
        boolean complete = paid >= total;
        return new Progress(List.copyOf(out), paid, Math.max(0, total - paid), missed, oldestUnpaid, dpd, complete,
                !complete && missed >= breakAfterMissed);
    }
}
