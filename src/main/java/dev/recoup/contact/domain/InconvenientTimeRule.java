package dev.recoup.contact.domain;

import java.util.Set;

/**
 * No contact at a time the collector knows is inconvenient to the person ({@link InconvenientTime}),
 * unless the person has since asked for exactly that time (a consent with a time window from an
 * honoured source), or the contact answers, once, on the same day and through the same medium,
 * something the person sent at such a time (Reg F comment 6(b)(1)-2).
 *
 * @param channels       the channels restricted (letters are delivered by the post, not "at a time")
 * @param consentSources consents from these sources override the designation
 * @param replyOnce      whether a same-day reply through the same medium is allowed once
 */
public record InconvenientTimeRule(RuleText text, Set<Channel> channels, Set<ConsentSource> consentSources, boolean replyOnce)
        implements ContactRule {

    public InconvenientTimeRule {
        channels = EnumSets.frozen(channels, Channel.class);
        consentSources = EnumSets.frozen(consentSources, ConsentSource.class);
    }

    private InconvenientTime covering(Situation s, long t) {
        for (InconvenientTime time : s.facts.inconvenientTimes()) {
            if (time.contactId().equals(s.request.contactId()) && time.from().getEpochSecond() <= t
                    && (time.until() == null || t < time.until().getEpochSecond())
                    && Situation.inWindow(s.clock(time.zone()), time.days(), time.start(), time.end(), t)) {
                return time;
            }
        }
        return null;
    }

    @Override
    public RuleHit check(Situation s, long t, boolean explain) {
        if (!channels.contains(s.request.channel())) {
            return null;
        }
        InconvenientTime time = covering(s, t);
        if (time == null || s.timeConsent(t, consentSources) || replyOnce && s.permittedReply(t, true)) {
            return null;
        }
        if (!explain) {
            return OBJECTS;
        }
        String window = time.start() == null ? "全天 / all day" : time.start() + "–" + time.end();
        String days = time.days().isEmpty() ? "*" : time.days().toString();
        return text.hit("days", days, "window", window, "since", time.from().toString(),
                "until", time.until() == null ? "-" : time.until().toString(),
                "localTime", ZoneClock.hhmm(s.clock(time.zone()).secondOfDay(t)));
    }

    @Override
    public long nextChange(Situation s, long t) {
        long edge = NEVER;
        for (InconvenientTime time : s.facts.inconvenientTimes()) {
            if (!time.contactId().equals(s.request.contactId())) {
                continue;
            }
            edge = Situation.after(t, edge, time.from().getEpochSecond());
            edge = Situation.after(t, edge, Situation.seconds(time.until()));
            edge = Situation.after(t, edge, Situation.windowEdge(s.clock(time.zone()), time.start(), time.end(), t));
        }
        edge = Math.min(edge, s.consentEdge(t, consentSources));
        return replyOnce ? Math.min(edge, s.replyEdge(t)) : edge;
    }
}
