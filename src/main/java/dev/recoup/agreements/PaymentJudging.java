package dev.recoup.agreements;

import dev.recoup.agreements.persistence.PlanTracker;
import dev.recoup.agreements.persistence.PromiseJudge;
import dev.recoup.payments.PaymentReversed;
import dev.recoup.payments.PaymentsPosted;
import dev.recoup.payments.PostedPayment;
import dev.recoup.shared.BusinessClock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * A payment during the day settles promises and plans at once (R15, issue 5 point 1): listens to
 * every posting, synchronously inside its transaction, and re-judges — in two statements whatever
 * the size of the posting — the open promises covering the paid accounts and the active plans of
 * their customers. A promise paid enough is KEPT there and then; a plan paid in full is COMPLETED.
 * A reversal re-counts what is still open (a promise already judged stays judged).
 */
@Component
class PaymentJudging {

    private final PromiseJudge promises;
    private final PlanTracker plans;
    private final BusinessClock clock;

    PaymentJudging(PromiseJudge promises, PlanTracker plans, BusinessClock clock) {
        this.promises = promises;
        this.plans = plans;
        this.clock = clock;
    }

    @EventListener
    void onPosted(PaymentsPosted posted) {
        long[] accounts = posted.payments().stream().mapToLong(PostedPayment::accountId).distinct().toArray();
        judge(accounts, today(posted));
    }

    @EventListener
    void onReversed(PaymentReversed reversed) {
        judge(new long[]{reversed.accountId()}, clock.today());
    }

    private void judge(long[] accounts, LocalDate today) {
        if (accounts.length == 0) {
            return;
        }
        promises.judge(PromiseJudge.Scope.ACCOUNTS, accounts, 0, today, "PAYMENT");
        plans.track(PlanTracker.Scope.ACCOUNTS, accounts, 0, today);
    }

    /** Today, or the latest paid date when a file brings payments dated later (they must count). */
    private LocalDate today(PaymentsPosted posted) {
        LocalDate today = clock.today();
        for (PostedPayment p : posted.payments()) {
            if (p.paidOn() != null && p.paidOn().isAfter(today)) {
                today = p.paidOn();
            }
        }
        return today;
    }
}
