package dev.recoup.agreements;

import dev.recoup.agreements.persistence.PlanTracker;
import dev.recoup.agreements.persistence.PromiseJudge;

/** The daily step's two set-based statements over every open promise and plan, for the benchmark's EXPLAIN ANALYZE. */
public final class AgreementStatements {

    private AgreementStatements() {
    }

    public static String judgeAllPromises() {
        return PromiseJudge.statement(PromiseJudge.Scope.ALL);
    }

    public static String trackAllPlans() {
        return PlanTracker.statement(PlanTracker.Scope.ALL);
    }
}
