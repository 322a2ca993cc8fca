package dev.recoup.contact.domain;

import java.time.Duration;

/**
 * Regulation F §1006.14(b)(2)(i)(B): no telephone call to a person about a particular debt within
 * seven consecutive days after a telephone conversation with that person about that debt — the day
 * of the conversation is day 1, so a conversation on Friday the 14th closes calls until Friday the
 * 21st (comment 14(b)(2)(ii)-1.ii). Conversations count whoever started them (an inbound call too,
 * comment 14(b)(2)(i)-1.ii) and for every debt discussed (comment 14(b)(4)-2.vi). A call under the
 * person's prior consent is excluded (§1006.14(b)(3)(i)); calls to the consumer's attorney too.
 */
public record RegFConversationRule(RuleText text) implements ContactRule {

    @Override
    public Duration lookback() {
        return Duration.ofDays(8);
    }

    @Override
    public RuleHit check(Situation s, long t, boolean explain) {
        if (!RegFCallFrequencyRule.applies(s)) {
            return null;
        }
        ZoneClock zone = s.primary;
        long today = zone.day(t);
        ContactHistory history = s.history;
        long windowStart = zone.instant(today - 6, 0);
        for (String debt : s.debts) {
            if (!s.facts.consents().isEmpty() && s.frequencyConsent(t, debt, s.request.channel())) {
                continue;
            }
            for (int i = history.firstAtOrAfter(t) - 1; i >= 0 && history.second(i) >= windowStart; i--) {
                if (history.contact(i) != s.person || !history.outcome(i).conversation()) {
                    continue;
                }
                Attempt a = history.get(i);
                if (s.conversationWithPerson(a) && a.discussed(debt)) {
                    if (!explain) {
                        return OBJECTS;
                    }
                    long day = zone.day(history.second(i));
                    return text.hit("debt", debt.isEmpty() ? "*" : debt, "conversation", ZoneClock.date(day),
                            "until", ZoneClock.date(day + 7));
                }
            }
        }
        return null;
    }

    @Override
    public long nextChange(Situation s, long t) {
        return Math.min(s.primary.nextMidnight(t), s.frequencyConsentEdge(t));
    }
}
