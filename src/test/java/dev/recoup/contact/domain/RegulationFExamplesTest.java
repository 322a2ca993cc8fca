package dev.recoup.contact.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static dev.recoup.contact.domain.Fixtures.EASTERN;
import static dev.recoup.contact.domain.Fixtures.eastern;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every worked example of the official interpretation (Supplement I to part 1006) of §1006.14(b)
 * and §1006.6(b)–(c), plus those of §1006.14(h) and §1006.10(c), as the gate decides them. Dates
 * are the commentary's (they fall on the same weekdays in 2026). The consumer is in the Eastern
 * zone unless the example says otherwise. A comment that gives factors a court may weigh to rebut
 * a presumption is tested as what the gate does: it keeps to the presumption and names the rule,
 * since rebuttal is a compliance officer's judgment, not the gate's.
 */
class RegulationFExamplesTest {

    private static final String A = "REGF-1006.14(b)(2)(i)(A)";
    private static final String B = "REGF-1006.14(b)(2)(i)(B)";

    private final ContactGate gate = new ContactGate(RegulationFPack.pack());
    private final ContactFacts eastern = ContactFacts.builder().zones(EASTERN).build();

    private static ContactRequest.Builder call(String localTime, String... debts) {
        return Fixtures.call(eastern(localTime)).debts(debts);
    }

    private static Attempt placed(String id, String localTime, Outcome outcome, String... debts) {
        return Attempt.outbound(id, eastern(localTime), "debtor", Channel.AGENT_CALL, outcome).concerning(debts);
    }

    /** Places each call through the gate, asserting it is allowed, and returns the facts with all of them recorded. */
    private ContactFacts placeAllowed(ContactFacts facts, List<Attempt> calls) {
        for (Attempt attempt : calls) {
            ContactRequest request = Fixtures.call(attempt.at()).contact(attempt.contactId(), roleOf(attempt)).channel(attempt.channel())
                    .purpose(attempt.purpose()).debts(attempt.debtIds()).endpoint(attempt.endpoint()).build();
            Decision decision = gate.decide(request, facts);
            assertThat(decision.allowed()).as("call %s at %s: %s", attempt.id(), attempt.at(), decision.hits()).isTrue();
            facts = facts.withAttempt(attempt);
        }
        return facts;
    }

    private static ContactRole roleOf(Attempt attempt) {
        return attempt.contactId().equals("debtor") ? ContactRole.SELF : ContactRole.OTHER;
    }

    @Nested
    class CallFrequencies {

