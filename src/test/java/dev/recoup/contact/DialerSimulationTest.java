package dev.recoup.contact;

import dev.recoup.contact.persistence.BestTimes;
import dev.recoup.contact.persistence.CallButton;
import dev.recoup.contact.persistence.ComplaintService;
import dev.recoup.contact.persistence.DialerService;
import dev.recoup.contact.persistence.HoldStore;
import dev.recoup.contact.persistence.LedgerAudit;
import dev.recoup.contact.persistence.LedgerStore;
import dev.recoup.contact.persistence.PackSettings;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month of dialer traffic for 500 cases through the gate breaks nothing the China pack forbids —
 * checked by the independent SQL re-check over the ledger — while the gate did have to refuse
 * (quiet hours, the daily cap, holds, a relative pressed for the debt). The 100k run is
 * {@code DialerMonthBenchmark}.
 */
@RecoupIntegrationTest
class DialerSimulationTest {

    @Autowired JdbcClient jdbc;
    @Autowired DialerService dialer;
    @Autowired CallButton button;
    @Autowired LedgerStore ledger;
    @Autowired ComplaintService complaints;
    @Autowired HoldStore holds;
    @Autowired LedgerAudit audit;
    @Autowired PackSettings settings;
    @Autowired BestTimes bestTimes;
    @Autowired BusinessClock clock;

    @Test
    void aMonthOfDialerTrafficFor500CasesThroughTheGateBreaksNothingAnIndependentReCheckCouldFind() {
        TestDatabase.clean(jdbc);
        settings.reload();
        LocalDate first = clock.today().minusDays(30);
        DialerSimulation sim = new DialerSimulation(jdbc, dialer, button, ledger, complaints, holds, 42);
        sim.portfolio(500, first);
        // The list takes most of the cases every two hours, so the daily cap binds.
        DialerSimulation.Totals totals = sim.run(first, 30, 400, null);

        System.out.println("dialer simulation, 500 cases: " + totals);
        LedgerAudit.Report report = audit.audit(first.atStartOfDay(DialerSimulation.BEIJING).toInstant(),
                first.plusDays(30).atStartOfDay(DialerSimulation.BEIJING).toInstant());
        assertThat(report.total()).as("breaches found by the re-check: %s", report.examples()).isZero();
        assertThat(report.attempts()).isEqualTo(totals.dialled() + totals.buttonAllowed()).isGreaterThan(40_000);
        assertThat(totals.listRefused()).isPositive();
        assertThat(totals.cancelledBeforeDialling()).as("entries cancelled by holds received after the list").isPositive();
        assertThat(totals.buttonRefusedBy()).containsKeys("CN-QUIET-HOURS", "CN-DAILY-CALL-CAP", "CN-THIRD-PARTY-PURPOSE");
        assertThat(totals.buttonRefusedBy().keySet()).anyMatch(id -> id.startsWith("CN-HOLD-"));
        // Some calls fell in 22:00–23:00, allowed by the debtors' own consent, and the re-check agreed.
        assertThat(jdbc.sql("""
                select count(*) from contact_attempt where outcome is not null and extract(hour from at at time zone 'Asia/Shanghai') = 22""")
                .query(Long.class).single()).isPositive();
        // What was learned puts mid-afternoon first.
        bestTimes.refresh();
        assertThat(jdbc.sql("select hour from contact_rate_cell where region = '*' order by rpc_rate desc limit 1").query(Integer.class).single())
                .isBetween(15, 16);
    }
}
