package dev.recoup.allocation;

import dev.recoup.allocation.domain.TeamKind;
import dev.recoup.allocation.persistence.OrganisationStore;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static dev.recoup.allocation.AllocationFixture.DAY;
import static org.assertj.core.api.Assertions.assertThat;

@RecoupIntegrationTest
class AllocationTest {

    @Autowired AllocationService allocation;
    @Autowired DailyRunService runs;
    @Autowired OrganisationStore organisation;
    @Autowired JdbcClient jdbc;
    AllocationFixture fixture;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clean(jdbc);
        fixture = new AllocationFixture(jdbc, organisation);
    }

    @Test
    void aNewAgentOnlyGetsT1Cases() {
        for (int i = 1; i <= 6; i++) {
            fixture.customer("A" + i, "T1", 1000 + 100 * i).customer("B" + i, "T2", 1000 + 100 * i);
        }
        runs.runToCompletion(DAY, "test");
        // The veteran can hold 7 of the 12 cases, so the agent who started three days ago must take some.
        fixture.team("phone", TeamKind.PHONE, List.of(), false)
                .agent("VETERAN", "phone", DAY.minusDays(200), 7, 1_000_000)
                .agent("NEWCOMER", "phone", DAY.minusDays(3), 100, 1_000_000);
        for (int i = 1; i <= 6; i++) {
            fixture.segment("A" + i, "phone-early", "phone").segment("B" + i, "phone-early", "phone");
        }

        for (AllocationMethod method : AllocationMethod.values()) {
            long run = allocation.run(method, DAY, true, "test").runId();
            assertThat(tiersProposedTo(run, "NEWCOMER")).as(method.name()).isNotEmpty().containsOnly("T1");
        }
        allocation.run(AllocationMethod.OPTIMISED, DAY, false, "test");
        assertThat(jdbc.sql("""
                select distinct a.tier from case_assignment a join agent g on g.id = a.agent_id
                where g.agent_ref = 'NEWCOMER' and a.ended_on is null""").query(String.class).list()).containsExactly("T1");
        assertThat(jdbc.sql("select count(*) from case_assignment where ended_on is null").query(Long.class).single()).isEqualTo(12);
    }

    @Test
    void noMethodGivesAnAgentMoreCasesOrMoreOverdueThanItsCapacity() {
        for (int i = 1; i <= 24; i++) {
            fixture.customer("C" + i, i % 2 == 0 ? "T2" : "T3", 400 + 150L * i);
        }
        runs.runToCompletion(DAY, "test");
        fixture.team("phone", TeamKind.PHONE, List.of(), false)
                .agent("P1", "phone", DAY.minusDays(100), 4, 12_000)
                .agent("P2", "phone", DAY.minusDays(100), 6, 9_000)
                .agent("P3", "phone", DAY.minusDays(100), 3, 30_000);
        for (int i = 1; i <= 24; i++) {
            fixture.segment("C" + i, i % 2 == 0 ? "phone-t2" : "phone-t3", "phone");
        }

        for (AllocationMethod method : AllocationMethod.values()) {
            long run = allocation.run(method, DAY, true, "test").runId();
            assertWithinCapacity("select agent_id, overdue_minor as amount from allocation_proposal where run_id = " + run);
        }
        allocation.run(AllocationMethod.SNAKE, DAY, false, "test");
        assertWithinCapacity("select agent_id, overdue_at_assignment as amount from case_assignment where ended_on is null");
        // A later run fills only the room left beside what the agents keep.
        allocation.run(AllocationMethod.OPTIMISED, DAY.plusDays(1), false, "test");
        allocation.run(AllocationMethod.ROUND_ROBIN, DAY.plusDays(2), false, "test");
        assertWithinCapacity("select agent_id, overdue_at_assignment as amount from case_assignment where ended_on is null");
        assertThat(jdbc.sql("select count(*) from case_assignment where ended_on is null").query(Long.class).single())
                .as("the capacities bind: some cases wait").isLessThan(24).isPositive();
    }

    @Test
    void aCaseStaysWithItsAgentUntilItsReviewIsDueOrItsStageChanges() {
        for (int i = 1; i <= 6; i++) {
            fixture.customer("S" + i, "T2", 1000 + 200 * i);
        }
        runs.runToCompletion(DAY, "test");
        fixture.team("phone", TeamKind.PHONE, List.of(), false)
                .agent("ANN", "phone", DAY.minusDays(300), 10, 1_000_000)
                .agent("BOB", "phone", DAY.minusDays(300), 10, 1_000_000);
        for (int i = 1; i <= 6; i++) {
            fixture.segment("S" + i, "phone-31-60", "phone");
        }
        allocation.run(AllocationMethod.ROUND_ROBIN, DAY, false, "test");
        Map<Long, Long> first = currentAssignmentIds();
        assertThat(first).hasSize(6);

        // Ten days on, with another method, nothing is dealt again.
        var later = allocation.run(AllocationMethod.SNAKE, DAY.plusDays(10), false, "test");
        assertThat(later.casesToAllocate()).isZero();
        assertThat(currentAssignmentIds()).isEqualTo(first);

        // S3 moves to another segment: only S3 is allocated again.
        fixture.segment("S3", "phone-61-90", "phone");
        var stage = allocation.run(AllocationMethod.OPTIMISED, DAY.plusDays(12), false, "test");
        assertThat(stage.ended()).containsEntry(dev.recoup.allocation.domain.EndReason.STAGE_CHANGED, 1);
        Map<Long, Long> afterStage = currentAssignmentIds();
        long s3 = fixture.caseOf("S3");
        assertThat(afterStage.get(s3)).isNotEqualTo(first.get(s3));
        first.forEach((caseId, assignment) -> {
            if (caseId != s3) {
                assertThat(afterStage.get(caseId)).isEqualTo(assignment);
            }
        });
        assertThat(jdbc.sql("select end_reason from case_assignment where id = ?").param(first.get(s3)).query(String.class).single())
                .isEqualTo("STAGE_CHANGED");

        // On the review day (30 days) the others are reallocated; S3, assigned on day 12, stays until day 42.
        var review = allocation.run(AllocationMethod.OPTIMISED, DAY.plusDays(30), false, "test");
        assertThat(review.ended()).containsEntry(dev.recoup.allocation.domain.EndReason.REALLOCATED, 5);
        Map<Long, Long> afterReview = currentAssignmentIds();
        assertThat(afterReview.get(s3)).isEqualTo(afterStage.get(s3));
        assertThat(jdbc.sql("select count(*) from case_assignment where ended_on is null and assigned_on = ? and review_on = ?")
                .params(DAY.plusDays(30), DAY.plusDays(60)).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void anEndedPlacementIsRecalledWithTheAgencysRecoveredAmountAndCommission() {
        fixture.customer("AG", "T4", 2000);
        runs.runToCompletion(DAY, "test");
        fixture.team("agency", TeamKind.AGENCY, List.of(), false).agency("AGENCY-A", "agency", 1500, 30, 100);
        fixture.segment("AG", "t4-placement", "agency");
        allocation.run(AllocationMethod.OPTIMISED, DAY, false, "test");
        assertThat(fixture.holderOf("AG")).isEqualTo("AGENCY-A");
        assertThat(jdbc.sql("select placement_ends_on from case_assignment where ended_on is null").query(java.time.LocalDate.class).single())
                .isEqualTo(DAY.plusDays(30));

        // Paid on the placement day (before it), during it, and after it ends: only the middle one is the agency's.
        fixture.payment("AG", DAY.toString(), 200).payment("AG", DAY.plusDays(10).toString(), 1000).payment("AG", DAY.plusDays(31).toString(), 500);
        allocation.run(AllocationMethod.OPTIMISED, DAY.plusDays(29), false, "test");
        assertThat(jdbc.sql("select count(*) from case_assignment where ended_on is not null").query(Long.class).single()).isZero();

        var recall = allocation.run(AllocationMethod.OPTIMISED, DAY.plusDays(30), false, "test");
        assertThat(recall.ended()).containsEntry(dev.recoup.allocation.domain.EndReason.RECALLED, 1);
        assertThat(jdbc.sql("""
                select end_reason, ended_on, recovered_minor, commission_minor from case_assignment where ended_on is not null""")
                .query().singleRow())
                .containsEntry("end_reason", "RECALLED").containsEntry("ended_on", java.sql.Date.valueOf(DAY.plusDays(30)))
                .containsEntry("recovered_minor", 100_000L).containsEntry("commission_minor", 15_000L);
        var agency = organisation.agency("AGENCY-A").orElseThrow();
        assertThat(agency.placementsEnded()).isEqualTo(1);
        assertThat(agency.recoveredMinor()).isEqualTo(100_000L);
        assertThat(agency.commissionMinor()).isEqualTo(15_000L);
    }

    @Test
    void aClosedCaseEndsItsAssignment() {
        fixture.customer("CL", "T2", 1500);
        runs.runToCompletion(DAY, "test");
        fixture.team("phone", TeamKind.PHONE, List.of(), false).agent("ANN", "phone", DAY.minusDays(300), 10, 1_000_000);
        fixture.segment("CL", "phone-31-60", "phone");
        allocation.run(AllocationMethod.ROUND_ROBIN, DAY, false, "test");
        long caseId = fixture.caseOf("CL");
        jdbc.sql("update collection_case set status = 'CLOSED', closed_on = ?, close_reason = 'CURED' where id = ?")
                .params(DAY.plusDays(3), caseId).update();
        fixture.payment("CL", DAY.plusDays(2).toString(), 3000);

        var run = allocation.run(AllocationMethod.ROUND_ROBIN, DAY.plusDays(3), false, "test");

        assertThat(run.ended()).containsEntry(dev.recoup.allocation.domain.EndReason.CASE_CLOSED, 1);
        assertThat(jdbc.sql("select end_reason, recovered_minor, commission_minor from case_assignment where case_id = ?").param(caseId)
                .query().singleRow()).containsEntry("end_reason", "CASE_CLOSED").containsEntry("recovered_minor", 300_000L)
                .containsEntry("commission_minor", null);
    }

    @Test
    void legalCasesGoOnlyToAgentsWithTheLegalSkillAndFieldCasesOnlyToAgentsCoveringTheCustomersRegion() {
        fixture.customer("L1", "T4", 3000).customer("L2", "T4", 2500)
                .customer("F1", "T3", 1000).region("F1", "440305")
                .customer("F2", "T3", 1000).region("F2", "310104")
                .customer("F3", "T3", 1000);
        runs.runToCompletion(DAY, "test");
        fixture.team("legal", TeamKind.LEGAL, List.of("legal"), false)
                .agent("LAWYER", "legal", DAY.minusDays(400), 10, 1_000_000, List.of("legal"), List.of())
                .agent("CLERK", "legal", DAY.minusDays(400), 10, 1_000_000, List.of("negotiation"), List.of())
                .team("field", TeamKind.FIELD, List.of(), true)
                .agent("SHENZHEN", "field", DAY.minusDays(400), 10, 1_000_000, List.of(), List.of("4403"))
                .agent("SHANGHAI", "field", DAY.minusDays(400), 10, 1_000_000, List.of(), List.of("31"));
        fixture.segment("L1", "litigation", "legal").segment("L2", "litigation", "legal")
                .segment("F1", "visit", "field").segment("F2", "visit", "field").segment("F3", "visit", "field");

        allocation.run(AllocationMethod.ROUND_ROBIN, DAY, false, "test");

        assertThat(fixture.holderOf("L1")).isEqualTo("LAWYER");
        assertThat(fixture.holderOf("L2")).isEqualTo("LAWYER");
        assertThat(fixture.holderOf("F1")).isEqualTo("SHENZHEN");
        assertThat(fixture.holderOf("F2")).isEqualTo("SHANGHAI");
        assertThat(fixture.holderOf("F3")).as("no region: no field agent can visit").isNull();
    }

    @Test
    void theOptimisedAllocationExpectsAtLeastAsMuchAsSnakeAndRoundRobinAndNoMoreThanTheLpBound() {
        for (int i = 1; i <= 40; i++) {
            fixture.customer("O" + i, i % 3 == 0 ? "T3" : "T2", 300 + 97L * (i * 7 % 40));
        }
        runs.runToCompletion(DAY, "test");
        fixture.team("phone", TeamKind.PHONE, List.of(), false)
                .agent("P1", "phone", DAY.minusDays(100), 8, 20_000)
                .agent("P2", "phone", DAY.minusDays(100), 10, 14_000)
                .agent("P3", "phone", DAY.minusDays(100), 6, 40_000);
        for (int i = 1; i <= 40; i++) {
            fixture.segment("O" + i, i % 3 == 0 ? "phone-t3" : "phone-t2", "phone");
        }

        long run = allocation.run(AllocationMethod.OPTIMISED, DAY, true, "test").runId();

        var figures = jdbc.sql("select expected_round_robin, expected_snake, expected_optimised, lp_bound from allocation_run where id = ?")
                .param(run).query().singleRow();
        long optimised = (Long) figures.get("expected_optimised");
        assertThat(optimised).isGreaterThanOrEqualTo((Long) figures.get("expected_snake"))
                .isGreaterThanOrEqualTo((Long) figures.get("expected_round_robin"))
                .isLessThanOrEqualTo((Long) figures.get("lp_bound"));
        assertThat(optimised).isGreaterThan((Long) figures.get("expected_round_robin"));
        // A dry run changes nothing.
        assertThat(jdbc.sql("select count(*) from case_assignment").query(Long.class).single()).isZero();
    }

    @Test
    void theDailyRunAllocatesTheDaysCasesToTheOrganisation() {
        for (int i = 1; i <= 5; i++) {
            fixture.customer("D" + i, "T2", 1000 + 100 * i);
        }
        fixture.team("phone-t2", TeamKind.PHONE, List.of(), false).agent("ANN", "phone-t2", DAY.minusDays(300), 10, 1_000_000);

        var run = runs.runToCompletion(DAY, "test");

        assertThat(runs.steps(run.id())).extracting(s -> s.step()).contains("allocate");
        // Without a strategy's segments, T2 cases queue for phone-t2 by their tier.
        assertThat(jdbc.sql("select count(*) from case_assignment where ended_on is null").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select daily_run_id from allocation_run").query(Long.class).single()).isEqualTo(run.id());
        // The case flow moves the allocated cases to ASSIGNED (R8).
        assertThat(jdbc.sql("select distinct c.flow_stage from collection_case c join case_assignment a on a.case_id = c.id")
                .query(String.class).list()).containsExactly("ASSIGNED");
    }

    private List<String> tiersProposedTo(long run, String agentRef) {
        return jdbc.sql("""
                select p.tier from allocation_proposal p join agent g on g.id = p.agent_id
                where p.run_id = ? and g.agent_ref = ?""").params(run, agentRef).query(String.class).list();
    }

    private void assertWithinCapacity(String holdings) {
        var rows = jdbc.sql("""
                select g.agent_ref, count(h.agent_id) as cases, coalesce(sum(h.amount), 0) as amount, g.max_open_cases, g.max_overdue_minor
                from agent g left join (%s) h on h.agent_id = g.id group by g.id""".formatted(holdings)).query().listOfRows();
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(((Number) r.get("cases")).longValue()).as("cases of " + r.get("agent_ref"))
                    .isLessThanOrEqualTo(((Number) r.get("max_open_cases")).longValue());
            assertThat(((Number) r.get("amount")).longValue()).as("overdue of " + r.get("agent_ref"))
                    .isLessThanOrEqualTo(((Number) r.get("max_overdue_minor")).longValue());
        });
        assertThat(rows).anySatisfy(r -> assertThat(((Number) r.get("cases")).longValue()).isPositive());
    }

    private Map<Long, Long> currentAssignmentIds() {
        Map<Long, Long> ids = new java.util.HashMap<>();
        jdbc.sql("select case_id, id from case_assignment where ended_on is null").query((rs, i) -> ids.put(rs.getLong(1), rs.getLong(2))).list();
        return ids;
    }
}
