package dev.recoup.contact;

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

/**
 * A month of dialer traffic for {@code bench.cases} cases (100,000 by default) through the gate, then
 * the independent SQL re-check over the ledger. Not a test (named so that {@code mvn verify} skips
 * it); it prints what happened and the re-check's report. Run it with
 * <pre>./mvnw -B -q test -Dtest=DialerMonthBenchmark -Dbench.cases=100000 -Dbench.days=30</pre>
 */
@RecoupIntegrationTest
class DialerMonthBenchmark {

    @Autowired JdbcClient jdbc;
    @Autowired DialerService dialer;
    @Autowired CallButton button;
    @Autowired LedgerStore ledger;
    @Autowired ComplaintService complaints;
    @Autowired HoldStore holds;
    @Autowired LedgerAudit audit;
    @Autowired PackSettings settings;
    @Autowired BusinessClock clock;

    @Test
    void aMonthOfDialerTraffic() {
        int cases = Integer.getInteger("bench.cases", 100_000);
        int days = Integer.getInteger("bench.days", 30);
        int limit = Integer.getInteger("bench.list-limit", Math.min(20_000, cases / 5));
        TestDatabase.clean(jdbc);
        settings.reload();
        LocalDate first = clock.today().minusDays(days);
        DialerSimulation sim = new DialerSimulation(jdbc, dialer, button, ledger, complaints, holds, 42);
        long t = System.nanoTime();
        sim.portfolio(cases, first);
        System.out.printf("portfolio of %d cases: %.1f s%n", cases, (System.nanoTime() - t) / 1e9);
        DialerSimulation.Totals totals = sim.run(first, days, limit, System.out::println);
        System.out.println("totals: " + totals);
        t = System.nanoTime();
        LedgerAudit.Report report = audit.audit(first.atStartOfDay(DialerSimulation.BEIJING).toInstant(),
                first.plusDays(days).atStartOfDay(DialerSimulation.BEIJING).toInstant());
        System.out.printf("re-check over %d ledger entries: %s breaches %s, %.1f s%n", report.attempts(), report.total(), report.breaches(),
                (System.nanoTime() - t) / 1e9);
        report.examples().stream().limit(20).forEach(b -> System.out.println("  " + b));
        System.out.println("ledger: " + jdbc.sql("select count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('contact_attempt')) from contact_attempt")
                .query(String.class).single());
    }
}
