package dev.recoup.contact.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static dev.recoup.contact.domain.Fixtures.LONDON;
import static dev.recoup.contact.domain.Fixtures.london;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcPackTest {

    private final ContactGate gate = new ContactGate(ConcPack.pack());
    private final ContactFacts inLondon = ContactFacts.builder().zones(LONDON).build();

    private static ContactRequest.Builder call(String local) {
        return Fixtures.call(london(local));
    }

    @Test
    void aWeekdayCallAfterNineInTheEveningWaitsUntilEightTheNextMorning() {
        Decision late = gate.decide(call("2026-06-10T21:30").build(), inLondon);

        assertThat(late.hits()).extracting(RuleHit::ruleId).containsExactly("UK-CONC-7.9.4-TIMES");
        assertThat(late.hits().getFirst().reasonEn()).contains("not a reasonable time", "weekdays 08:00–21:00", "weekends 09:00–17:00");
        assertThat(late.nextAllowedAt()).isEqualTo(london("2026-06-11T08:00"));
    }

    @Test
    void aSaturdayEveningCallWaitsUntilNineOnSundayAndAFridayNightOneToo() {
        assertThat(gate.decide(call("2026-06-13T18:00").build(), inLondon).nextAllowedAt()).isEqualTo(london("2026-06-14T09:00"));
        assertThat(gate.decide(call("2026-06-12T22:00").build(), inLondon).nextAllowedAt()).isEqualTo(london("2026-06-13T09:00"));
        assertThat(gate.decide(call("2026-06-13T08:30").build(), inLondon).nextAllowedAt()).isEqualTo(london("2026-06-13T09:00"));
    }

    @Test
    void aPortfolioMayCloseWeekendsAltogether() {
        ContactGate weekdaysOnly = new ContactGate(ConcPack.pack(new ConcPack.Parameters(LocalWindow.of("09:00", "20:00"), null,
                EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL, Channel.VISIT), 2, 6)));

        assertThat(weekdaysOnly.decide(call("2026-06-13T11:00").build(), inLondon).nextAllowedAt()).isEqualTo(london("2026-06-15T09:00"));
    }

    @Test
    void theFourthCallOfADayAndTheEleventhOfAWeekAreExcessive() {
        List<Attempt> threeToday = List.of(Fixtures.unanswered("1", london("2026-06-10T09:00")),
                Fixtures.unanswered("2", london("2026-06-10T12:00")), Fixtures.unanswered("3", london("2026-06-10T15:00")));
        Decision fourth = gate.decide(call("2026-06-10T18:00").build(), inLondon.toBuilder().history(threeToday).build());
        assertThat(fourth.hits()).extracting(RuleHit::ruleId).containsExactly("UK-CALLS-PER-DAY");
        assertThat(fourth.nextAllowedAt()).isEqualTo(london("2026-06-11T08:00"));

        List<Attempt> tenThisWeek = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenThisWeek.add(Fixtures.unanswered("w" + i, london("2026-06-04T10:00").plusSeconds(i / 2 * 86_400L + i % 2 * 7200)));
        }
        Decision eleventh = gate.decide(call("2026-06-09T10:00").build(), inLondon.toBuilder().history(tenThisWeek).build());
        assertThat(eleventh.hits()).extracting(RuleHit::ruleId).containsExactly("UK-CALLS-PER-WEEK");
        assertThat(eleventh.hits().getFirst().parameters()).containsEntry("count", "10").containsEntry("from", "2026-06-03");
        assertThat(eleventh.nextAllowedAt()).as("June 4–10 still holds ten").isEqualTo(london("2026-06-11T08:00"));
    }

    @Test
    void aThirdPartyMayOnlyBeAskedToHelpTraceTheCustomerAndNeverHearOfTheDebt() {
        ContactRequest.Builder neighbour = ContactRequest.builder().contact("n", ContactRole.OTHER).channel(Channel.AGENT_CALL)
                .at(london("2026-06-10T10:00"));

        assertThat(gate.decide(neighbour.purpose(Purpose.LOCATION_INFO).build(), inLondon).allowed()).isTrue();
        Decision collection = gate.decide(neighbour.purpose(Purpose.COLLECTION).build(), inLondon);
        assertThat(collection.hits()).extracting(RuleHit::ruleId).containsExactly("UK-CONC-7.9.7-THIRD-PARTY");
        assertThat(collection.nextAllowedAt()).isNull();
        assertThat(gate.decide(neighbour.purpose(Purpose.LOCATION_INFO).carriesDebtDetails(true).build(), inLondon)
                .deniedBy("UK-CONC-7.9.10-NO-DEBT-DETAILS")).isTrue();
        assertThat(gate.decide(neighbour.contact("wife", ContactRole.SPOUSE).purpose(Purpose.COLLECTION).carriesDebtDetails(false).build(),
                inLondon).deniedBy("UK-CONC-7.9.7-THIRD-PARTY")).as("the debt is the customer's alone").isTrue();
    }

    @Test
    void aBreathingSpaceMoratoriumStopsContactUntilItEnds() {
        ContactFacts facts = inLondon.toBuilder().hold(Hold.of(HoldKind.BREATHING_SPACE, london("2026-06-01T09:00"))
                .until(london("2026-07-31T00:00"))).build();

        Decision decision = gate.decide(call("2026-06-10T10:00").build(), facts);
        assertThat(decision.hits()).extracting(RuleHit::ruleId).containsExactly("UK-BREATHING-SPACE");
        assertThat(decision.nextAllowedAt()).as("a Friday").isEqualTo(london("2026-07-31T08:00"));
    }

    @Test
    void theCustomersRequestAboutWhenToCallIsHonoured() {
        ContactFacts shiftWorker = inLondon.toBuilder().inconvenient(InconvenientTime.hours("debtor", java.time.LocalTime.of(8, 0),
                java.time.LocalTime.of(14, 0), london("2026-06-01T00:00"), null)).build();

        Decision decision = gate.decide(call("2026-06-10T09:00").build(), shiftWorker);
        assertThat(decision.hits()).extracting(RuleHit::ruleId).containsExactly("UK-CONC-7.9.4-REQUESTS");
        assertThat(decision.nextAllowedAt()).isEqualTo(london("2026-06-10T14:00"));
    }

    @Test
    void capsAreValidated() {
        assertThatThrownBy(() -> new ConcPack.Parameters(LocalWindow.of("08:00", "21:00"), null, EnumSet.of(Channel.AGENT_CALL,
                Channel.ROBOT_CALL, Channel.VISIT), 5, 4)).hasMessageContaining("at least callsPerDay");
        assertThatThrownBy(() -> new ConcPack.Parameters(LocalWindow.of("08:00", "21:00"), null, EnumSet.of(Channel.SMS), 3, 10))
                .hasMessageContaining("calls and visits");
    }
}
