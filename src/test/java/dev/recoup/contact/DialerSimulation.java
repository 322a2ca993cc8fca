package dev.recoup.contact;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.HoldKind;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.contact.persistence.CallButton;
import dev.recoup.contact.persistence.ComplaintService;
import dev.recoup.contact.persistence.ContactRefusedException;
import dev.recoup.contact.persistence.DialerService;
import dev.recoup.contact.persistence.HoldStore;
import dev.recoup.contact.persistence.LedgerStore;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A month of dialer traffic through the gate, for the verify-scale test and the 100k benchmark.
 *
 * <p>Every two hours from 06:00 to 22:00 (Beijing time) the dialer fetches the call list for the
 * next two hours and dials each entry at a random second of its slot — after checking that the entry
 * was not cancelled — reporting results in batches; 5% of entries are never dialled. Meanwhile
 * complaints arrive and other holds are received (each effective at once), a few debtors gave
 * consent to evening calls, and agents press the call button for a "hot" 1% of the cases at any
 * hour, now and then for a relative and for collection. Everything goes through the services the
 * HTTP API uses; the only judge of what is allowed is the gate. Afterwards {@code LedgerAudit}
 * re-checks the ledger in SQL.
 */
final class DialerSimulation {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String[] REGIONS = {"110101", "310110", "440106", "330102", "510104", "420102", "320583", "650102"};

    record Totals(long listed, long dialled, long cancelledBeforeDialling, long notDialled, long listRefused, long buttonAllowed,
                  long buttonRefused, Map<String, Long> buttonRefusedBy, long complaints, long otherHolds, double seconds) {
    }

    private final JdbcClient jdbc;
    private final DialerService dialer;
    private final CallButton button;
    private final LedgerStore ledger;
    private final ComplaintService complaints;
    private final HoldStore holds;
    private final Random random;

    DialerSimulation(JdbcClient jdbc, DialerService dialer, CallButton button, LedgerStore ledger, ComplaintService complaints, HoldStore holds,
                     long seed) {
        this.jdbc = jdbc;
        this.dialer = dialer;
        this.button = button;
        this.ledger = ledger;
        this.complaints = complaints;
        this.holds = holds;
        this.random = new Random(seed);
    }

    /** {@code cases} debtors (own mobile and a relative's), each with an open case and an open ROBOT_CALL task in queue "robots". */
    void portfolio(int cases, LocalDate firstDay) {
        jdbc.sql("""
                insert into customer (customer_ref, name, region_code, address)
                select 'SIM' || n, '客户' || n, (cast(:regions as text[]))[1 + n % 8], '模拟地址' || n from generate_series(1, :n) n""")
                .param("regions", "{" + String.join(",", REGIONS) + "}").param("n", cases).update();
        jdbc.sql("""
                insert into account (account_ref, customer_id, product, currency, principal, annual_rate, start_date)
                select customer_ref || '-1', id, case when id % 2 = 0 then 'consumer_loan' else 'credit_card' end, 'CNY', 1000000, 0.18, date '2025-01-01'
                from customer where customer_ref like 'SIM%' order by id""").update();
        jdbc.sql("""
                insert into collection_case (customer_id, status, opened_on, opened_by_run, flow_stage, stage_entered_on)
                select id, 'OPEN', :day, 1, 'ASSIGNED', :day from customer where customer_ref like 'SIM%' order by id""").param("day", firstDay).update();
        jdbc.sql("""
                insert into contact (contact_ref, customer_id, role, name, phone)
                select customer_ref || '-S', id, 'self', name, '13' || lpad(id::text, 9, '0') from customer where customer_ref like 'SIM%'
                union all
                select customer_ref || '-R', id, 'relative', '亲属' || id, '15' || lpad(id::text, 9, '0') from customer where customer_ref like 'SIM%'""").update();
        jdbc.sql("""
                insert into task (case_id, type, step_key, due_on, due_at, queue, source, created_on)
                select id, 'ROBOT_CALL', 'sim/robot-call', :day, now(), 'robots', 'simulation', :day from collection_case order by id""")
                .param("day", firstDay).update();
        // 3% gave consent to be called 22:00–23:00 every day, before the month began.
        jdbc.sql("""
                insert into contact_consent (contact_id, customer_id, source, received_at, channels, window_start, window_end, note, recorded_by, recorded_at)
                select id, customer_id, 'DEBTOR_DIRECT', :received, '{ROBOT_CALL,AGENT_CALL}', time '22:00', time '23:00', '晚上十点后方便', 'simulation', now()
                from contact where role = 'self' and id % 33 = 0""").param("received", java.sql.Timestamp.from(firstDay.minusDays(1).atStartOfDay(BEIJING).toInstant()))
                .update();
        jdbc.sql("analyze").update();
    }

