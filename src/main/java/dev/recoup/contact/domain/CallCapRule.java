package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.Duration;
import java.util.Set;

/**
 * At most {@code cap} calls in any {@code days} consecutive local days (the person's primary zone)
 * — China's 5 calls a day per contact (days = 1), the guideline's 6 unanswered calls a day per
 * number ({@code perEndpoint}, {@code unansweredOnly}), CONC caps per day and per week. Every
 * outbound call on the counted channels counts, whatever its outcome (unless {@code unansweredOnly}).
 * Denied means the proposed call would be one too many; it may be made again from the next local
 * midnight at which the window has room.
 *
 * @param counted      the channels counted and restricted
 * @param perEndpoint  count calls to the request's number only (a request without an endpoint is not restricted)
 * @param unansweredOnly count only calls nobody answered
 */
public record CallCapRule(RuleText text, int cap, int days, Set<Channel> counted, boolean perEndpoint, boolean unansweredOnly)
        implements ContactRule {

    public CallCapRule {
        if (cap < 1) {
            throw new InvalidInputException(text.id() + ".cap", Integer.toString(cap), "a cap must allow at least one call");
        }
        if (days < 1 || days > 31) {
            throw new InvalidInputException(text.id() + ".days", Integer.toString(days), "a window of 1 to 31 days");
        }
        counted = EnumSets.frozen(counted, Channel.class);
    }

    @Override
    public Duration lookback() {
        return Duration.ofDays(days + 1L);
    }

    private boolean counts(Situation s, ContactHistory history, int i) {
        if (!history.outbound(i) || history.contact(i) != s.person || !counted.contains(history.channel(i))
                || unansweredOnly && !history.outcome(i).unanswered()) {
            return false;
        }
        if (perEndpoint) {
            Endpoint endpoint = history.get(i).endpoint();
            return endpoint != null && endpoint.address().equals(s.request.endpoint().address());
        }
        return true;
    }

    @Override
    public RuleHit check(Situation s, long t, boolean explain) {
        if (!counted.contains(s.request.channel()) || perEndpoint && s.request.endpoint() == null) {
            return null;
        }
        ZoneClock zone = s.primary;
        long today = zone.day(t);
        long first = today - days + 1;
        int[] perDay = new int[2 * days - 1];
        ContactHistory history = s.history;
        long end = zone.instant(today + days, 0);
        for (int i = history.firstAtOrAfter(zone.instant(first, 0)); i < history.size() && history.second(i) < end; i++) {
            if (counts(s, history, i)) {
                perDay[(int) (zone.day(history.second(i)) - first)]++;
            }
        }
        for (int k = 0; k < days; k++) {
            int sum = 0;
            for (int d = k; d < k + days; d++) {
                sum += perDay[d];
            }
            if (sum >= cap) {
                if (!explain) {
                    return OBJECTS;
                }
                return text.hit("count", Integer.toString(sum), "cap", Integer.toString(cap),
                        "from", ZoneClock.date(first + k), "to", ZoneClock.date(first + k + days - 1),
                        "endpoint", perEndpoint ? s.request.endpoint().address() : "-");
            }
        }
        return null;
    }

    @Override
    public long nextChange(Situation s, long t) {
        return s.primary.nextMidnight(t);
    }
}
