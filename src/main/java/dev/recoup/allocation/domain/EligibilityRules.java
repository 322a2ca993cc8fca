package dev.recoup.allocation.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Who may work a case — the rules that hold under every allocation method (capacities are the
 * allocators' part):
 * <ol>
 *   <li><b>queue</b>: the worker's team serves the case's queue;</li>
 *   <li><b>started</b>: an agent works from the first day on, not before;</li>
 *   <li><b>skills</b>: an agent has every skill its team requires (the legal team requires "legal");</li>
 *   <li><b>region</b>: where the team requires it (field visits), the customer's region code starts with one
 *       of the worker's region prefixes; a customer without a region goes to nobody in such a team;</li>
 *   <li><b>new agents</b>: an agent who started fewer than {@code newAgentDays} days ago (14) gets only T1 cases.</li>
 * </ol>
 */
public final class EligibilityRules {

    private final int newAgentDays;

    public EligibilityRules(int newAgentDays) {
        this.newAgentDays = newAgentDays;
    }

    public int newAgentDays() {
        return newAgentDays;
    }

    public boolean isNewAgent(Worker worker, LocalDate date) {
        return worker.kind() == WorkerKind.AGENT && worker.startedOn() != null
                && ChronoUnit.DAYS.between(worker.startedOn(), date) < newAgentDays;
    }

    public boolean eligible(Worker worker, PoolCase c, LocalDate date) {
        return worker.queues().contains(c.queue())
                && (worker.startedOn() == null || !worker.startedOn().isAfter(date))
                && worker.skills().containsAll(worker.requiredSkills())
                && (!worker.regionMatching() || covers(worker, c.regionCode()))
                && (!isNewAgent(worker, date) || "T1".equals(c.tier()));
    }

    static boolean covers(Worker worker, String regionCode) {
        if (regionCode == null) {
            return false;
        }
        for (String prefix : worker.regions()) {
            if (regionCode.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