    Totals run(LocalDate firstDay, int days, int listLimit, Consumer<String> progress) {
        long started = System.nanoTime();
        List<long[]> cases = jdbc.sql("""
                select c.id, c.customer_id, s.id, r.id from collection_case c
                join contact s on s.customer_id = c.customer_id and s.role = 'self'
                join contact r on r.customer_id = c.customer_id and r.role = 'relative' order by c.id""")
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list();
        List<long[]> hot = cases.stream().filter(c -> c[0] % 100 == 7).toList();
        long listed = 0, dialled = 0, cancelled = 0, notDialled = 0, listRefused = 0, buttonAllowed = 0, buttonRefused = 0, complaintCount = 0, otherHolds = 0;
        Map<String, Long> refusedBy = new TreeMap<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            for (int hour = 6; hour <= 22; hour += 2) {
                Instant from = day.atTime(hour, 0).atZone(BEIJING).toInstant();
                Instant until = from.plus(Duration.ofHours(2));
                DialerService.CallList list = dialer.callList("robots", Channel.ROBOT_CALL, from, until, listLimit);
                listed += list.entries().size();
                listRefused += list.refused();
                List<Event> events = new ArrayList<>();
                for (DialerService.Entry e : list.entries()) {
                    if (random.nextDouble() < 0.05) {
                        notDialled++;
                        continue;
                    }
                    long span = Duration.between(e.callFrom(), e.callUntil()).getSeconds();
                    events.add(new Event(e.callFrom().plusSeconds((long) (random.nextDouble() * span)), Kind.DIAL, e, null));
                }
                int newHolds = Math.max(1, cases.size() / 4000);
                for (int i = 0; i < newHolds; i++) {
                    long[] c = cases.get(random.nextInt(cases.size()));
                    events.add(new Event(randomIn(from, until), random.nextInt(4) == 0 ? Kind.OTHER_HOLD : Kind.COMPLAINT, null, c));
                }
                for (long[] c : hot) {
                    if (random.nextDouble() < 0.6) {
                        events.add(new Event(randomIn(from, until), random.nextInt(20) == 0 ? Kind.THIRD_PARTY_PRESS : Kind.PRESS, null, c));
                    }
                }
                events.sort(Comparator.comparing(Event::at));
                List<DialerService.Result> results = new ArrayList<>();
                int i = 0;
                while (i < events.size()) {
                    // Dials up to the next other event: the dialer checks their entries (one batch), then dials those still reserved.
                    int j = i;
                    while (j < events.size() && events.get(j).kind() == Kind.DIAL) {
                        j++;
                    }
                    if (j > i) {
                        List<Event> dials = events.subList(i, j);
                        Map<Long, String> status = dialer.statuses(dials.stream().mapToLong(e -> e.entry().entryId()).toArray());
                        for (Event e : dials) {
                            if (!"RESERVED".equals(status.get(e.entry().entryId()))) {
                                cancelled++;
                                continue;
                            }
                            dialled++;
                            results.add(new DialerService.Result("sim-" + e.entry().entryId(), e.entry().entryId(), e.at(),
                                    e.at().plusSeconds(20 + random.nextInt(120)), outcome(e.at()), null));
                        }
                        i = j;
                        continue;
                    }
                    Event e = events.get(i++);
                    long[] c = e.theCase();
                    switch (e.kind()) {
                        case COMPLAINT -> {
                            complaints.register(c[0], ComplaintService.Channel.PHONE, ComplaintService.Category.HARASSMENT, "模拟投诉", e.at(), "simulation");
                            complaintCount++;
                        }
                        case OTHER_HOLD -> {
                            HoldKind kind = List.of(HoldKind.DISPUTE_OPEN, HoldKind.DECEASED, HoldKind.BANKRUPT, HoldKind.ATTORNEY_REPRESENTS)
                                    .get(random.nextInt(4));
                            holds.place(new HoldStore.NewHold(HoldStore.Level.CASE, c[0], null, null, kind, null, null, null, Set.of(), e.at(), null,
                                    "simulation"), "simulation");
                            otherHolds++;
                        }
                        case PRESS, THIRD_PARTY_PRESS -> {
                            boolean third = e.kind() == Kind.THIRD_PARTY_PRESS;
                            try {
                                LedgerStore.AttemptView a = button.start(new ProposedContact(c[0], null, third ? c[3] : c[2], Channel.AGENT_CALL, e.at(),
                                        Purpose.COLLECTION, true, 0), "agent-sim", LedgerStore.Via.CALL_BUTTON);
                                ledger.outcome(a.id(), outcome(e.at()), e.at().plusSeconds(60));
                                buttonAllowed++;
                            } catch (ContactRefusedException refused) {
                                buttonRefused++;
                                refused.hits().forEach(h -> refusedBy.merge(h.ruleId(), 1L, Long::sum));
                            }
                        }
                        default -> throw new IllegalStateException();
                    }
                }
                dialer.recordAll(results);
            }
            if (progress != null) {
                progress.accept("day %d/%d: listed %d, dialled %d, cancelled %d, list refused %d, button %d/%d refused, holds %d+%d, %.0f s"
                        .formatted(d + 1, days, listed, dialled, cancelled, listRefused, buttonRefused, buttonAllowed + buttonRefused, complaintCount,
                                otherHolds, (System.nanoTime() - started) / 1e9));
            }
        }
        return new Totals(listed, dialled, cancelled, notDialled, listRefused, buttonAllowed, buttonRefused, refusedBy, complaintCount, otherHolds,
                (System.nanoTime() - started) / 1e9);
    }

    private Instant randomIn(Instant from, Instant until) {
        return from.plusSeconds((long) (random.nextDouble() * Duration.between(from, until).getSeconds()));
    }

    /** Debtors answer more often mid-afternoon (so there is something to learn). */
    private Outcome outcome(Instant at) {
        int hour = at.atZone(BEIJING).getHour();
        double rpc = hour >= 15 && hour < 17 ? 0.25 : 0.12;
        double x = random.nextDouble();
        if (x < rpc) {
            return Outcome.CONVERSATION_DEBTOR;
        }
        x = random.nextDouble();
        return x < 0.5 ? Outcome.NO_ANSWER : x < 0.65 ? Outcome.VOICEMAIL : x < 0.78 ? Outcome.BUSY : x < 0.85 ? Outcome.NOT_IN_SERVICE
                : x < 0.92 ? Outcome.CONVERSATION_THIRD_PARTY : Outcome.DROPPED;
    }

    private enum Kind { DIAL, COMPLAINT, OTHER_HOLD, PRESS, THIRD_PARTY_PRESS }

    private record Event(Instant at, Kind kind, DialerService.Entry entry, long[] theCase) {
    }

    static Map<String, Long> none() {
        return new HashMap<>();
    }
}
