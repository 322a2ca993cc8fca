package dev.recoup.contact.domain;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Contact decisions per second in-process (issue 4: ≥ 200k/s on 2 cores), not a test. A mix of
 * realistic requests over 4,096 contacts, each with about 30 days of ledger (2–5 attempts a day:
 * agent and robot calls, texts, some conversations), consents, holds and inconvenient times on a
 * few; 80% China pack, 10% Regulation F, 10% CONC; requests at any hour of a month (so quiet hours,
 * caps and frequencies deny some and the next allowed time is searched), 20% to third parties.
 * Two threads share the gates (immutable) and the prepared facts.
 *
 * <p>Run: {@code ./bench-jmh ContactDecisionBenchmark} (the runner script of issue 3), or without it
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * . .mvn/select-jdk.sh; "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     dev.recoup.contact.domain.ContactDecisionBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(2)
@State(Scope.Benchmark)
public class ContactDecisionBenchmark {

    static final int CASES = 4096;

    record Case(ContactGate gate, ContactRequest request, ContactFacts facts, List<Attempt> ledger) {
    }

    private Case[] cases;

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Iteration)
        public void start() {
            next = (int) Thread.currentThread().threadId() * 977;
        }
    }

    @Setup
    public void prepare() {
        cases = generate(new Random(42));
        int allowed = 0;
        int never = 0;
        int attempts = 0;
        for (Case c : cases) {
            Decision d = c.gate().decide(c.request(), c.facts());
            allowed += d.allowed() ? 1 : 0;
            never += d.nextAllowedAt() == null ? 1 : 0;
            attempts += c.facts().history().size();
        }
        System.out.printf("mix: %d cases, %.0f ledger entries per contact, %.1f%% allowed, %.1f%% denied with a next time, %.1f%% never%n",
                CASES, attempts / (double) CASES, 100.0 * allowed / CASES, 100.0 * (CASES - allowed - never) / CASES, 100.0 * never / CASES);
    }

    /** One decision on prepared facts (what the gate costs). */
    @Benchmark
    public Decision decide(Cursor cursor) {
        Case c = cases[cursor.next++ & (CASES - 1)];
        return c.gate().decide(c.request(), c.facts());
    }

    /** One decision including building the facts from the loaded ledger rows (sorting and indexing the history). */
    @Benchmark
    public Decision decideFromLedgerRows(Cursor cursor) {
        Case c = cases[cursor.next++ & (CASES - 1)];
        ContactFacts facts = c.facts().toBuilder().history(c.ledger()).build();
        return c.gate().decide(c.request(), facts);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ContactDecisionBenchmark.class.getSimpleName()).build()).run();
    }

    // ---- the mix ----

    static Case[] generate(Random r) {
        ContactGate china = new ContactGate(ChinaPack.pack());
        ContactGate regF = new ContactGate(RegulationFPack.pack());
        ContactGate conc = new ContactGate(ConcPack.pack());
        ZoneId beijing = ChinaTimeZones.BEIJING;
        List<ZoneId> us = List.of(UsTimeZones.EASTERN, UsTimeZones.CENTRAL, UsTimeZones.PACIFIC);
        Case[] cases = new Case[CASES];
        for (int i = 0; i < CASES; i++) {
            int pack = r.nextInt(10);
            ContactGate gate = pack < 8 ? china : pack == 8 ? regF : conc;
            PossibleZones zones = pack < 8 ? PossibleZones.of(beijing)
                    : pack == 8 ? (r.nextBoolean() ? PossibleZones.of(us.get(r.nextInt(3))) : PossibleZones.of(UsTimeZones.EASTERN, UsTimeZones.PACIFIC))
                    : PossibleZones.of(ZoneId.of("Europe/London"));
            ZoneId zone = zones.primary();
            LocalDateTime day0 = LocalDateTime.of(2026, 3, 1, 0, 0).plusDays(r.nextInt(60));
            boolean thirdParty = r.nextInt(5) == 0;
            String contactId = "c" + i;
            ContactRole role = thirdParty ? new ContactRole[] {ContactRole.RELATIVE, ContactRole.COLLEAGUE, ContactRole.EMERGENCY}[r.nextInt(3)]
                    : ContactRole.SELF;
            String[] debts = r.nextInt(4) == 0 ? new String[] {"d1-" + i, "d2-" + i} : new String[] {"d1-" + i};
            Endpoint mobile = Endpoint.of("1380000" + String.format("%04d", i), Endpoint.Kind.MOBILE_PHONE);

            List<Attempt> ledger = new ArrayList<>();
            for (int d = 0; d < 30; d++) {
                int perDay = 2 + r.nextInt(4);
                for (int k = 0; k < perDay; k++) {
                    LocalDateTime when = day0.plusDays(d).plusHours(8 + r.nextInt(13)).plusMinutes(r.nextInt(60));
                    Channel channel = switch (r.nextInt(6)) {
                        case 0, 1, 2 -> Channel.AGENT_CALL;
                        case 3, 4 -> Channel.ROBOT_CALL;
                        default -> Channel.SMS;
                    };
                    Outcome outcome = channel == Channel.SMS ? Outcome.DELIVERED : switch (r.nextInt(10)) {
                        case 0 -> thirdParty ? Outcome.CONVERSATION_THIRD_PARTY : Outcome.CONVERSATION_DEBTOR;
                        case 1 -> Outcome.BUSY;
                        case 2 -> Outcome.VOICEMAIL;
                        case 3 -> Outcome.NOT_IN_SERVICE;
                        default -> Outcome.NO_ANSWER;
                    };
                    ledger.add(Attempt.outbound("a" + i + "-" + d + "-" + k, when.atZone(zone).toInstant(), contactId, channel, outcome)
                            .concerning(debts[r.nextInt(debts.length)]).to(mobile)
                            .purpose(thirdParty ? Purpose.CALL_BACK_REQUEST : Purpose.COLLECTION));
                }
            }
            ledger.sort(java.util.Comparator.comparing(Attempt::at)); // as the ledger query returns them (ORDER BY at)
            ContactFacts.Builder facts = ContactFacts.builder().zones(zones).history(ledger);
            Instant last = day0.plusDays(29).atZone(zone).toInstant();
            if (r.nextInt(10) == 0) {
                facts.consent(Consent.given(contactId, last).calls().on(DayOfWeek.MONDAY).between(LocalTime.of(19, 0), LocalTime.of(20, 0)));
            }
            if (r.nextInt(20) == 0) {
                facts.hold(Hold.of(HoldKind.COMPLAINT_OPEN, last.minusSeconds(86_400)));
            }
            if (r.nextInt(50) == 0) {
                facts.hold(Hold.optOut(contactId, Medium.TEXT_MESSAGE, last.minusSeconds(5 * 86_400L)));
            }
            if (r.nextInt(20) == 0) {
                facts.inconvenient(InconvenientTime.hours(contactId, LocalTime.of(12, 0), LocalTime.of(14, 0), last.minusSeconds(20 * 86_400L), null));
            }
            Channel channel = switch (r.nextInt(20)) {
                case 0 -> Channel.VISIT;
                case 1, 2, 3, 4 -> Channel.SMS;
                case 5, 6, 7, 8, 9 -> Channel.ROBOT_CALL;
                default -> Channel.AGENT_CALL;
            };
            Purpose purpose = thirdParty ? (r.nextInt(10) < 7 ? Purpose.CALL_BACK_REQUEST : Purpose.COLLECTION) : Purpose.COLLECTION;
            Instant at = day0.plusDays(29).plusHours(r.nextInt(24)).plusMinutes(r.nextInt(60)).atZone(zone).toInstant();
            ContactRequest request = ContactRequest.builder().contact(contactId, role).channel(channel).purpose(purpose).at(at)
                    .debts(debts).endpoint(mobile).staff(channel == Channel.VISIT ? 1 + r.nextInt(2) : 0).build();
            cases[i] = new Case(gate, request, facts.build(), ledger);
        }
        return cases;
    }
}
