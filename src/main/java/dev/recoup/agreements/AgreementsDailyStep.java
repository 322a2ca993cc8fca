package dev.recoup.agreements;

import dev.recoup.agreements.persistence.PlanTracker;
import dev.recoup.agreements.persistence.PromiseJudge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Map;

/**
 * The daily run's step "agreements" (before the strategy is applied, inside the run's completion
 * transaction): judges every open promise and tracks every active plan as of the business date —
 * imported payments count like posted ones. Set-based: two statements whatever the portfolio size,
 * touching only open promises and active plans. Reminders are not sent here but in the morning
 * ({@link AgreementReminders}).
 */
@Service
public class AgreementsDailyStep {

    private static final Logger log = LoggerFactory.getLogger(AgreementsDailyStep.class);

    private final PromiseJudge promises;
    private final PlanTracker plans;

    private final JdbcClient jdbc;

    AgreementsDailyStep(PromiseJudge promises, PlanTracker plans, JdbcClient jdbc) {
        this.promises = promises;
        this.plans = plans;
        this.jdbc = jdbc;
    }

    /** What the step did on a business date. */
    public record Result(long promisesKept, long promisesPartlyKept, long promisesBroken, long plansCompleted, long plansBroken) {
    }

    public Result run(long runId, LocalDate businessDate) {
        long started = System.nanoTime();
        // Fresh statistics first: promises and plans recorded in bulk since the last analyse (an import, a
        // busy day) otherwise look like a handful of rows, and the judging statement joins its steps by
        // nested loops — minutes for 18k promises at 1M accounts instead of under a second.
        jdbc.sql("analyze promise, promise_account, plan, plan_instalment").update();
        Map<PromiseJudge.Verdict, Long> judged = promises.judge(PromiseJudge.Scope.ALL, null, 0, businessDate, "DAILY_RUN");
        long judgedAt = System.nanoTime();
        PlanTracker.Tracked tracked = plans.track(PlanTracker.Scope.ALL, null, 0, businessDate);
        long trackedAt = System.nanoTime();
        Result result = new Result(judged.get(PromiseJudge.Verdict.KEPT), judged.get(PromiseJudge.Verdict.PARTLY_KEPT),
                judged.get(PromiseJudge.Verdict.BROKEN), tracked.completed(), tracked.broken());
        log.info("Daily run {} agreements for {}: {} (promises judged in {} ms, plans tracked in {} ms)", runId, businessDate, result,
                (judgedAt - started) / 1_000_000, (trackedAt - judgedAt) / 1_000_000);
        return result;
    }
}