        @Test
        @DisplayName("Comment 14(b)(2)(i)-1.i: a limited-content message on April 1 and six unanswered calls to April 7 are seven calls in seven days — each allowed, the next on April 8 too")
        void sevenCallsInSevenDaysArePresumedToComply() {
            List<Attempt> calls = new ArrayList<>();
            calls.add(placed("lcm", "2026-04-01T10:00", Outcome.VOICEMAIL, "card"));
            for (int day = 2; day <= 7; day++) {
                calls.add(placed("c" + day, "2026-04-0" + day + "T10:00", Outcome.NO_ANSWER, "card"));
            }
            ContactFacts facts = placeAllowed(eastern, calls);

            Decision eighthOnApril7 = gate.decide(call("2026-04-07T15:00", "card").build(), facts);
            assertThat(eighthOnApril7.hits()).extracting(RuleHit::ruleId).containsExactly(A);
            assertThat(gate.decide(call("2026-04-08T10:00", "card").build(), facts).allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(2)(i)-1.ii: the consumer calls and talks on Thursday August 13; a call on Thursday August 20 is allowed, one on the 19th is not")
        void aConversationTheConsumerStartsClosesSevenDaysCountingItsOwnDay() {
            ContactFacts facts = eastern.withAttempt(Attempt.inbound("in", eastern("2026-08-13T14:00"), "debtor", Channel.AGENT_CALL,
                    Outcome.CONVERSATION_DEBTOR).concerning("card"));

            assertThat(gate.decide(call("2026-08-20T09:00", "card").build(), facts).allowed()).isTrue();
            Decision onThe19th = gate.decide(call("2026-08-19T09:00", "card").build(), facts);
            assertThat(onThe19th.hits()).extracting(RuleHit::ruleId).containsExactly(B);
            assertThat(onThe19th.hits().getFirst().parameters()).containsEntry("conversation", "2026-08-13").containsEntry("until", "2026-08-20");
            assertThat(onThe19th.nextAllowedAt()).isEqualTo(eastern("2026-08-20T08:00"));
        }

        @Test
        @DisplayName("Comment 14(b)(2)(i)-1.iii: up to seven unanswered calls from October 6 to 12 to a third party for location information are allowed; an eighth is not")
        void aThirdPartyForLocationInformationGetsTheSameSevenCalls() {
            List<Attempt> calls = new ArrayList<>();
            for (int day = 6; day <= 12; day++) {
                calls.add(Attempt.outbound("n" + day, eastern(String.format("2026-10-%02dT11:00", day)), "neighbour", Channel.AGENT_CALL,
                        Outcome.NO_ANSWER).purpose(Purpose.LOCATION_INFO).concerning("card"));
            }
            ContactFacts facts = placeAllowed(eastern, calls);

            Decision eighth = gate.decide(ContactRequest.builder().contact("neighbour", ContactRole.OTHER).channel(Channel.AGENT_CALL)
                    .purpose(Purpose.LOCATION_INFO).debts("card").at(eastern("2026-10-12T15:00")).build(), facts);
            assertThat(eighth.hits()).extracting(RuleHit::ruleId).containsExactly(A);
        }

        @Test
        @DisplayName("Comment 14(b)(2)(i)-2.i: six calls on Friday April 3 after one on April 1 keep the presumption; the portfolio's optional daily cap refuses the concentration")
        void concentratedCallsKeepThePresumptionButAPortfolioMayCapThemPerDay() {
            List<Attempt> calls = new ArrayList<>(List.of(placed("lcm", "2026-04-01T10:00", Outcome.VOICEMAIL, "card")));
            for (int i = 0; i < 6; i++) {
                calls.add(placed("f" + i, "2026-04-03T1" + i + ":00", Outcome.NO_ANSWER, "card"));
            }
            placeAllowed(eastern, calls);

            ContactGate capped = new ContactGate(RegulationFPack.pack(RegulationFPack.Parameters.DEFAULTS.withMaxCallsPerDay(3)));
            ContactFacts threeOnFriday = eastern.toBuilder().history(calls.subList(0, 4)).build();
            Decision fourthOnFriday = capped.decide(call("2026-04-03T15:00", "card").build(), threeOnFriday);
            assertThat(fourthOnFriday.hits()).extracting(RuleHit::ruleId).containsExactly("US-DAILY-CALL-CAP");
            assertThat(fourthOnFriday.nextAllowedAt()).isEqualTo(eastern("2026-04-04T08:00"));
        }

        @Test
        @DisplayName("Comment 14(b)(2)(i)-2.ii: seven voicemails in one day keep the presumption (the pattern is a rebuttal factor, left to the optional daily cap)")
        void sevenVoicemailsInADayAreWithinTheFrequency() {
            List<Attempt> voicemails = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                voicemails.add(placed("v" + i, "2026-04-01T1" + i + ":00", Outcome.VOICEMAIL, "card"));
            }
            ContactFacts facts = placeAllowed(eastern, voicemails);

            assertThat(gate.decide(call("2026-04-01T18:00", "card").build(), facts).deniedBy(A)).isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(2)(i)-2.iii: after a cease-communication notice or \"stop calling\", calls within the frequency are refused anyway")
        void whatThePersonSaidBeforeStopsCallsTheFrequencyWouldAllow() {
            ContactFacts cease = eastern.toBuilder().hold(Hold.of(HoldKind.CEASE_COMMUNICATION, eastern("2026-04-01T09:00"))).build();
            ContactFacts stopCalling = eastern.toBuilder().hold(Hold.optOut("debtor", Medium.TELEPHONE, eastern("2026-04-01T09:00"))).build();

            assertThat(gate.decide(call("2026-04-02T10:00", "card").build(), cease).hits()).extracting(RuleHit::ruleId)
                    .containsExactly("REGF-1006.6(c)(1)");
            assertThat(gate.decide(call("2026-04-02T10:00", "card").build(), stopCalling).hits()).extracting(RuleHit::ruleId)
                    .containsExactly("REGF-1006.14(h)(1)");
        }

        @Test
        @DisplayName("Comment 14(b)(2)(i)-2.iv: a call at an inconvenient time is refused whatever the count")
        void aCallAtAnInconvenientTimeIsRefusedWhateverTheCount() {
            assertThat(gate.decide(call("2026-04-02T21:15", "card").build(), eastern).hits()).extracting(RuleHit::ruleId)
                    .containsExactly("REGF-1006.6(b)(1)(i)");
        }

        @Test
        @DisplayName("Comment 14(b)(2)(i)-3.i: calls on Monday and Wednesday to a number later learned to be someone else's are not calls to the consumer")
        void callsToAMisdirectedNumberDoNotCount() {
            Endpoint wrong = Endpoint.of("+12125550101", Endpoint.Kind.MOBILE_PHONE);
            Endpoint right = Endpoint.of("+12125550199", Endpoint.Kind.MOBILE_PHONE);
            List<Attempt> week = new ArrayList<>(List.of(placed("m", "2026-04-06T10:00", Outcome.NO_ANSWER, "card").to(wrong),
                    placed("w", "2026-04-08T10:00", Outcome.NO_ANSWER, "card").to(wrong)));
            for (int day = 6; day <= 10; day++) {
                week.add(placed("r" + day, "2026-04-" + String.format("%02d", day) + "T14:00", Outcome.NO_ANSWER, "card").to(right));
            }
            ContactFacts learned = eastern.toBuilder().history(week).misdirected(wrong.address()).build();
            ContactFacts notLearned = eastern.toBuilder().history(week).build();

            assertThat(gate.decide(call("2026-04-10T16:00", "card").endpoint(right).build(), notLearned).deniedBy(A)).isTrue();
            assertThat(gate.decide(call("2026-04-10T16:00", "card").endpoint(right).build(), learned).allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(2)(ii)-1.i: a message on April 1, two calls on each of April 2, 3 and 6 — the call on April 7 is the eighth: refused, allowed again April 8 at 8:00")
        void theEighthCallInSevenDaysIsPresumedToViolate() {
            List<Attempt> calls = new ArrayList<>(List.of(placed("lcm", "2026-04-01T10:00", Outcome.VOICEMAIL, "mortgage")));
            for (String day : List.of("02", "03", "06")) {
                calls.add(placed(day + "a", "2026-04-" + day + "T10:00", Outcome.NO_ANSWER, "mortgage"));
                calls.add(placed(day + "b", "2026-04-" + day + "T16:00", Outcome.NO_ANSWER, "mortgage"));
            }
            ContactFacts facts = placeAllowed(eastern, calls);

            Decision eighth = gate.decide(call("2026-04-07T10:00", "mortgage").build(), facts);
            assertThat(eighth.hits()).extracting(RuleHit::ruleId).containsExactly(A);
            assertThat(eighth.hits().getFirst().parameters()).containsEntry("count", "7").containsEntry("from", "2026-04-01")
                    .containsEntry("to", "2026-04-07");
            assertThat(eighth.hits().getFirst().reasonEn()).contains("presumed violation of §1006.14(b)(1)");
            assertThat(eighth.nextAllowedAt()).isEqualTo(eastern("2026-04-08T08:00"));
        }

        @Test
        @DisplayName("Comment 14(b)(2)(ii)-1.ii: an unanswered call on Tuesday August 11 and a conversation on Friday August 14 — no call before Friday August 21")
        void noCallUntilTheEighthDayAfterAConversation() {
            ContactFacts facts = eastern.toBuilder().history(placed("t", "2026-08-11T10:00", Outcome.NO_ANSWER, "card"),
                    placed("f", "2026-08-14T10:00", Outcome.CONVERSATION_DEBTOR, "card")).build();

            Decision thursday = gate.decide(call("2026-08-20T17:00", "card").build(), facts);
            assertThat(thursday.hits()).extracting(RuleHit::ruleId).containsExactly(B);
            assertThat(thursday.nextAllowedAt()).isEqualTo(eastern("2026-08-21T08:00"));
            assertThat(gate.decide(call("2026-08-21T08:00", "card").build(), facts).allowed()).isTrue();
        }

        @Test
        @DisplayName("Comments 14(b)(2)(ii)-2.i and -2.ii: a call required by law or tied to active litigation still exceeds the frequency — the gate refuses, rebuttal is a human decision")
        void callsWithARebuttalFactorAreStillRefused() {
            List<Attempt> calls = new ArrayList<>(List.of(placed("lcm", "2026-04-01T10:00", Outcome.VOICEMAIL, "mortgage")));
            for (String day : List.of("02", "03", "06")) {
                calls.add(placed(day + "a", "2026-04-" + day + "T10:00", Outcome.NO_ANSWER, "mortgage"));
                calls.add(placed(day + "b", "2026-04-" + day + "T16:00", Outcome.NO_ANSWER, "mortgage"));
            }
            ContactFacts facts = eastern.toBuilder().history(calls).build();
            assertThat(gate.decide(call("2026-04-07T10:00", "mortgage").requiredByLaw(true).build(), facts).deniedBy(A)).isTrue();

            ContactFacts talked = eastern.toBuilder().history(placed("t", "2026-08-11T10:00", Outcome.NO_ANSWER, "card"),
                    placed("f", "2026-08-14T10:00", Outcome.CONVERSATION_DEBTOR, "card")).build();
            assertThat(gate.decide(call("2026-08-18T10:00", "card").build(), talked).deniedBy(B)).isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(2)(ii)-2.iii: the consumer wanted more information but hung up before consenting to a call back — refused; with the consent recorded, allowed")
        void aRequestForInformationWithoutConsentIsNotAnExclusion() {
            ContactFacts talked = eastern.toBuilder().history(placed("f", "2026-08-14T10:00", Outcome.CONVERSATION_DEBTOR, "card")).build();
            ContactFacts consented = talked.toBuilder()
                    .consent(Consent.given("debtor", eastern("2026-08-14T10:10")).calls().about("card")).build();

            assertThat(gate.decide(call("2026-08-17T10:00", "card").build(), talked).deniedBy(B)).isTrue();
            assertThat(gate.decide(call("2026-08-17T10:00", "card").build(), consented).allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(2)(ii)-2.iv.A–C: calling straight back after a dropped settlement call, about a failed payment's late fee, or with a \"one-time\" discount — all within seven days of the conversation: refused")
        void timeSensitiveCallsAfterAConversationAreRefused() {
            ContactFacts dropped = eastern.toBuilder().history(placed("f", "2026-08-14T10:00", Outcome.CONVERSATION_DEBTOR, "card")).build();

            Decision callBackNow = gate.decide(call("2026-08-14T10:25", "card").build(), dropped);
            assertThat(callBackNow.deniedBy(B)).isTrue();
            assertThat(callBackNow.nextAllowedAt()).isEqualTo(eastern("2026-08-21T08:00"));
            assertThat(gate.decide(call("2026-08-17T10:00", "card").build(), dropped).deniedBy(B)).as("late fee (B), discount (C)").isTrue();
        }
    }

    @Nested
    class Exclusions {

        @Test
        @DisplayName("Comment 14(b)-1: a ringless voicemail is a call; a text message or an e-mail is not")
        void ringlessVoicemailCountsTextsDoNot() {
            List<Attempt> week = new ArrayList<>();
            for (int day = 1; day <= 7; day++) {
                week.add(Attempt.outbound("r" + day, eastern("2026-04-0" + day + "T10:00"), "debtor", Channel.ROBOT_CALL, Outcome.VOICEMAIL)
                        .concerning("card"));
            }
            ContactFacts facts = eastern.toBuilder().history(week).build();

            assertThat(gate.decide(call("2026-04-07T15:00", "card").build(), facts).deniedBy(A)).isTrue();
            assertThat(gate.decide(Fixtures.contact(Channel.SMS, eastern("2026-04-07T15:00")).debts("card").build(), facts).allowed()).isTrue();
            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-04-07T15:00")).debts("card").build(), facts).allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(3)(ii)-1: busy signals and numbers not in service do not count; unanswered, voicemail (left or not) and answered-then-dropped calls do")
        void unconnectedCallsDoNotCount() {
            List<Attempt> unconnected = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                unconnected.add(placed("b" + i, "2026-04-0" + (1 + i) + "T10:00", Outcome.BUSY, "card"));
                unconnected.add(placed("n" + i, "2026-04-0" + (1 + i) + "T11:00", Outcome.NOT_IN_SERVICE, "card"));
            }
            assertThat(gate.decide(call("2026-04-07T15:00", "card").build(), eastern.toBuilder().history(unconnected).build()).allowed()).isTrue();

            List<Attempt> connected = List.of(placed("1", "2026-04-01T10:00", Outcome.NO_ANSWER, "card"),
                    placed("2", "2026-04-02T10:00", Outcome.VOICEMAIL, "card"), placed("3", "2026-04-03T10:00", Outcome.DROPPED, "card"),
                    placed("4", "2026-04-04T10:00", Outcome.NO_ANSWER, "card"), placed("5", "2026-04-05T10:00", Outcome.VOICEMAIL, "card"),
                    placed("6", "2026-04-06T10:00", Outcome.NO_ANSWER, "card"), placed("7", "2026-04-07T10:00", Outcome.VOICEMAIL, "card"));
            assertThat(gate.decide(call("2026-04-07T15:00", "card").build(), eastern.toBuilder().history(connected).build()).deniedBy(A)).isTrue();
        }

        @Test
        @DisplayName("§1006.14(b)(3)(iii): calls to the consumer's attorney are outside the frequencies")
        void callsToTheAttorneyAreNotCounted() {
            List<Attempt> calls = new ArrayList<>();
            for (int day = 1; day <= 7; day++) {
                calls.add(Attempt.outbound("a" + day, eastern("2026-04-0" + day + "T10:00"), "lawyer", Channel.AGENT_CALL,
                        Outcome.CONVERSATION_THIRD_PARTY).concerning("card"));
            }
            ContactFacts facts = eastern.toBuilder().history(calls).build();

            assertThat(gate.decide(ContactRequest.builder().contact("lawyer", ContactRole.ATTORNEY).channel(Channel.AGENT_CALL).debts("card")
                    .at(eastern("2026-04-07T15:00")).build(), facts).allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(3)(i)-1: consent to more calls does not open an inconvenient time or a closed medium")
        void frequencyConsentDoesNotOpenInconvenientTimesOrClosedMedia() {
            ContactFacts facts = eastern.toBuilder().consent(Consent.given("debtor", eastern("2026-04-06T10:00")).calls().about("card"))
                    .hold(Hold.optOut("debtor", Medium.TELEPHONE, eastern("2026-04-07T12:00"))).build();

            assertThat(gate.decide(call("2026-04-06T21:30", "card").build(), facts).hits()).extracting(RuleHit::ruleId)
                    .containsExactly("REGF-1006.6(b)(1)(i)");
            assertThat(gate.decide(call("2026-04-07T13:00", "card").build(), facts).hits()).extracting(RuleHit::ruleId)
                    .containsExactly("REGF-1006.14(h)(1)");
        }

        @Test
        @DisplayName("Comment 14(b)(3)(i)-2: consent lasts at most seven days from its receipt, less if the consumer said so, and ends on revocation or a conversation about the debt")
        void priorConsentExpires() {
            List<Attempt> seven = new ArrayList<>();
            for (int day = 1; day <= 7; day++) {
                seven.add(placed("c" + day, "2026-04-0" + day + "T09:00", Outcome.NO_ANSWER, "card"));
            }
            ContactFacts counted = eastern.toBuilder().history(seven).build();
            Consent consent = Consent.given("debtor", eastern("2026-04-01T08:30")).calls().about("card");

            ContactFacts withConsent = counted.toBuilder().consent(consent).build();
            assertThat(gate.decide(call("2026-04-07T15:00", "card").build(), withConsent).allowed()).as("all seven excluded").isTrue();

            ContactFacts shorter = counted.toBuilder().consent(consent.until(eastern("2026-04-03T00:00"))).build();
            assertThat(gate.decide(call("2026-04-07T15:00", "card").build(), shorter).deniedBy(A)).as("(1) a shorter period").isFalse();
            List<Attempt> nine = new ArrayList<>(seven);
            nine.add(placed("c8", "2026-04-07T10:00", Outcome.NO_ANSWER, "card"));
            nine.add(placed("c9", "2026-04-07T11:00", Outcome.NO_ANSWER, "card"));
            ContactFacts shorterNine = eastern.toBuilder().history(nine).consent(consent.until(eastern("2026-04-03T00:00"))).build();
            assertThat(gate.decide(call("2026-04-07T15:00", "card").build(), shorterNine).deniedBy(A))
                    .as("(1) only the calls of April 1–2 are excluded: seven remain").isTrue();

            ContactFacts revoked = eastern.toBuilder().history(nine).consent(consent.revokedAt(eastern("2026-04-03T00:00"))).build();
            assertThat(gate.decide(call("2026-04-07T15:00", "card").build(), revoked).deniedBy(A)).as("(2) revoked").isTrue();

            List<Attempt> talked = new ArrayList<>(nine);
            talked.set(2, placed("c3", "2026-04-03T09:00", Outcome.CONVERSATION_DEBTOR, "card"));
            ContactFacts conversation = eastern.toBuilder().history(talked).consent(consent).build();
            assertThat(gate.decide(call("2026-04-07T15:00", "card").build(), conversation).deniedBy(B)).as("(3) a conversation").isTrue();

            ContactFacts eighthDay = eastern.toBuilder().history(placed("x", "2026-04-08T09:00", Outcome.CONVERSATION_DEBTOR, "card"))
                    .consent(Consent.given("debtor", eastern("2026-04-01T08:30")).calls().about("card")).build();
            assertThat(gate.decide(call("2026-04-09T10:00", "card").build(), eighthDay).deniedBy(B))
                    .as("April 8 is the eighth day: the consent no longer excludes").isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(3)(i)-3.i: a conversation on Friday April 3 and \"call back on Monday\" — a call on Monday April 6 is allowed, on Tuesday it is not")
        void callBackOnMonday() {
            ContactFacts facts = eastern.toBuilder().history(placed("f", "2026-04-03T10:00", Outcome.CONVERSATION_DEBTOR, "card"))
                    .consent(Consent.given("debtor", eastern("2026-04-03T10:05")).calls().about("card").on(DayOfWeek.MONDAY)).build();

            assertThat(gate.decide(call("2026-04-06T10:00", "card").build(), facts).allowed()).isTrue();
            Decision tuesday = gate.decide(call("2026-04-07T10:00", "card").build(), facts);
            assertThat(tuesday.hits()).extracting(RuleHit::ruleId).containsExactly(B);
            assertThat(tuesday.nextAllowedAt()).isEqualTo(eastern("2026-04-10T08:00"));
        }

        @Test
        @DisplayName("Comment 14(b)(3)(i)-3.ii: after the call back on Monday April 6 ends in a conversation, a call on Wednesday April 8 is presumed to violate")
        void theConsentedCallBacksConversationEndsTheConsent() {
            ContactFacts facts = eastern.toBuilder().history(placed("f", "2026-04-03T10:00", Outcome.CONVERSATION_DEBTOR, "card"))
                    .consent(Consent.given("debtor", eastern("2026-04-03T10:05")).calls().about("card")).build();
            facts = placeAllowed(facts, List.of(placed("m", "2026-04-06T10:00", Outcome.CONVERSATION_DEBTOR, "card")));

            Decision wednesday = gate.decide(call("2026-04-08T10:00", "card").build(), facts);
            assertThat(wednesday.hits()).extracting(RuleHit::ruleId).containsExactly(B);
            assertThat(wednesday.nextAllowedAt()).isEqualTo(eastern("2026-04-13T08:00"));
        }

        @Test
        @DisplayName("Comment 14(b)(3)(i)-3.iii: consent by e-mail on Thursday June 4 excludes eight calls June 8–10; calls from Thursday June 11 count again")
        void consentByEmailExcludesEightCalls() {
            List<Attempt> before = List.of(placed("1", "2026-06-01T10:00", Outcome.NO_ANSWER, "card"),
                    placed("2", "2026-06-02T10:00", Outcome.NO_ANSWER, "card"), placed("3", "2026-06-03T10:00", Outcome.NO_ANSWER, "card"));
            ContactFacts facts = placeAllowed(eastern, before).toBuilder()
                    .consent(Consent.given("debtor", eastern("2026-06-04T12:00")).calls().about("card")).build();
            List<Attempt> eight = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                eight.add(placed("x" + i, String.format("2026-06-%02dT%02d:00", 8 + i / 3, 9 + i % 3 * 3), Outcome.NO_ANSWER, "card"));
            }
            facts = placeAllowed(facts, eight);

            List<Attempt> june11 = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                june11.add(placed("y" + i, String.format("2026-06-11T%02d:00", 9 + i), Outcome.NO_ANSWER, "card"));
            }
            facts = placeAllowed(facts, june11);
            assertThat(gate.decide(call("2026-06-11T18:00", "card").build(), facts).deniedBy(A)).as("the eighth counted call").isTrue();
        }
    }

    @Nested
    class ParticularDebt {

        private Decision decide(ContactFacts facts, String time, String... debts) {
            return gate.decide(call(time, debts).build(), facts);
        }

        @Test
        @DisplayName("Comment 14(b)(4)-2.i: 21 unanswered calls in seven days, seven counted toward each of a medical debt and credit card debts A and B — all allowed")
        void unansweredCallsCountTowardTheDebtTheyAreAssignedTo() {
            List<Attempt> calls = new ArrayList<>();
            String[] debts = {"medical", "card-A", "card-B"};
            for (int day = 1; day <= 7; day++) {
                for (int d = 0; d < 3; d++) {
                    calls.add(placed(debts[d] + day, String.format("2026-04-%02dT%02d:00", day, 9 + 3 * d), Outcome.NO_ANSWER, debts[d]));
                }
            }
            ContactFacts facts = placeAllowed(eastern, calls);

            for (String debt : debts) {
                assertThat(decide(facts, "2026-04-07T20:00", debt).deniedBy(A)).isTrue();
            }
            assertThat(decide(facts, "2026-04-07T20:00", "auto-loan").allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(4)-2.ii: a limited-content voicemail intended for both debts counts toward either one — here the medical debt")
        void aVoicemailCountsTowardOneDebt() {
            List<Attempt> calls = new ArrayList<>();
            for (int day = 1; day <= 7; day++) {
                calls.add(placed("v" + day, "2026-04-0" + day + "T10:00", Outcome.VOICEMAIL, "medical"));
            }
            ContactFacts facts = eastern.toBuilder().history(calls).build();

            assertThat(decide(facts, "2026-04-07T15:00", "medical").deniedBy(A)).isTrue();
            assertThat(decide(facts, "2026-04-07T15:00", "card").allowed()).isTrue();
            assertThat(decide(facts, "2026-04-07T15:00", "medical", "card").deniedBy(A)).as("a call about both counts toward both").isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(4)-2.iii: a conversation on Monday November 9 solely about the medical debt says nothing about the credit card debt")
        void aConversationAboutOneDebtLeavesTheOtherOpen() {
            ContactFacts facts = eastern.toBuilder().history(placed("m", "2026-11-09T10:00", Outcome.CONVERSATION_DEBTOR, "medical")).build();

            assertThat(decide(facts, "2026-11-10T10:00", "medical").deniedBy(B)).isTrue();
            assertThat(decide(facts, "2026-11-10T10:00", "card").allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(4)-2.iv: a conversation on November 9 about both debts closes calls about either")
        void aConversationAboutBothDebtsClosesBoth() {
            ContactFacts facts = eastern.toBuilder().history(placed("m", "2026-11-09T10:00", Outcome.CONVERSATION_DEBTOR, "medical", "card"))
                    .build();

            assertThat(decide(facts, "2026-11-10T10:00", "medical").deniedBy(B)).isTrue();
            assertThat(decide(facts, "2026-11-10T10:00", "card").deniedBy(B)).isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(4)-2.v: two medical and four card calls November 9–11, then a general conversation on November 12 counted toward the medical debt")
        void aGeneralConversationCountsTowardTheDebtItIsAssignedTo() {
            ContactFacts facts = eastern.toBuilder().history(placed("m1", "2026-11-09T10:00", Outcome.NO_ANSWER, "medical"),
                    placed("m2", "2026-11-10T10:00", Outcome.NO_ANSWER, "medical"), placed("c1", "2026-11-09T14:00", Outcome.NO_ANSWER, "card"),
                    placed("c2", "2026-11-10T14:00", Outcome.NO_ANSWER, "card"), placed("c3", "2026-11-11T10:00", Outcome.NO_ANSWER, "card"),
                    placed("c4", "2026-11-11T14:00", Outcome.NO_ANSWER, "card"),
                    placed("g", "2026-11-12T10:00", Outcome.CONVERSATION_DEBTOR, "medical")).build();

            Decision medical = decide(facts, "2026-11-13T10:00", "medical");
            assertThat(medical.hits()).extracting(RuleHit::ruleId).containsExactly(B);
            assertThat(medical.nextAllowedAt()).isEqualTo(eastern("2026-11-19T08:00"));
            assertThat(decide(facts, "2026-11-13T10:00", "card").allowed()).as("four calls, no conversation").isTrue();
        }

        @Test
        @DisplayName("Comment 14(b)(4)-2.vi: a call placed about the medical debt in which the consumer raises the card debt — a call about the medical debt, a conversation about both")
        void theConsumerRaisingAnotherDebtMakesAConversationAboutIt() {
            List<Attempt> history = new ArrayList<>();
            for (int day = 3; day <= 8; day++) {
                history.add(placed("c" + day, "2026-11-0" + day + "T10:00", Outcome.NO_ANSWER, "card"));
            }
            history.add(placed("m", "2026-11-09T10:00", Outcome.CONVERSATION_DEBTOR, "medical").discussing("medical", "card"));
            ContactFacts facts = eastern.toBuilder().history(history).build();

            Decision card = decide(facts, "2026-11-10T10:00", "card");
            assertThat(card.hits()).extracting(RuleHit::ruleId).containsExactly(B);
            RuleHit frequencyAlone = gate.check(gate.pack().rule(A), call("2026-11-09T15:00", "card").build(), facts);
            assertThat(frequencyAlone).as("six card calls: the medical call is not one of them").isNull();
        }

        @Test
        @DisplayName("Comment 14(b)(4)-2.vii: three student loans serviced under one account number are one particular debt")
        void studentLoansUnderOneAccountNumberAreOneDebt() {
            String key = ParticularDebts.key("loan-1", "SL-778");
            assertThat(ParticularDebts.key("loan-2", "SL-778")).isEqualTo(key);
            assertThat(ParticularDebts.key("card-9", null)).isEqualTo("card-9");
            List<Attempt> calls = new ArrayList<>();
            for (int day = 1; day <= 7; day++) {
                calls.add(placed("s" + day, "2026-04-0" + day + "T10:00", Outcome.NO_ANSWER, ParticularDebts.key("loan-" + (day % 3 + 1), "SL-778")));
            }
            ContactFacts facts = eastern.toBuilder().history(calls).build();

            assertThat(decide(facts, "2026-04-07T15:00", ParticularDebts.key("loan-3", "SL-778")).deniedBy(A)).isTrue();
        }
    }

    @Nested
    class InconvenientTimesAndPlaces {

        @Test
        @DisplayName("Comment 6(b)(1)-1.i: the creditor's notes say Tuesdays and Thursdays through the end of the year are out")
        void creditorNotesMakeDaysInconvenient() {
            ContactFacts facts = eastern.toBuilder().inconvenient(InconvenientTime.wholeDays("debtor", eastern("2026-11-01T00:00"),
                    eastern("2027-01-01T00:00"), DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)).build();

            Decision tuesday = gate.decide(call("2026-11-10T10:00").build(), facts);
            assertThat(tuesday.hits()).extracting(RuleHit::ruleId).containsExactly("REGF-1006.6(b)(1)(i)-KNOWN");
            assertThat(tuesday.nextAllowedAt()).isEqualTo(eastern("2026-11-11T08:00"));
            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-12T10:00")).build(), facts).allowed()).isFalse();
            assertThat(gate.decide(call("2027-01-05T10:00").build(), facts).allowed()).as("a Tuesday next year").isTrue();
        }

        @Test
        @DisplayName("Comment 6(b)(1)-1.ii: \"weekdays, except from 3:00 to 5:00 p.m.\" and no weekends")
        void weekdayAfternoonsAndWeekendsAreInconvenient() {
            ContactFacts facts = eastern.toBuilder()
                    .inconvenient(InconvenientTime.hours("debtor", LocalTime.of(15, 0), LocalTime.of(17, 0), eastern("2026-11-02T12:00"), null,
                            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY))
                    .inconvenient(InconvenientTime.wholeDays("debtor", eastern("2026-11-02T12:00"), null, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))
                    .build();

            assertThat(gate.decide(call("2026-11-04T15:30").build(), facts).nextAllowedAt()).isEqualTo(eastern("2026-11-04T17:00"));
            assertThat(gate.decide(call("2026-11-07T10:00").build(), facts).nextAllowedAt()).isEqualTo(eastern("2026-11-09T08:00"));
            assertThat(gate.decide(call("2026-11-04T14:00").build(), facts).allowed()).isTrue();
        }

        @Test
        @DisplayName("Comments 6(b)(1)-1.iii and 6(b)(1)(ii)-1.i: \"not at home\" closes the home address and landline, not the mobile — unless the collector knows the consumer is at home")
        void homeIsAnInconvenientPlace() {
            ContactFacts facts = eastern.toBuilder().hold(Hold.inconvenientPlace("debtor", Place.HOME, eastern("2026-11-02T12:00"))).build();
            Endpoint homeAddress = Endpoint.of("1 Main St, Springfield", Endpoint.Kind.HOME_ADDRESS);
            Endpoint landline = Endpoint.of("+12125550100", Endpoint.Kind.HOME_PHONE);
            Endpoint mobile = Endpoint.of("+12125550199", Endpoint.Kind.MOBILE_PHONE);

            assertThat(gate.decide(Fixtures.contact(Channel.LETTER, eastern("2026-11-04T10:00")).endpoint(homeAddress).build(), facts).hits())
                    .extracting(RuleHit::ruleId).containsExactly("REGF-1006.6(b)(1)(ii)");
            assertThat(gate.decide(call("2026-11-04T10:00").endpoint(landline).build(), facts).deniedBy("REGF-1006.6(b)(1)(ii)")).isTrue();
            assertThat(gate.decide(call("2026-11-04T10:00").endpoint(mobile).build(), facts).allowed()).isTrue();
            assertThat(gate.decide(Fixtures.contact(Channel.SMS, eastern("2026-11-04T10:00")).endpoint(mobile).build(), facts).allowed()).isTrue();
            assertThat(gate.decide(call("2026-11-04T10:00").endpoint(mobile).knownLocation(Place.HOME).build(), facts)
                    .deniedBy("REGF-1006.6(b)(1)(ii)")).isTrue();
        }

        @Test
        @DisplayName("Comment 6(b)(1)-2.i: an e-mail from the consumer at 3:30 p.m. on Wednesday, inside the hours they closed, may be answered once by e-mail that day")
        void aConsumerEmailInAClosedHourMayBeAnsweredOnce() {
            ContactFacts facts = eastern.toBuilder()
                    .inconvenient(InconvenientTime.hours("debtor", LocalTime.of(15, 0), LocalTime.of(17, 0), eastern("2026-11-02T12:00"), null,
                            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY))
                    .history(Attempt.inbound("mail-1", eastern("2026-11-04T15:30"), "debtor", Channel.EMAIL, Outcome.DELIVERED)).build();
            ContactRequest reply = Fixtures.contact(Channel.EMAIL, eastern("2026-11-04T15:45")).inResponseTo("mail-1").build();

            assertThat(gate.decide(reply, facts).allowed()).isTrue();
            assertThat(gate.decide(call("2026-11-04T15:45").inResponseTo("mail-1").build(), facts).allowed()).as("another medium").isFalse();
            ContactFacts replied = facts.withAttempt(Attempt.outbound("r1", eastern("2026-11-04T15:45"), "debtor", Channel.EMAIL,
                    Outcome.DELIVERED).answering("mail-1"));
            assertThat(gate.decide(reply.at(eastern("2026-11-04T16:00")), replied).deniedBy("REGF-1006.6(b)(1)(i)-KNOWN")).as("only once").isTrue();
            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-05T15:10")).inResponseTo("mail-1").build(), facts).allowed())
                    .as("not on another day").isFalse();

            ContactFacts again = replied.withAttempt(Attempt.inbound("mail-2", eastern("2026-11-04T16:05"), "debtor", Channel.EMAIL,
                    Outcome.DELIVERED));
            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-04T16:10")).inResponseTo("mail-2").build(), again).allowed())
                    .as("each consumer e-mail may be answered once").isTrue();
        }

        @Test
        @DisplayName("Comment 6(b)(1)-2.ii: the consumer calls from the home landline after closing home — talking on that call needs no decision, the landline stays closed; a letter from home may be answered once by letter")
        void aContactFromAClosedPlaceMayBeAnsweredOnce() {
            Endpoint landline = Endpoint.of("+12125550100", Endpoint.Kind.HOME_PHONE);
            Endpoint home = Endpoint.of("1 Main St, Springfield", Endpoint.Kind.HOME_ADDRESS);
            ContactFacts facts = eastern.toBuilder().hold(Hold.inconvenientPlace("debtor", Place.HOME, eastern("2026-11-02T12:00")))
                    .history(Attempt.inbound("in-call", eastern("2026-11-04T10:00"), "debtor", Channel.AGENT_CALL, Outcome.CONVERSATION_DEBTOR)
                                    .to(landline),
                            Attempt.inbound("in-letter", eastern("2026-11-05T10:00"), "debtor", Channel.LETTER, Outcome.DELIVERED).to(home))
                    .build();

            Decision callBack = gate.decide(call("2026-11-12T10:05").endpoint(landline).build(), facts);
            assertThat(callBack.hits()).extracting(RuleHit::ruleId).containsExactly("REGF-1006.6(b)(1)(ii)");
            ContactRequest reply = Fixtures.contact(Channel.LETTER, eastern("2026-11-06T10:00")).endpoint(home).inResponseTo("in-letter").build();
            assertThat(gate.decide(reply, facts).allowed()).isTrue();
            ContactFacts replied = facts.withAttempt(Attempt.outbound("r", eastern("2026-11-06T10:00"), "debtor", Channel.LETTER,
                    Outcome.DELIVERED).to(home).answering("in-letter"));
            assertThat(gate.decide(reply.at(eastern("2026-11-09T10:00")), replied).deniedBy("REGF-1006.6(b)(1)(ii)")).isTrue();
        }

        @Test
        @DisplayName("Comment 6(b)(1)-2.iii: Fridays closed; the consumer browsing our website on a Friday does not reopen it — no e-mail that Friday or the next")
        void usingTheWebsiteDoesNotReopenAClosedDay() {
            ContactFacts facts = eastern.toBuilder()
                    .inconvenient(InconvenientTime.wholeDays("debtor", eastern("2026-11-02T12:00"), null, DayOfWeek.FRIDAY)).build();

            Decision friday = gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-06T18:00")).build(), facts);
            assertThat(friday.deniedBy("REGF-1006.6(b)(1)(i)-KNOWN")).isTrue();
            assertThat(friday.nextAllowedAt()).isEqualTo(eastern("2026-11-07T08:00"));
            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-13T10:00")).build(), facts).allowed()).isFalse();
        }

        @Test
        @DisplayName("Comment 6(b)(1)-2.iv: an e-mail from the consumer at 8:30 p.m. on a Friday may get one automated reply")
        void aFridayEveningEmailGetsOneAutomatedReply() {
            ContactFacts facts = eastern.toBuilder()
                    .inconvenient(InconvenientTime.wholeDays("debtor", eastern("2026-11-02T12:00"), null, DayOfWeek.FRIDAY))
                    .history(Attempt.inbound("fri", eastern("2026-11-06T20:30"), "debtor", Channel.EMAIL, Outcome.DELIVERED)).build();
            ContactRequest reply = Fixtures.contact(Channel.EMAIL, eastern("2026-11-06T20:31")).inResponseTo("fri").build();

            assertThat(gate.decide(reply, facts).allowed()).isTrue();
            ContactFacts replied = facts.withAttempt(Attempt.outbound("auto", eastern("2026-11-06T20:31"), "debtor", Channel.EMAIL,
                    Outcome.DELIVERED).answering("fri"));
            assertThat(gate.decide(reply.at(eastern("2026-11-06T20:40")), replied).allowed()).isFalse();
        }

        @Test
        @DisplayName("Comment 6(b)(1)(i)-1: an e-mail happens when it is sent — one sent at 9:30 p.m. is refused even if read the next morning")
        void anEmailIsTimedWhenSent() {
            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-04T21:30")).build(), eastern).hits())
                    .extracting(RuleHit::ruleId).containsExactly("REGF-1006.6(b)(1)(i)");
            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-04T20:59")).build(), eastern).allowed()).isTrue();
            assertThat(gate.decide(Fixtures.contact(Channel.LETTER, eastern("2026-11-04T23:00")).build(), eastern).allowed())
                    .as("mail is not timed by when it is posted").isTrue();
        }

        @Test
        @DisplayName("Comment 6(b)(1)(i)-2.i: an Eastern mobile number and a Pacific address leave 11:00 a.m. to 9:00 p.m. Eastern")
        void easternMobileAndPacificAddress() {
            ContactFacts facts = ContactFacts.builder()
                    .zones(PossibleZones.union(UsTimeZones.forState("CA"), UsTimeZones.forPhone("+1 (212) 555-0199"))).build();

            Decision early = gate.decide(call("2026-11-04T10:59").build(), facts);
            assertThat(early.hits().getFirst().parameters()).containsEntry("zone", "America/Los_Angeles").containsEntry("localTime", "07:59");
            assertThat(early.nextAllowedAt()).isEqualTo(eastern("2026-11-04T11:00"));
            assertThat(gate.decide(call("2026-11-04T20:59").build(), facts).allowed()).isTrue();
            assertThat(gate.decide(call("2026-11-04T21:00").build(), facts).nextAllowedAt()).isEqualTo(eastern("2026-11-05T11:00"));
        }

        @Test
        @DisplayName("Comment 6(b)(1)(i)-2.ii: an Eastern mobile and a Mountain landline leave 10:00 a.m. to 9:00 p.m. Eastern")
        void easternMobileAndMountainLandline() {
            ContactFacts facts = ContactFacts.builder()
                    .zones(PossibleZones.union(UsTimeZones.forPhone("+1 212 555 0199"), UsTimeZones.forPhone("+1 303 555 0100"))).build();

            assertThat(gate.decide(call("2026-11-04T09:59").build(), facts).nextAllowedAt()).isEqualTo(eastern("2026-11-04T10:00"));
            assertThat(gate.decide(call("2026-11-04T20:59").build(), facts).allowed()).isTrue();
            assertThat(gate.decide(call("2026-11-04T21:00").build(), facts).allowed()).isFalse();
        }

        @Test
        @DisplayName("Comment 6(b)(3)-1: \"I can't take personal calls at work\" closes the work number and work e-mail, not the mobile")
        void anEmployersProhibitionClosesWorkEndpoints() {
            ContactFacts facts = eastern.toBuilder().hold(Hold.workplaceBan("debtor", eastern("2026-11-02T12:00"))).build();

            assertThat(gate.decide(call("2026-11-04T10:00").endpoint(Endpoint.of("+12125550111", Endpoint.Kind.WORK_PHONE)).build(), facts)
                    .hits()).extracting(RuleHit::ruleId).containsExactly("REGF-1006.6(b)(3)");
            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-04T10:00"))
                    .endpoint(Endpoint.of("jane@employer.example", Endpoint.Kind.WORK_EMAIL)).build(), facts).deniedBy("REGF-1006.6(b)(3)")).isTrue();
            assertThat(gate.decide(call("2026-11-04T10:00").endpoint(Endpoint.of("+12125550199", Endpoint.Kind.MOBILE_PHONE)).build(), facts)
                    .allowed()).isTrue();
        }

        @Test
        @DisplayName("§1006.6(b)(4)(i): the consumer's own consent to be called at the office opens it")
        void consentOpensAClosedWorkNumber() {
            Endpoint office = Endpoint.of("+12125550111", Endpoint.Kind.WORK_PHONE);
            ContactFacts facts = eastern.toBuilder().hold(Hold.workplaceBan("debtor", eastern("2026-11-02T12:00")))
                    .consent(Consent.given("debtor", eastern("2026-11-03T12:00")).calls().at(office.address())).build();

            assertThat(gate.decide(call("2026-11-04T10:00").endpoint(office).build(), facts).allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 6(b)(4)(i)-2: consent the consumer gave the creditor does not count; consent given directly does")
        void consentGivenToTheCreditorDoesNotOpenAnInconvenientTime() {
            Consent evening = Consent.given("debtor", eastern("2026-11-02T12:00")).calls().between(LocalTime.of(21, 0), LocalTime.of(22, 0));
            ContactFacts viaCreditor = eastern.toBuilder().consent(evening.source(ConsentSource.VIA_CREDITOR)).build();
            ContactFacts direct = eastern.toBuilder().consent(evening).build();

            assertThat(gate.decide(call("2026-11-04T21:30").build(), viaCreditor).deniedBy("REGF-1006.6(b)(1)(i)")).isTrue();
            assertThat(gate.decide(call("2026-11-04T21:30").build(), direct).allowed()).isTrue();
        }
    }

    @Nested
    class AttorneyAndCeaseCommunication {

        @Test
        @DisplayName("Comment 6(b)(2)-1: a represented consumer's own e-mail may be answered once; afterwards only the attorney")
        void aRepresentedConsumerMayBeAnsweredOnce() {
            ContactFacts facts = eastern.toBuilder().hold(Hold.of(HoldKind.ATTORNEY_REPRESENTS, eastern("2026-11-02T12:00")))
                    .history(Attempt.inbound("q", eastern("2026-11-04T09:00"), "debtor", Channel.EMAIL, Outcome.DELIVERED)).build();

            Decision call = gate.decide(call("2026-11-04T10:00").build(), facts);
            assertThat(call.hits()).extracting(RuleHit::ruleId).containsExactly("REGF-1006.6(b)(2)");
            assertThat(call.nextAllowedAt()).isNull();
            ContactRequest reply = Fixtures.contact(Channel.EMAIL, eastern("2026-11-04T10:00")).inResponseTo("q").build();
            assertThat(gate.decide(reply, facts).allowed()).isTrue();
            ContactFacts replied = facts.withAttempt(Attempt.outbound("r", eastern("2026-11-04T10:00"), "debtor", Channel.EMAIL,
                    Outcome.DELIVERED).answering("q"));
            assertThat(gate.decide(reply.at(eastern("2026-11-04T11:00")), replied).deniedBy("REGF-1006.6(b)(2)")).isTrue();
            assertThat(gate.decide(ContactRequest.builder().contact("lawyer", ContactRole.ATTORNEY).channel(Channel.AGENT_CALL)
                    .at(eastern("2026-11-04T10:00")).build(), facts).allowed()).isTrue();
        }

        @Test
        @DisplayName("§1006.6(b)(2)(i)-(ii): when the attorney consents or fails to respond the hold ends, and contact resumes then")
        void theAttorneyHoldEndsWhenLifted() {
            ContactFacts facts = eastern.toBuilder().hold(Hold.of(HoldKind.ATTORNEY_REPRESENTS, eastern("2026-11-02T12:00"))
                    .until(eastern("2026-11-20T09:30"))).build();

            assertThat(gate.decide(call("2026-11-04T10:00").build(), facts).nextAllowedAt()).isEqualTo(eastern("2026-11-20T09:30"));
        }

        @Test
        @DisplayName("Comment 6(c)(1)-1.i: a cease notice mailed August 3 and received August 6 — the e-mail of August 4 was allowed, nothing after the 6th")
        void aCeaseNoticeTakesEffectOnReceipt() {
            ContactFacts facts = eastern.toBuilder().hold(Hold.of(HoldKind.CEASE_COMMUNICATION, eastern("2026-08-06T11:00"))).build();

            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-08-04T10:00")).build(), facts).allowed()).isTrue();
            Decision after = gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-08-07T10:00")).build(), facts);
            assertThat(after.hits()).extracting(RuleHit::ruleId).containsExactly("REGF-1006.6(c)(1)");
            assertThat(after.nextAllowedAt()).isNull();
            assertThat(gate.decide(Fixtures.contact(Channel.LETTER, eastern("2026-08-07T10:00")).purpose(Purpose.CEASE_NOTICE).build(), facts)
                    .allowed()).as("§1006.6(c)(2): efforts end / remedy notice").isTrue();
        }

        @Test
        @DisplayName("Comments 6(c)(2)-1 and -2: notices the mortgage servicing rules require are still sent after a cease notice")
        void legallyRequiredNoticesSurviveACeaseNotice() {
            ContactFacts facts = eastern.toBuilder().hold(Hold.of(HoldKind.CEASE_COMMUNICATION, eastern("2026-08-06T11:00"))).build();

            assertThat(gate.decide(Fixtures.contact(Channel.LETTER, eastern("2026-08-10T10:00")).requiredByLaw(true).build(), facts).allowed())
                    .isTrue();
            assertThat(gate.decide(Fixtures.contact(Channel.LETTER, eastern("2026-08-10T10:00")).build(), facts).allowed()).isFalse();
        }

        @Test
        @DisplayName("§1006.38(d)(2): a written dispute stops collection until verification is sent; the verification itself goes out")
        void aDisputeStopsCollectionUntilVerified() {
            ContactFacts facts = eastern.toBuilder().hold(Hold.of(HoldKind.DISPUTE_OPEN, eastern("2026-08-06T11:00"))
                    .until(eastern("2026-08-12T15:00"))).build();

            assertThat(gate.decide(call("2026-08-10T10:00").build(), facts).nextAllowedAt()).isEqualTo(eastern("2026-08-12T15:00"));
            assertThat(gate.decide(Fixtures.contact(Channel.LETTER, eastern("2026-08-10T10:00")).purpose(Purpose.COMPLAINT_RESPONSE).build(),
                    facts).allowed()).isTrue();
        }
    }

    @Nested
    class MediaAndThirdParties {

        @Test
        @DisplayName("Comment 14(h)(1)-2: a request not to use one of two mobile numbers leaves the other")
        void oneNumberOptedOut() {
            ContactFacts facts = eastern.toBuilder()
                    .hold(Hold.optOut("debtor", Medium.TELEPHONE, eastern("2026-11-02T12:00")).atEndpoint("+12125550101")).build();

            assertThat(gate.decide(call("2026-11-04T10:00").endpoint(Endpoint.of("+12125550101", Endpoint.Kind.MOBILE_PHONE)).build(), facts)
                    .deniedBy("REGF-1006.14(h)(1)")).isTrue();
            assertThat(gate.decide(call("2026-11-04T10:00").endpoint(Endpoint.of("+12125550102", Endpoint.Kind.MOBILE_PHONE)).build(), facts)
                    .allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 14(h)(1)-3.i: \"stop calling\" closes telephone calls, by agent or robot, and leaves texts")
        void stopCallingClosesCalls() {
            ContactFacts facts = eastern.toBuilder().hold(Hold.optOut("debtor", Medium.TELEPHONE, eastern("2026-11-02T12:00"))).build();

            Decision agent = gate.decide(call("2026-11-04T10:00").build(), facts);
            assertThat(agent.hits()).extracting(RuleHit::ruleId).containsExactly("REGF-1006.14(h)(1)");
            assertThat(agent.hits().getFirst().reasonEn()).contains("by telephone");
            assertThat(gate.decide(Fixtures.contact(Channel.ROBOT_CALL, eastern("2026-11-04T10:00")).build(), facts).allowed()).isFalse();
            assertThat(gate.decide(Fixtures.contact(Channel.SMS, eastern("2026-11-04T10:00")).build(), facts).allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 14(h)(1)-3.ii: an opt-out of e-mail to one address holds for every debt; an e-mail confirming it may go out (§1006.14(h)(2)(i))")
        void emailOptOutForEveryDebt() {
            ContactFacts facts = eastern.toBuilder()
                    .hold(Hold.optOut("debtor", Medium.EMAIL, eastern("2026-11-02T12:00")).atEndpoint("jane@mail.example")).build();
            Endpoint address = Endpoint.of("jane@mail.example", Endpoint.Kind.PERSONAL_EMAIL);

            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-04T10:00")).endpoint(address).debts("other-debt").build(),
                    facts).deniedBy("REGF-1006.14(h)(1)")).isTrue();
            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-04T10:00"))
                    .endpoint(Endpoint.of("jane@other.example", Endpoint.Kind.PERSONAL_EMAIL)).build(), facts).allowed()).isTrue();
            assertThat(gate.decide(Fixtures.contact(Channel.EMAIL, eastern("2026-11-04T10:00")).endpoint(address)
                    .purpose(Purpose.OPT_OUT_CONFIRMATION).build(), facts).allowed()).isTrue();
        }

        @Test
        @DisplayName("Comment 14(h)(2)-1: \"stop mailing letters\" does not stop a periodic statement the law requires")
        void legallyRequiredMail() {
            ContactFacts facts = eastern.toBuilder().hold(Hold.optOut("debtor", Medium.MAIL, eastern("2026-11-02T12:00"))).build();

            assertThat(gate.decide(Fixtures.contact(Channel.LETTER, eastern("2026-11-04T10:00")).build(), facts).allowed()).isFalse();
            assertThat(gate.decide(Fixtures.contact(Channel.LETTER, eastern("2026-11-04T10:00")).requiredByLaw(true).build(), facts).allowed())
                    .isTrue();
        }

        @Test
        @DisplayName("§1006.14(h)(2)(ii): a person who texts on a closed medium may be answered once the same way")
        void aTextOnAClosedMediumMayBeAnsweredOnce() {
            ContactFacts facts = eastern.toBuilder().hold(Hold.optOut("debtor", Medium.TEXT_MESSAGE, eastern("2026-11-02T12:00")))
                    .history(Attempt.inbound("t", eastern("2026-11-04T09:00"), "debtor", Channel.SMS, Outcome.DELIVERED)).build();

            assertThat(gate.decide(Fixtures.contact(Channel.SMS, eastern("2026-11-05T10:00")).inResponseTo("t").build(), facts).allowed()).isTrue();
            assertThat(gate.decide(Fixtures.contact(Channel.SMS, eastern("2026-11-05T10:00")).build(), facts).allowed()).isFalse();
        }

        @Test
        @DisplayName("§1006.6(d)(1): third parties only for location information — never for collection or a call-back message")
        void thirdPartiesOnlyForLocationInformation() {
            ContactRequest.Builder sister = ContactRequest.builder().contact("sister", ContactRole.RELATIVE).channel(Channel.AGENT_CALL)
                    .at(eastern("2026-11-04T10:00"));

            Decision collection = gate.decide(sister.purpose(Purpose.COLLECTION).build(), eastern);
            assertThat(collection.hits()).extracting(RuleHit::ruleId).containsExactly("REGF-1006.6(d)(1)");
            assertThat(collection.nextAllowedAt()).isNull();
            assertThat(gate.decide(sister.purpose(Purpose.CALL_BACK_REQUEST).build(), eastern).deniedBy("REGF-1006.6(d)(1)")).isTrue();
            assertThat(gate.decide(sister.purpose(Purpose.LOCATION_INFO).build(), eastern).allowed()).isTrue();
            assertThat(gate.decide(sister.purpose(Purpose.LOCATION_INFO).carriesDebtDetails(true).build(), eastern).deniedBy("REGF-1006.10(b)(2)"))
                    .isTrue();
            assertThat(gate.decide(sister.contact("husband", ContactRole.SPOUSE).purpose(Purpose.COLLECTION).build(), eastern).allowed())
                    .as("§1006.6(a)(1): a spouse is the consumer").isTrue();
        }

        @Test
        @DisplayName("§1006.10(c): one location communication per third party, unless asked again or the answer seems wrong")
        void oneLocationCommunicationPerThirdParty() {
            ContactFacts spoken = eastern.toBuilder().history(Attempt.outbound("n1", eastern("2026-10-06T11:00"), "neighbour", Channel.AGENT_CALL,
                    Outcome.CONVERSATION_THIRD_PARTY).purpose(Purpose.LOCATION_INFO)).build();
            ContactRequest.Builder again = ContactRequest.builder().contact("neighbour", ContactRole.OTHER).channel(Channel.AGENT_CALL)
                    .purpose(Purpose.LOCATION_INFO).at(eastern("2026-10-20T11:00"));

            Decision second = gate.decide(again.build(), spoken);
            assertThat(second.hits()).extracting(RuleHit::ruleId).containsExactly("REGF-1006.10(c)");
            assertThat(second.nextAllowedAt()).isNull();
            assertThat(gate.decide(again.locationFollowUpJustified(true).build(), spoken).allowed()).isTrue();
            ContactFacts longAgo = eastern.toBuilder().priorLocationContactAt(Instant.parse("2025-01-10T15:00:00Z")).build();
            assertThat(gate.decide(again.locationFollowUpJustified(false).build(), longAgo).deniedBy("REGF-1006.10(c)")).as("older than the loaded history").isTrue();
        }
    }
}
