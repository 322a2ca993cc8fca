package dev.recoup.allocation;

import dev.recoup.allocation.domain.Organisation;
import dev.recoup.allocation.domain.TeamKind;
import dev.recoup.allocation.persistence.OrganisationStore;
import dev.recoup.support.PortfolioFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

/**
 * Builds allocation scenarios: customers of a chosen tier as of {@link #DAY}, teams, agents and
 * agencies, and each case's strategy segment and queue in a {@code case_segment} table of the shape
 * the strategy module publishes (created here if the strategy's migration has not).
 */
final class AllocationFixture {

    /** The business date of the scenarios' daily run. */
    static final LocalDate DAY = LocalDate.parse("2026-03-20");

    private final JdbcClient jdbc;
    private final PortfolioFixture portfolio;
    private final OrganisationStore organisation;

    AllocationFixture(JdbcClient jdbc, OrganisationStore organisation) {
        this.jdbc = jdbc;
        this.portfolio = new PortfolioFixture(jdbc);
        this.organisation = organisation;
        jdbc.sql("""
                create table if not exists case_segment (
                    case_id bigint primary key, strategy_version_id bigint, experiment_arm text, segment_code text not null,
                    queue text not null, entered_on date, evaluated_on date, run_id bigint)""").update();
    }

    /**
     * A customer who is, on {@link #DAY}, in the given tier with {@code instalmentYuan} × (1 to 8)
     * instalments overdue: T1 5 days late after paying on time, T2 38 days late after a first
     * payment, T3 139 days and T4 231 days late, never having paid.
     */
    AllocationFixture customer(String ref, String tier, long instalmentYuan) {
        portfolio.customer(ref);
        String account = ref + "-1";
        switch (tier) {
            case "T1" -> portfolio.account(account, ref, "2026-01-15", 6, instalmentYuan)
                    .payment(account, "2026-01-15", instalmentYuan).payment(account, "2026-02-15", instalmentYuan);
            case "T2" -> portfolio.account(account, ref, "2026-01-10", 6, instalmentYuan).payment(account, "2026-01-10", instalmentYuan);
            case "T3" -> portfolio.account(account, ref, "2025-11-11", 12, instalmentYuan);
            case "T4" -> portfolio.account(account, ref, "2025-08-01", 12, instalmentYuan);
            default -> throw new IllegalArgumentException(tier);
        }
        return this;
    }

    AllocationFixture payment(String customerRef, String paidOn, long yuan) {
        portfolio.payment(customerRef + "-1", paidOn, yuan);
        return this;
    }

    AllocationFixture region(String customerRef, String regionCode) {
        jdbc.sql("update customer set region_code = ? where customer_ref = ?").params(regionCode, customerRef).update();
        return this;
    }

    long caseOf(String customerRef) {
        return jdbc.sql("""
                select c.id from collection_case c join customer cu on cu.id = c.customer_id
                where cu.customer_ref = ? and c.status = 'OPEN'""").param(customerRef).query(Long.class).single();
    }

    /** Puts the customer's open case in a strategy segment and its queue (what the strategy's daily step publishes). */
    AllocationFixture segment(String customerRef, String segment, String queue) {
        long caseId = caseOf(customerRef);
        jdbc.sql("delete from case_segment where case_id = ?").param(caseId).update();
        jdbc.sql("""
                insert into case_segment (case_id, strategy_version_id, experiment_arm, segment_code, queue, entered_on, evaluated_on, run_id)
                values (?, 1, null, ?, ?, ?, ?, 1)""").params(caseId, segment, queue, DAY, DAY).update();
        return this;
    }

    AllocationFixture team(String code, TeamKind kind, List<String> requiredSkills, boolean regionMatching) {
        organisation.createTeam(new Organisation.Team(code, code + "组", code + " team", kind, List.of(code), requiredSkills, regionMatching,
                true));
        return this;
    }

    AllocationFixture agent(String ref, String team, LocalDate started, int maxCases, long maxOverdueYuan, List<String> skills,
                            List<String> regions) {
        organisation.createAgent(new Organisation.Agent(ref, "催收员" + ref, team, skills, 2, started, regions, maxCases,
                maxOverdueYuan * 100, true));
        return this;
    }

    AllocationFixture agent(String ref, String team, LocalDate started, int maxCases, long maxOverdueYuan) {
        return agent(ref, team, started, maxCases, maxOverdueYuan, List.of(), List.of());
    }

    AllocationFixture agency(String ref, String team, int commissionBp, int placementDays, int maxCases) {
        organisation.createAgency(new Organisation.Agency(ref, "机构" + ref, team, commissionBp, placementDays, maxCases, 1_000_000_000L, true));
        return this;
    }

    /** The current holder's ref (agent or agency) of the customer's open case, or null. */
    String holderOf(String customerRef) {
        return jdbc.sql("""
                select coalesce(g.agent_ref, y.agency_ref) from case_assignment a
                left join agent g on g.id = a.agent_id left join agency y on y.id = a.agency_id
                where a.case_id = ? and a.ended_on is null""").param(caseOf(customerRef)).query(String.class).optional().orElse(null);
    }
}
