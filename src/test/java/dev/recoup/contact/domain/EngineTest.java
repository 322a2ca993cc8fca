package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static dev.recoup.contact.domain.Fixtures.EASTERN;
import static dev.recoup.contact.domain.Fixtures.eastern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's mechanics: windows, the search across daylight saving time, validation of what comes in. */
class EngineTest {

    @Test
    void dailyWindowsAreBuiltFromAllowedOrForbiddenTimesIncludingOnesThatWrapMidnight() {
        assertThat(DailyWindows.except(LocalTime.of(22, 0), LocalTime.of(8, 0))).hasToString("08:00–22:00");
        assertThat(DailyWindows.between(LocalTime.of(22, 0), LocalTime.of(2, 0))).hasToString("00:00–02:00, 22:00–24:00");
        assertThat(DailyWindows.ALL_DAY.without(LocalTime.of(12, 0), LocalTime.of(13, 30))).hasToString("00:00–12:00, 13:30–24:00");
        assertThat(DailyWindows.NEVER).hasToString("—");
        assertThat(DailyWindows.between(LocalTime.of(8, 0), LocalTime.of(21, 0)).allows(21 * 3600)).isFalse();
        assertThatThrownBy(() -> DailyWindows.between(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSearchCrossesTheSpringForwardNightAtTheRightLocalHour() {
        ContactGate gate = new ContactGate(RegulationFPack.pack());
        ContactFacts facts = ContactFacts.builder().zones(EASTERN).build();

        Decision saturdayNight = gate.decide(Fixtures.call(eastern("2026-03-07T22:00")).build(), facts);

        assertThat(saturdayNight.nextAllowedAt()).isEqualTo(eastern("2026-03-08T08:00"));
        assertThat(Duration.between(saturdayNight.at(), saturdayNight.nextAllowedAt())).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void aSubSecondRequestTimeIsKeptWhenAllowed() {
        Instant at = eastern("2026-03-09T10:00").plusNanos(123_000_000);
        Decision decision = new ContactGate(RegulationFPack.pack()).decide(Fixtures.call(at).build(), ContactFacts.builder().zones(EASTERN).build());

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.nextAllowedAt()).isEqualTo(at);
    }

    @Test
    void aContactThatNoRuleWillEverAllowWithinAYearHasNoNextTime() {
        ContactFacts everyDay = ContactFacts.builder().zones(EASTERN)
                .inconvenient(InconvenientTime.hours("debtor", LocalTime.of(7, 0), LocalTime.of(22, 0), eastern("2026-01-01T00:00"), null)).build();

        assertThat(new ContactGate(RegulationFPack.pack()).decide(Fixtures.call(eastern("2026-03-09T10:00")).build(), everyDay).nextAllowedAt())
                .isNull();
    }

    @Test
    void badInputNamesTheFieldAndTheValue() {
        assertThatThrownBy(() -> ContactRequest.builder().contact("", ContactRole.SELF).channel(Channel.SMS).at(Instant.EPOCH).build())
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field()).isEqualTo("contactId");
        assertThatThrownBy(() -> ContactRequest.builder().contact("c", ContactRole.SELF).at(Instant.EPOCH).build())
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("channel");
        assertThatThrownBy(() -> Hold.of(HoldKind.COMPLAINT_OPEN, eastern("2026-03-09T10:00")).until(eastern("2026-03-09T09:00")))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("hold.effectiveUntil");
        assertThatThrownBy(() -> Consent.given("c", Instant.EPOCH).between(LocalTime.NOON, null))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("consent.window");
        assertThatThrownBy(() -> RulePacks.withDefaults("FR")).hasMessageContaining("unknown rule pack");
        assertThatThrownBy(() -> new RegulationFPack.Parameters(8, LocalWindow.of("08:00", "21:00"), UsTimeZones.contiguous(), 0, true))
                .hasMessageContaining("between 1 and 7");
        assertThatThrownBy(() -> new RegulationFPack.Parameters(7, LocalWindow.of("07:30", "21:00"), UsTimeZones.contiguous(), 0, true))
                .hasMessageContaining("within 08:00–21:00");
    }

    @Test
    void aPackRefusesTwoRulesWithOneIdAndSaysHowMuchLedgerItReads() {
        NoDebtDetailsRule rule = new NoDebtDetailsRule(new RuleText("X", "x", "x"));
        assertThatThrownBy(() -> new RulePack("T", "t", "t", List.of(rule, rule), Set.of(ContactRole.SELF), PossibleZones.of(EASTERN)))
                .hasMessageContaining("same id");
        assertThat(RegulationFPack.pack().historyLookback()).isEqualTo(Duration.ofDays(15));
        assertThat(ChinaPack.pack().historyLookback()).isEqualTo(Duration.ofDays(2));
        assertThat(RulePacks.ids()).containsExactly("CN", "US-REGF", "UK-CONC");
        assertThat(RulePacks.withDefaults(RulePacks.DEFAULT).ruleIds()).contains("CN-QUIET-HOURS", "CN-DAILY-CALL-CAP", "CN-THIRD-PARTY-NO-DEBT",
                "CN-VISIT-TWO-STAFF", "CN-HOLD-COMPLAINT");
    }

    @Test
    void ruleTextsFillTheirPlaceholdersAndLeaveUnknownOnesAlone() {
        RuleHit hit = new RuleText("R", "第 {n} 次 {x}", "call {n} of {max}").hit("n", "6", "max", "5");

        assertThat(hit.reasonZh()).isEqualTo("第 6 次 {x}");
        assertThat(hit.reasonEn()).isEqualTo("call 6 of 5");
        assertThat(hit.parameters()).containsExactly(java.util.Map.entry("n", "6"), java.util.Map.entry("max", "5"));
    }
}
