package dev.recoup.contact.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the gate over random situations in every pack (and variants): random zones
 * (including zones with daylight saving time), a random ledger around the proposed time, random
 * consents, holds and inconvenient times, random requests.
 */
class DecisionProperties {

    private static final List<ContactGate> GATES = List.of(
            new ContactGate(ChinaPack.pack()),
            new ContactGate(ChinaPack.pack(ChinaPack.Parameters.DEFAULTS.withRestHours(LocalWindow.of("12:00", "13:30"))
                    .withUnansweredCallsPerNumberPerDay(6).withWorkingDayPreference(ChinaPack.WorkingDayPreference.REQUIRE)
                    .withThirdPartyPurposes(Purpose.CALL_BACK_REQUEST, Purpose.LOCATION_INFO))),
            new ContactGate(RegulationFPack.pack()),
            new ContactGate(RegulationFPack.pack(RegulationFPack.Parameters.DEFAULTS.withMaxCallsPerDay(2))),
            new ContactGate(ConcPack.pack()));

    private static final List<List<ZoneId>> ZONES = List.of(List.of(), List.of(ChinaTimeZones.BEIJING),
            List.of(ChinaTimeZones.BEIJING, ChinaTimeZones.XINJIANG), List.of(UsTimeZones.EASTERN), List.of(UsTimeZones.PACIFIC, UsTimeZones.EASTERN),
            List.of(UsTimeZones.CENTRAL, UsTimeZones.MOUNTAIN, UsTimeZones.ARIZONA), List.of(ZoneId.of("Europe/London")),
            List.of(UsTimeZones.HAWAII, UsTimeZones.EASTERN));

    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] ENDPOINTS = {"+12125550101", "13800000001", "home-address"};

    record Scenario(int gateIndex, ContactRequest request, ContactFacts facts) {

        ContactGate gate() {
            return GATES.get(gateIndex);
        }

        @Override
        public String toString() {
            return "pack=" + gate().pack().id() + "#" + gateIndex + "\nrequest=" + request + "\nzones=" + facts.zones() + "\nhistory="
                    + facts.history().attempts() + "\nconsents=" + facts.consents() + "\nholds=" + facts.holds() + "\ninconvenient="
                    + facts.inconvenientTimes() + "\nmisdirected=" + facts.misdirectedEndpoints();
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(DecisionProperties::scenario);
    }

    @Property(tries = 400)
    void theNextAllowedTimeIsItselfAllowed(@ForAll("scenarios") Scenario s) {
        Decision decision = s.gate().decide(s.request(), s.facts());
        if (decision.nextAllowedAt() != null) {
            assertThat(decision.nextAllowedAt()).isAfterOrEqualTo(s.request().at());
            Decision then = s.gate().decide(s.request().at(decision.nextAllowedAt()), s.facts());
            assertThat(then.allowed()).as("%s%nthen: %s", decision, then.hits()).isTrue();
        }
        if (decision.allowed()) {
            assertThat(decision.nextAllowedAt()).isEqualTo(s.request().at());
        }
    }

    @Property(tries = 400)
    void noEarlierMomentIsAllowed(@ForAll("scenarios") Scenario s, @ForAll Random random) {
        Decision decision = s.gate().decide(s.request(), s.facts());
        Instant next = decision.nextAllowedAt();
        if (decision.allowed() || next == null) {
            return;
        }
        long span = next.getEpochSecond() - s.request().at().getEpochSecond();
        List<Instant> samples = new ArrayList<>(List.of(next.minusSeconds(1)));
        for (int i = 0; i < 3; i++) {
            samples.add(s.request().at().plusSeconds((long) (random.nextDouble() * span)));
        }
        for (Instant earlier : samples) {
            assertThat(s.gate().decide(s.request().at(earlier), s.facts()).allowed()).as("%s allowed before %s", earlier, next).isFalse();
        }
    }

    @Property(tries = 400)
    void aDecisionNeverAllowsAContactThatARuleEvaluatedAloneDenies(@ForAll("scenarios") Scenario s) {
        Decision decision = s.gate().decide(s.request(), s.facts());
        Set<String> denyingAlone = new HashSet<>();
        Set<String> advisingAlone = new HashSet<>();
        for (ContactRule rule : s.gate().pack().rules()) {
            if (s.gate().check(rule, s.request(), s.facts()) != null) {
                (rule.strength() == Strength.HARD ? denyingAlone : advisingAlone).add(rule.id());
            }
        }
        assertThat(decision.allowed()).isEqualTo(denyingAlone.isEmpty());
        assertThat(decision.hits()).extracting(RuleHit::ruleId).containsExactlyInAnyOrderElementsOf(denyingAlone);
        assertThat(decision.advisories()).extracting(RuleHit::ruleId).containsExactlyInAnyOrderElementsOf(advisingAlone);
        for (RuleHit hit : decision.hits()) {
            assertThat(hit.reasonZh()).isNotBlank().doesNotContain("{");
            assertThat(hit.reasonEn()).isNotBlank().doesNotContain("{");
        }
    }

    // ---- generation ----

    private static Scenario scenario(Random r) {
        int gate = r.nextInt(GATES.size());
        Instant at = BASE.plusSeconds(r.nextInt(2 * 365 * 24) * 3600L + r.nextInt(3600));
        boolean toDebtor = r.nextInt(3) > 0;
        String contactId = toDebtor ? "debtor" : "tp";
        ContactRole role = toDebtor ? ContactRole.SELF : pick(r, ContactRole.values());
        ContactFacts.Builder facts = ContactFacts.builder().zones(PossibleZones.of(ZONES.get(r.nextInt(ZONES.size()))));
        List<Attempt> history = new ArrayList<>();
        int attempts = r.nextInt(30);
        // Half the ledgers are dense (the last three days), so caps and frequencies are reached.
        int spread = r.nextBoolean() ? 3 * 24 * 3600 : 16 * 24 * 3600;
        for (int i = 0; i < attempts; i++) {
            Instant when = at.minusSeconds(r.nextInt(spread)).plusSeconds(r.nextInt(10) == 0 ? r.nextInt(3 * 24 * 3600) : 0);
            Channel channel = r.nextInt(3) > 0 ? pick(r, new Channel[] {Channel.AGENT_CALL, Channel.ROBOT_CALL}) : pick(r, Channel.values());
            Attempt a = (r.nextInt(8) == 0 ? Attempt.inbound("a" + i, when, contactId, channel, pick(r, Outcome.values()))
                    : Attempt.outbound("a" + i, when, r.nextInt(10) == 0 ? "someone-else" : contactId, channel,
                    pick(r, Outcome.values())))
                    .concerning(debts(r)).purpose(pick(r, Purpose.values()));
            if (r.nextBoolean()) {
                a = a.to(endpoint(r));
            }
            history.add(a);
        }
        facts.history(history);
        for (int i = r.nextInt(3); i > 0; i--) {
            Consent c = Consent.given(r.nextInt(5) == 0 ? "someone-else" : contactId, at.minusSeconds(r.nextInt(10 * 24 * 3600)))
                    .source(pick(r, ConsentSource.values()));
            if (r.nextBoolean()) {
                c = c.calls();
            }
            if (r.nextBoolean()) {
                c = c.about(debts(r));
            }
            if (r.nextBoolean()) {
                c = c.on(pick(r, DayOfWeek.values()));
            }
            if (r.nextBoolean()) {
                int start = r.nextInt(24);
                c = c.between(LocalTime.of(start, r.nextBoolean() ? 0 : 30), LocalTime.of((start + 1 + r.nextInt(3)) % 24, 0));
            }
            if (r.nextBoolean()) {
                c = c.until(at.plusSeconds(r.nextInt(5 * 24 * 3600)));
            }
            if (r.nextInt(4) == 0) {
                c = c.revokedAt(at.plusSeconds(r.nextInt(3 * 24 * 3600) - 24 * 3600));
            }
            if (r.nextInt(3) == 0) {
                c = c.at(pick(r, ENDPOINTS));
            }
            facts.consent(c);
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            HoldKind kind = pick(r, HoldKind.values());
            Instant from = at.plusSeconds(r.nextInt(20 * 24 * 3600) - 10 * 24 * 3600L);
            Hold hold = switch (kind) {
                case MEDIUM_OPT_OUT -> Hold.optOut(contactId, pick(r, Medium.values()), from);
                case INCONVENIENT_PLACE -> Hold.inconvenientPlace(contactId, pick(r, Place.values()), from);
                default -> Hold.of(kind, from);
            };
            if (r.nextBoolean()) {
                hold = hold.until(from.plusSeconds(1 + r.nextInt(10 * 24 * 3600)));
            }
            if (r.nextInt(4) == 0) {
                hold = hold.forDebts(debts(r));
            }
            facts.hold(hold);
        }
        if (r.nextInt(3) == 0) {
            Instant from = at.minusSeconds(r.nextInt(5 * 24 * 3600));
            Instant until = r.nextBoolean() ? null : at.plusSeconds(r.nextInt(20 * 24 * 3600));
            facts.inconvenient(r.nextBoolean()
                    ? InconvenientTime.wholeDays(contactId, from, until, pick(r, DayOfWeek.values()), pick(r, DayOfWeek.values()))
                    : InconvenientTime.hours(contactId, LocalTime.of(r.nextInt(24), 0), LocalTime.of(r.nextInt(24), 30), from, until));
        }
        if (r.nextInt(6) == 0) {
            facts.misdirected(pick(r, ENDPOINTS));
        }
        if (r.nextInt(10) == 0) {
            facts.priorLocationContactAt(at.minusSeconds(r.nextInt(400) * 24 * 3600L));
        }
        Channel channel = r.nextBoolean() ? Channel.AGENT_CALL : pick(r, Channel.values());
        ContactRequest request = ContactRequest.builder().contact(contactId, role).channel(channel).purpose(pick(r, Purpose.values())).at(at)
                .debts(debts(r)).endpoint(r.nextBoolean() ? endpoint(r) : null).carriesDebtDetails(r.nextInt(4) == 0)
                .staff(r.nextInt(4)).inResponseTo(attempts > 0 && r.nextInt(4) == 0 ? "a" + r.nextInt(attempts) : null)
                .requiredByLaw(r.nextInt(8) == 0).locationFollowUpJustified(r.nextInt(6) == 0)
                .knownLocation(r.nextInt(6) == 0 ? pick(r, Place.values()) : null).build();
        return new Scenario(gate, request, facts.build());
    }

    private static String[] debts(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> new String[0];
            case 1 -> new String[] {"d1"};
            case 2 -> new String[] {"d2"};
            default -> new String[] {"d1", "d2"};
        };
    }

    private static Endpoint endpoint(Random r) {
        EnumSet<Endpoint.Kind> kinds = EnumSet.allOf(Endpoint.Kind.class);
        return Endpoint.of(pick(r, ENDPOINTS), pick(r, kinds.toArray(new Endpoint.Kind[0])));
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
