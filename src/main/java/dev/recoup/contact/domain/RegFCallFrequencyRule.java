package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.Duration;

/**
 * Regulation F §1006.14(b)(2)(i)(A): a telephone call to a person about a particular debt is
 * presumed to violate §1006.14(b)(1) (§1006.14(b)(2)(ii)) when it is more than the seventh within
 * seven consecutive days. Counted: outbound calls (agent or robot, ringless voicemail included;
 * texts and e-mails are not calls, comment 14(b)-1) to this person, placed about the debt, that
 * connected (busy and not in service do not count; unanswered, voicemail and dropped do, comment
 * 14(b)(3)(ii)-1), not to a wrong or misdirected number (comment 14(b)(2)(i)-3), not placed under
 * the person's prior consent (§1006.14(b)(3)(i)). Calls to the consumer's attorney are excluded
 * (§1006.14(b)(3)(iii)). Days are local days of the person's primary zone; every seven-day window
 * containing the proposed day is checked (the ledger may hold calls after it).
 *
 * @param maxCalls seven by the regulation; a portfolio may choose fewer, never more
 */
public record RegFCallFrequencyRule(RuleText text, int maxCalls) implements ContactRule {

    static final int DAYS = 7;

    public RegFCallFrequencyRule {
        if (maxCalls < 1 || maxCalls > 7) {
            throw new InvalidInputException("maxCallsPerSevenDays", Integer.toString(maxCalls), "between 1 and the regulation's 7");
        }
    }

    @Override
    public Duration lookback() {
        return Duration.ofDays(15);
    }

    static boolean applies(Situation s) {
        return s.request.channel().isCall() && s.request.role() != ContactRole.ATTORNEY;
    }

    @Override
    public RuleHit check(Situation s, long t, boolean explain) {
        if (!applies(s)) {
            return null;
        }
        ZoneClock zone = s.primary;
        long today = zone.day(t);
        long first = today - DAYS + 1;
        ContactHistory history = s.history;
        int from = history.firstAtOrAfter(zone.instant(first, 0));
        long end = zone.instant(today + DAYS, 0);
        for (String debt : s.debts) {
            if (!s.facts.consents().isEmpty() && s.frequencyConsent(t, debt, s.request.channel())) {
                continue;
            }
            int[] perDay = new int[2 * DAYS - 1];
            for (int i = from; i < history.size() && history.second(i) < end; i++) {
                if (s.countsTowardFrequency(i, debt)) {
                    perDay[(int) (zone.day(history.second(i)) - first)]++;
                }
            }
            for (int k = 0; k < DAYS; k++) {
                int sum = 0;
                for (int d = k; d < k + DAYS; d++) {
                    sum += perDay[d];
                }
                if (sum + 1 > maxCalls) {
                    if (!explain) {
                        return OBJECTS;
                    }
                    return text.hit("debt", debt.isEmpty() ? "*" : debt, "count", Integer.toString(sum), "max", Integer.toString(maxCalls),
                            "from", ZoneClock.date(first + k), "to", ZoneClock.date(first + k + DAYS - 1));
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
