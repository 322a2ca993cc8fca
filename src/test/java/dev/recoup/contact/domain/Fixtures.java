package dev.recoup.contact.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Local times in the zones the tests use, and a few common requests. */
final class Fixtures {

    static final ZoneId BEIJING = ChinaTimeZones.BEIJING;
    static final ZoneId EASTERN = UsTimeZones.EASTERN;
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Fixtures() {
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Instant beijing(String localDateTime) {
        return at(localDateTime, BEIJING);
    }

    static Instant eastern(String localDateTime) {
        return at(localDateTime, EASTERN);
    }

    static Instant london(String localDateTime) {
        return at(localDateTime, LONDON);
    }

    /** A collection call by an agent to the debtor (contact "debtor"). */
    static ContactRequest.Builder call(Instant at) {
        return ContactRequest.builder().contact("debtor", ContactRole.SELF).channel(Channel.AGENT_CALL).at(at);
    }

    static ContactRequest.Builder contact(Channel channel, Instant at) {
        return ContactRequest.builder().contact("debtor", ContactRole.SELF).channel(channel).at(at);
    }

    static Attempt unanswered(String id, Instant at) {
        return Attempt.outbound(id, at, "debtor", Channel.AGENT_CALL, Outcome.NO_ANSWER);
    }
}
