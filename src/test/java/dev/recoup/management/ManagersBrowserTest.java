package dev.recoup.management;

import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.TeamFixture;
import dev.recoup.support.TestDatabase;
import dev.recoup.support.browser.BrowserTest;
import dev.recoup.waivers.domain.WaiverAmounts;
import dev.recoup.waivers.domain.WaiverKind;
import dev.recoup.waivers.persistence.WaiverService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A team lead at work in a real browser (issue 6): the approvals inbox, the team queue and today's dashboard at 1366×768. */
class ManagersBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired WaiverService waivers;
    @Autowired dev.recoup.shared.BusinessClock business;

    long caseId;
    long waiverId;

    @BeforeEach
    void aWaiverAwaitsTheLeadOnACaseOfItsTeam() {
        TestDatabase.clean(jdbc);
        new PortfolioFixture(jdbc).customer("C1").account("A1", "C1", "2026-05-01", 6, 1000);
        jdbc.sql("update instalment set interest_due = 5000, fee_due = 2000, penalty_due = 50000").update();
        jdbc.sql("update customer set id_number = '110101199001011234'").update();
        caseId = jdbc.sql("""
                insert into collection_case (customer_id, status, opened_on, opened_by_run, stage_entered_on)
                select id, 'OPEN', date '2026-06-01', 0, date '2026-06-01' from customer where customer_ref = 'C1' returning id""")
                .query(Long.class).single();
        new TeamFixture(jdbc).assign(caseId, TeamFixture.LEAD_TEAM, "A0001", 302_000);
        new TeamFixture(jdbc).agent(TeamFixture.LEAD_TEAM, "A0002");
        var draft = waivers.create(caseId, "A1", new WaiverAmounts(WaiverKind.WAIVER, 0, 50_000, 0, 0, null), "失业三个月，收入中断", false, "agent");
        waivers.addEvidence(draft.id(), "失业证明.pdf", "%PDF-1.7\n失业证明\n%%EOF".getBytes(StandardCharsets.UTF_8), "agent");
        waiverId = waivers.submit(draft.id(), "agent").id();
    }

    @Test
    void aTeamLeadApprovesAWaiverFromItsInboxWithAReason() {
        logIn("lead", "recoup-lead");
        page.navigate(url("/approvals"));
        var row = page.locator("#approval-inbox tbody tr").first();
        assertThat(row).containsText("#" + caseId);
        fitsTheScreen();
        screenshot("approvals-inbox");

        row.locator("input[name=reason]").fill("失业证明属实，同意减免");
        row.locator("button[value=APPROVE]").click();
        assertThat(page.locator("p.ok")).isVisible();
        assertThat(page.locator("#approval-inbox")).not().isVisible();
        assertThat(waivers.find(waiverId).status().toString()).isEqualTo("APPROVED");
        assertThat(page.locator("#approval-recent")).containsText("失业证明属实，同意减免");
    }

    @Test
    void aTeamLeadSeesItsTeamQueueWithMaskedIdsAndTodaysDashboardWithCharts() {
        logIn("lead", "recoup-lead");
        page.navigate(url("/team"));
        assertThat(page.locator("#team-cases")).containsText("110***********1234");
        assertThat(page.locator("#team-agents")).containsText("3,020.00");
        fitsTheScreen();
        screenshot("team-queue");

        // The day's work on the case: four calls (two reached the debtor), a payment of 300 yuan.
        long contact = jdbc.sql("insert into contact (contact_ref, customer_id, role, phone) select 'CT1', id, 'self', '13800001234' from customer returning id")
                .query(Long.class).single();
        java.time.ZonedDateTime morning = business.today().atTime(9, 0).atZone(business.zone());
        for (int i = 0; i < 4; i++) {
            jdbc.sql("""
                    insert into contact_attempt (case_id, customer_id, contact_id, channel, at, outcome, purpose, made_by, via)
                    select c.id, c.customer_id, ?, 'AGENT_CALL', ?, ?, 'COLLECTION', 'agent', 'RECORDED' from collection_case c where c.id = ?""")
                    .params(contact, java.sql.Timestamp.from(morning.plusMinutes(30L * i).toInstant()), i < 2 ? "CONVERSATION_DEBTOR" : "NO_ANSWER", caseId)
                    .update();
        }
        new PortfolioFixture(jdbc).payment("A1", business.today().toString(), 300);
        page.navigate(url("/today"));
        assertThat(page.locator("#chart-agents canvas")).isVisible();
        assertThat(page.locator("#today-agents")).containsText("坐席A0001");
        assertThat(page.locator("#totals")).containsText("300.00");
        fitsTheScreen();
        screenshot("today-dashboard");

        page.locator("#lang-en").click();
        assertThat(page.locator("h1")).containsText("Work on");
        page.locator("#nav-team summary").click();
        assertThat(page.locator("#nav-team a[href='/team']")).isVisible();
    }

    @Test
    void everyPageInTheManagersMenusOpensFromTheMenuAndFitsA1366Screen() {
        logIn("manager", "recoup-manager");
        for (String menu : java.util.List.of("nav-team", "nav-compliance", "nav-setup")) {
            int links = page.locator("#" + menu + " a").count();
            for (int i = 0; i < links; i++) {
                page.navigate(url("/"));
                page.locator("#" + menu + " summary").click();
                var link = page.locator("#" + menu + " a").nth(i);
                String href = link.getAttribute("href");
                if (href.endsWith(".xlsx") || href.contains("swagger")) {
                    continue;
                }
                link.click();
                page.waitForURL(u -> u.contains(href));
                assertThat(page.locator("header.top")).isVisible();
                Object width = page.evaluate("() => document.documentElement.scrollWidth");
                assertThat(((Number) width).intValue()).as(href + " width at 1366 px").isLessThanOrEqualTo(1366);
            }
        }
    }

    /** At 1366×768 nothing runs off the side: no horizontal scrolling. */
    void fitsTheScreen() {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("page width at 1366 px").isLessThanOrEqualTo(1366);
    }
}
