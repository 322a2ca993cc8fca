package dev.recoup.contact.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;

import static dev.recoup.contact.domain.Fixtures.BEIJING;
import static dev.recoup.contact.domain.Fixtures.beijing;
import static dev.recoup.contact.domain.Fixtures.call;
import static dev.recoup.contact.domain.Fixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChinaPackTest {

    private final ContactGate gate = new ContactGate(ChinaPack.pack());
    private final ContactFacts inBeijing = ContactFacts.builder().zones(BEIJING).build();

    private Decision decide(ContactRequest request) {
        return gate.decide(request, inBeijing);
    }

    @Test
    void aCallAtElevenAtNightIsRefusedByTheQuietHoursRuleInChineseAndEnglishAndMayBeMadeAtEightNextMorning() {
        Decision decision = decide(call(beijing("2026-03-03T23:00")).build());

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.hits()).extracting(RuleHit::ruleId).containsExactly("CN-QUIET-HOURS");
        RuleHit hit = decision.hits().getFirst();
        assertThat(hit.reasonZh()).contains("当地时间 23:00", "22:00–08:00", "休息时段", "未经本人同意");
        assertThat(hit.reasonEn()).contains("Local time 23:00", "22:00–08:00", "without the person's consent");
        assertThat(hit.reason(Locale.SIMPLIFIED_CHINESE)).isEqualTo(hit.reasonZh());
        assertThat(hit.parameters()).containsEntry("localTime", "23:00").containsEntry("zone", "Asia/Shanghai");
        assertThat(decision.nextAllowedAt()).isEqualTo(beijing("2026-03-04T08:00"));
    }

    @Test
    void aCallJustAfterMidnightWaitsUntilEightTheSameMorning() {
        assertThat(decide(call(beijing("2026-03-04T00:30")).build()).nextAllowedAt()).isEqualTo(beijing("2026-03-04T08:00"));
        assertThat(decide(call(beijing("2026-03-04T07:59:59")).build()).allowed()).isFalse();
        assertThat(decide(call(beijing("2026-03-04T08:00")).build()).allowed()).isTrue();
        assertThat(decide(call(beijing("2026-03-04T21:59:59")).build()).allowed()).isTrue();
    }

    @Test
    void theDebtorsConsentToACallAtHalfPastTenOpensThatQuietHourAndNoOther() {
        ContactFacts facts = inBeijing.toBuilder()
                .consent(Consent.given("debtor", beijing("2026-03-03T15:00")).calls().on(DayOfWeek.TUESDAY)
                        .between(LocalTime.of(22, 30), LocalTime.of(23, 0)).until(beijing("2026-03-04T00:00")))
                .build();

        assertThat(gate.decide(call(beijing("2026-03-03T22:40")).build(), facts).allowed()).isTrue();
        assertThat(gate.decide(call(beijing("2026-03-03T22:10")).build(), facts).nextAllowedAt()).isEqualTo(beijing("2026-03-03T22:30"));
        assertThat(gate.decide(call(beijing("2026-03-03T23:10")).build(), facts).deniedBy("CN-QUIET-HOURS")).isTrue();
        assertThat(gate.decide(call(beijing("2026-03-10T22:40")).build(), facts).allowed()).as("the consent has ended").isFalse();
    }

    @Test
    void aConsentWithoutATimeDoesNotOpenTheNight() {
        ContactFacts facts = inBeijing.toBuilder().consent(Consent.given("debtor", beijing("2026-03-03T15:00")).calls()).build();

        assertThat(gate.decide(call(beijing("2026-03-03T23:00")).build(), facts).deniedBy("CN-QUIET-HOURS")).isTrue();
    }

    @Test
    void theSixthCallOfTheDayIsRefusedAndTheNextAllowedTimeIsTheNextMorningsWindow() {
        ContactFacts facts = inBeijing.toBuilder().history(
                Attempt.outbound("1", beijing("2026-03-04T08:05"), "debtor", Channel.AGENT_CALL, Outcome.NO_ANSWER),
                Attempt.outbound("2", beijing("2026-03-04T09:30"), "debtor", Channel.ROBOT_CALL, Outcome.BUSY),
                Attempt.outbound("3", beijing("2026-03-04T11:00"), "debtor", Channel.AGENT_CALL, Outcome.VOICEMAIL),
                Attempt.outbound("4", beijing("2026-03-04T14:00"), "debtor", Channel.AGENT_CALL, Outcome.CONVERSATION_DEBTOR),
                Attempt.outbound("5", beijing("2026-03-04T15:00"), "debtor", Channel.ROBOT_CALL, Outcome.NO_ANSWER),
                Attempt.outbound("sms", beijing("2026-03-04T15:30"), "debtor", Channel.SMS, Outcome.DELIVERED)).build();

        Decision sixth = gate.decide(call(beijing("2026-03-04T16:00")).build(), facts);

        assertThat(sixth.hits()).extracting(RuleHit::ruleId).containsExactly("CN-DAILY-CALL-CAP");
        assertThat(sixth.hits().getFirst().reasonZh()).contains("今天已对该联系人拨打 5 次电话", "每日上限 5 次");
        assertThat(sixth.nextAllowedAt()).isEqualTo(beijing("2026-03-05T08:00"));
        assertThat(gate.decide(contact(Channel.SMS, beijing("2026-03-04T16:00")).build(), facts).allowed())
                .as("a text message is not a call").isTrue();
    }

    @Test
    void theDailyCapIsConfigurable() {
        ContactGate strict = new ContactGate(ChinaPack.pack(ChinaPack.Parameters.DEFAULTS.withCallsPerContactPerDay(2)));
        ContactFacts facts = inBeijing.toBuilder().history(Fixtures.unanswered("1", beijing("2026-03-04T09:00")),
                Fixtures.unanswered("2", beijing("2026-03-04T10:00"))).build();

        assertThat(strict.decide(call(beijing("2026-03-04T11:00")).build(), facts).deniedBy("CN-DAILY-CALL-CAP")).isTrue();
        assertThatThrownBy(() -> ChinaPack.Parameters.DEFAULTS.withCallsPerContactPerDay(0))
                .hasMessageContaining("between 1 and 20");
    }

    @Test
    void withTheGuidelinesOptionTheSeventhUnansweredCallToOneNumberIsRefusedButAnotherNumberMayBeTried() {
        ContactGate gate = new ContactGate(ChinaPack.pack(ChinaPack.Parameters.DEFAULTS.withCallsPerContactPerDay(10)
                .withUnansweredCallsPerNumberPerDay(6)));
        Endpoint home = Endpoint.of("13800000001", Endpoint.Kind.MOBILE_PHONE);
        Endpoint other = Endpoint.of("13800000002", Endpoint.Kind.MOBILE_PHONE);
        ContactHistory history = ContactHistory.empty();
        for (int i = 0; i < 6; i++) {
            history = history.plus(Fixtures.unanswered("u" + i, beijing("2026-03-04T09:00").plusSeconds(3600L * i)).to(home));
        }
        ContactFacts facts = inBeijing.toBuilder().history(history).build();

        Decision seventh = gate.decide(call(beijing("2026-03-04T16:00")).endpoint(home).build(), facts);
        assertThat(seventh.hits()).extracting(RuleHit::ruleId).containsExactly("CN-DAILY-UNANSWERED-CAP");
        assertThat(seventh.hits().getFirst().reasonEn()).contains("6 unanswered calls to 13800000001");
        assertThat(gate.decide(call(beijing("2026-03-04T16:00")).endpoint(other).build(), facts).allowed()).isTrue();
    }

    @Test
    void aThirdPartyIsNeverCalledForCollectionAndNoTimeWillEverAllowIt() {
        for (ContactRole role : new ContactRole[] {ContactRole.RELATIVE, ContactRole.COLLEAGUE, ContactRole.EMERGENCY, ContactRole.OTHER,
                ContactRole.SPOUSE}) {
            Decision decision = decide(ContactRequest.builder().contact("c-" + role, role).channel(Channel.AGENT_CALL)
                    .purpose(Purpose.COLLECTION).at(beijing("2026-03-04T10:00")).build());

            assertThat(decision.hits()).extracting(RuleHit::ruleId).containsExactly("CN-THIRD-PARTY-PURPOSE");
            assertThat(decision.hits().getFirst().reasonZh()).contains(role.zh(), "转告本人回电", "不得向其催收");
            assertThat(decision.nextAllowedAt()).isNull();
        }
    }

    @Test
    void anEmergencyContactMayBeAskedToPassOnACallBackRequestThatCarriesNoDebtDetails() {
        ContactRequest.Builder callBack = ContactRequest.builder().contact("ec", ContactRole.EMERGENCY).channel(Channel.AGENT_CALL)
                .purpose(Purpose.CALL_BACK_REQUEST).at(beijing("2026-03-04T10:00"));

        assertThat(decide(callBack.build()).allowed()).isTrue();
        Decision withDetails = decide(callBack.carriesDebtDetails(true).build());
        assertThat(withDetails.hits()).extracting(RuleHit::ruleId).containsExactly("CN-THIRD-PARTY-NO-DEBT");
        assertThat(withDetails.nextAllowedAt()).isNull();
    }

    @Test
    void askingAThirdPartyForTheDebtorsContactDetailsIsAnOptionOfThePack() {
        ContactRequest askForNumber = ContactRequest.builder().contact("colleague", ContactRole.COLLEAGUE).channel(Channel.AGENT_CALL)
                .purpose(Purpose.LOCATION_INFO).at(beijing("2026-03-04T10:00")).build();
        ContactGate withLocation = new ContactGate(ChinaPack.pack(ChinaPack.Parameters.DEFAULTS
                .withThirdPartyPurposes(Purpose.CALL_BACK_REQUEST, Purpose.LOCATION_INFO)));

        assertThat(decide(askForNumber).deniedBy("CN-THIRD-PARTY-PURPOSE")).isTrue();
        assertThat(withLocation.decide(askForNumber, inBeijing).allowed()).isTrue();
        assertThatThrownBy(() -> ChinaPack.Parameters.DEFAULTS.withThirdPartyPurposes(Purpose.COLLECTION))
                .hasMessageContaining("call-back request");
    }

    @Test
    void aSpouseIsARelativeUnlessThePortfolioCountsSpousesAsTheDebtor() {
        ContactRequest spouse = ContactRequest.builder().contact("sp", ContactRole.SPOUSE).channel(Channel.AGENT_CALL)
                .at(beijing("2026-03-04T10:00")).build();
        ContactGate spouseAsDebtor = new ContactGate(ChinaPack.pack(ChinaPack.Parameters.DEFAULTS.withSpouseOnDebtorSide(true)));

        assertThat(decide(spouse).deniedBy("CN-THIRD-PARTY-PURPOSE")).isTrue();
        assertThat(spouseAsDebtor.decide(spouse, inBeijing).allowed()).isTrue();
    }

    @Test
    void aOnePersonVisitIsRefusedForGoodAndATwoPersonVisitIsAllowedInTheDaytime() {
        Decision alone = decide(contact(Channel.VISIT, beijing("2026-03-04T10:00")).staff(1).build());

        assertThat(alone.hits()).extracting(RuleHit::ruleId).containsExactly("CN-VISIT-TWO-STAFF");
        assertThat(alone.hits().getFirst().reasonEn()).isEqualTo("A visit needs at least 2 staff (1 planned).");
        assertThat(alone.nextAllowedAt()).isNull();
        assertThat(decide(contact(Channel.VISIT, beijing("2026-03-04T10:00")).staff(2).build()).allowed()).isTrue();
        assertThat(decide(contact(Channel.VISIT, beijing("2026-03-04T22:30")).staff(2).build()).deniedBy("CN-QUIET-HOURS")).isTrue();
        assertThatThrownBy(() -> new MinimumStaffRule(new RuleText("X", "x", "x"), 0)).hasMessageContaining("at least one");
    }

    @Test
    void everyRuleThatDecidedIsListedNotOnlyTheFirst() {
        Decision decision = decide(ContactRequest.builder().contact("rel", ContactRole.RELATIVE).channel(Channel.AGENT_CALL)
                .purpose(Purpose.COLLECTION).carriesDebtDetails(true).at(beijing("2026-03-04T23:30")).build());

        assertThat(decision.hits()).extracting(RuleHit::ruleId)
                .containsExactly("CN-THIRD-PARTY-PURPOSE", "CN-THIRD-PARTY-NO-DEBT", "CN-QUIET-HOURS");
        assertThat(decision.nextAllowedAt()).isNull();
    }

    @Test
    void anOpenComplaintHoldsContactUntilItIsClosedButTheComplaintItselfMayBeAnswered() {
        ContactFacts open = inBeijing.toBuilder().hold(Hold.of(HoldKind.COMPLAINT_OPEN, beijing("2026-03-03T12:00"))).build();
        ContactFacts closedLater = inBeijing.toBuilder()
                .hold(Hold.of(HoldKind.COMPLAINT_OPEN, beijing("2026-03-03T12:00")).until(beijing("2026-03-05T16:20"))).build();

        Decision held = gate.decide(call(beijing("2026-03-04T10:00")).build(), open);
        assertThat(held.hits()).extracting(RuleHit::ruleId).containsExactly("CN-HOLD-COMPLAINT");
        assertThat(held.hits().getFirst().reasonEn()).contains("A complaint is open (since 2026-03-03T04:00:00Z)");
        assertThat(held.nextAllowedAt()).isNull();
        assertThat(gate.decide(call(beijing("2026-03-04T10:00")).build(), closedLater).nextAllowedAt()).isEqualTo(beijing("2026-03-05T16:20"));
        assertThat(gate.decide(call(beijing("2026-03-04T10:00")).purpose(Purpose.COMPLAINT_RESPONSE).build(), open).allowed()).isTrue();
        assertThat(gate.decide(call(beijing("2026-03-03T11:00")).build(), open).allowed()).as("before it was received").isTrue();
    }

    @Test
    void aClosedComplaintInTheNightOpensContactAtEightTheNextMorning() {
        ContactFacts facts = inBeijing.toBuilder()
                .hold(Hold.of(HoldKind.COMPLAINT_OPEN, beijing("2026-03-03T12:00")).until(beijing("2026-03-04T23:00"))).build();

        Decision decision = gate.decide(call(beijing("2026-03-04T10:00")).build(), facts);

        assertThat(decision.nextAllowedAt()).isEqualTo(beijing("2026-03-05T08:00"));
    }

    @Test
    void deceasedBankruptDisputedAndRepresentedDebtorsAreHeld() {
        record Case(HoldKind kind, String rule) {
        }
        for (Case c : new Case[] {new Case(HoldKind.DECEASED, "CN-HOLD-DECEASED"), new Case(HoldKind.BANKRUPT, "CN-HOLD-BANKRUPT"),
                new Case(HoldKind.DISPUTE_OPEN, "CN-HOLD-DISPUTE"), new Case(HoldKind.ATTORNEY_REPRESENTS, "CN-HOLD-LAWYER")}) {
            ContactFacts facts = inBeijing.toBuilder().hold(Hold.of(c.kind(), beijing("2026-03-01T09:00"))).build();
            Decision decision = gate.decide(call(beijing("2026-03-04T10:00")).build(), facts);
            assertThat(decision.hits()).extracting(RuleHit::ruleId).containsExactly(c.rule());
            assertThat(decision.nextAllowedAt()).isNull();
        }
        ContactFacts lawyer = inBeijing.toBuilder().hold(Hold.of(HoldKind.ATTORNEY_REPRESENTS, beijing("2026-03-01T09:00"))).build();
        assertThat(gate.decide(ContactRequest.builder().contact("lawyer", ContactRole.ATTORNEY).channel(Channel.AGENT_CALL)
                .at(beijing("2026-03-04T10:00")).build(), lawyer).allowed()).as("the lawyer may be called").isTrue();
    }

    @Test
    void aHoldOnOneDebtDoesNotStopContactAboutAnother() {
        ContactFacts facts = inBeijing.toBuilder().hold(Hold.of(HoldKind.DISPUTE_OPEN, beijing("2026-03-01T09:00")).forDebts("loan-1")).build();

        assertThat(gate.decide(call(beijing("2026-03-04T10:00")).debts("loan-1").build(), facts).deniedBy("CN-HOLD-DISPUTE")).isTrue();
        assertThat(gate.decide(call(beijing("2026-03-04T10:00")).debts("loan-2").build(), facts).allowed()).isTrue();
        assertThat(gate.decide(call(beijing("2026-03-04T10:00")).build(), facts).deniedBy("CN-HOLD-DISPUTE"))
                .as("a contact naming no debt concerns them all").isTrue();
    }

    @Test
    void mealAndRestQuietHoursAreOffByDefaultAndCanBeConfigured() {
        ContactGate withLunch = new ContactGate(ChinaPack.pack(ChinaPack.Parameters.DEFAULTS.withRestHours(LocalWindow.of("12:00", "13:30"))));

        assertThat(decide(call(beijing("2026-03-04T12:30")).build()).allowed()).isTrue();
        Decision lunch = withLunch.decide(call(beijing("2026-03-04T12:30")).build(), inBeijing);
        assertThat(lunch.hits()).extracting(RuleHit::ruleId).containsExactly("CN-REST-HOURS");
        assertThat(lunch.nextAllowedAt()).isEqualTo(beijing("2026-03-04T13:30"));
    }

    @Test
    void theWorkingDayPreferenceOrdersSlotsWithoutDenyingAndKnowsHolidaysAndMakeUpDays() {
        Decision sunday = decide(call(beijing("2026-03-08T10:00")).build());
        assertThat(sunday.allowed()).isTrue();
        assertThat(sunday.advisories()).extracting(RuleHit::ruleId).containsExactly("CN-WORKING-DAY-PREFERRED");
        assertThat(gate.nextPreferredAt(call(beijing("2026-03-08T10:00")).build(), inBeijing)).isEqualTo(beijing("2026-03-09T09:00"));

        assertThat(decide(call(beijing("2026-02-14T10:00")).build()).advisories()).as("make-up Saturday is a working day").isEmpty();
        assertThat(decide(call(beijing("2026-10-02T10:00")).build()).advisories()).as("National Day is a holiday").isNotEmpty();
        assertThat(gate.nextPreferredAt(call(beijing("2026-10-01T10:00")).build(), inBeijing)).isEqualTo(beijing("2026-10-08T09:00"));
        assertThat(decide(call(beijing("2026-03-09T19:00")).build()).advisories()).as("weekday evening").isNotEmpty();
    }

    @Test
    void aPortfolioMayRequireWorkingDaysThenAHolidayCallWaitsForTheFirstWorkingDay() {
        ContactGate required = new ContactGate(ChinaPack.pack(ChinaPack.Parameters.DEFAULTS
                .withWorkingDayPreference(ChinaPack.WorkingDayPreference.REQUIRE)));
        ContactGate off = new ContactGate(ChinaPack.pack(ChinaPack.Parameters.DEFAULTS
                .withWorkingDayPreference(ChinaPack.WorkingDayPreference.OFF)));

        Decision holiday = required.decide(call(beijing("2026-02-16T10:00")).build(), inBeijing);
        assertThat(holiday.hits()).extracting(RuleHit::ruleId).containsExactly("CN-WORKING-DAY-PREFERRED");
        assertThat(holiday.nextAllowedAt()).isEqualTo(beijing("2026-02-24T09:00"));
        assertThat(off.decide(call(beijing("2026-03-08T10:00")).build(), inBeijing).advisories()).isEmpty();
    }

    @Test
    void aMediumOptOutClosesThatMediumOnlyAndLetsTheConfirmationThrough() {
        ContactFacts facts = inBeijing.toBuilder().hold(Hold.optOut("debtor", Medium.TEXT_MESSAGE, beijing("2026-03-01T09:00"))).build();

        Decision sms = gate.decide(contact(Channel.SMS, beijing("2026-03-04T10:00")).build(), facts);
        assertThat(sms.hits()).extracting(RuleHit::ruleId).containsExactly("CN-OPT-OUT");
        assertThat(sms.hits().getFirst().reasonZh()).contains("已退订短信");
        assertThat(gate.decide(call(beijing("2026-03-04T10:00")).build(), facts).allowed()).isTrue();
        assertThat(gate.decide(contact(Channel.SMS, beijing("2026-03-04T10:00")).purpose(Purpose.OPT_OUT_CONFIRMATION).build(), facts)
                .allowed()).isTrue();
    }

    @Test
    void whenTheEmployerForbidsItTheWorkNumberIsClosedButTheMobileIsNot() {
        ContactFacts facts = inBeijing.toBuilder().hold(Hold.workplaceBan("debtor", beijing("2026-03-01T09:00"))).build();

        assertThat(gate.decide(call(beijing("2026-03-04T10:00")).endpoint(Endpoint.of("010-12345678", Endpoint.Kind.WORK_PHONE)).build(),
                facts).deniedBy("CN-HOLD-WORKPLACE")).isTrue();
        assertThat(gate.decide(call(beijing("2026-03-04T10:00")).endpoint(Endpoint.of("13800000001", Endpoint.Kind.MOBILE_PHONE)).build(),
                facts).allowed()).isTrue();
    }

    @Test
    void aTimeTheDebtorCalledInconvenientIsAvoidedUntilTheWindowEnds() {
        ContactFacts facts = inBeijing.toBuilder().inconvenient(InconvenientTime.hours("debtor", LocalTime.of(9, 0), LocalTime.of(18, 0),
                beijing("2026-03-01T00:00"), null, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)).build();

        Decision decision = gate.decide(call(beijing("2026-03-04T10:00")).build(), facts);
        assertThat(decision.hits()).extracting(RuleHit::ruleId).containsExactly("CN-DESIGNATED-INCONVENIENT");
        assertThat(decision.nextAllowedAt()).isEqualTo(beijing("2026-03-04T18:00"));
    }

    @Test
    void withXinjiangTimeAlsoKeptAMorningCallWaitsUntilTenBeijingTime() {
        ContactFacts urumqi = ContactFacts.builder().zones(ChinaTimeZones.forRegionCode("650102", ChinaTimeZones.XinjiangTime.ALSO_LOCAL)).build();

        Decision early = gate.decide(call(beijing("2026-03-04T08:30")).build(), urumqi);
        assertThat(early.hits()).extracting(RuleHit::ruleId).containsExactly("CN-QUIET-HOURS");
        assertThat(early.hits().getFirst().parameters()).containsEntry("zone", "Asia/Urumqi").containsEntry("localTime", "06:30");
        assertThat(early.nextAllowedAt()).isEqualTo(beijing("2026-03-04T10:00"));
        assertThat(gate.decide(call(beijing("2026-03-04T21:30")).build(), urumqi).allowed()).isTrue();
    }

    @Test
    void withNoZoneKnownThePackAssumesBeijingTime() {
        assertThat(gate.decide(call(beijing("2026-03-03T23:00")).build(), ContactFacts.none()).nextAllowedAt())
                .isEqualTo(beijing("2026-03-04T08:00"));
    }

    @Test
    void quietHoursMayBeWidenedButNeverNarrowed() {
        new ChinaPack.Parameters(LocalWindow.of("21:00", "09:00"), ChinaPack.Parameters.DEFAULTS.quietChannels(), java.util.List.of(),
                ChinaPack.WorkingDayPreference.PREFER, LocalWindow.of("09:00", "18:00"), 5, 0, java.util.Set.of(Purpose.CALL_BACK_REQUEST),
                false, 2);
        assertThatThrownBy(() -> new ChinaPack.Parameters(LocalWindow.of("23:00", "08:00"), ChinaPack.Parameters.DEFAULTS.quietChannels(),
                java.util.List.of(), ChinaPack.WorkingDayPreference.PREFER, LocalWindow.of("09:00", "18:00"), 5, 0,
                java.util.Set.of(Purpose.CALL_BACK_REQUEST), false, 2))
                .isInstanceOf(dev.recoup.shared.InvalidInputException.class).hasMessageContaining("must cover 22:00–08:00");
        assertThatThrownBy(() -> new ChinaPack.Parameters(LocalWindow.of("22:00", "08:00"), java.util.Set.of(Channel.SMS), java.util.List.of(),
                ChinaPack.WorkingDayPreference.PREFER, LocalWindow.of("09:00", "18:00"), 5, 0, java.util.Set.of(Purpose.CALL_BACK_REQUEST),
                false, 1)).hasMessageContaining("calls and visits");
    }
}
