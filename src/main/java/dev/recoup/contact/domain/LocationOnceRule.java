package dev.recoup.contact.domain;

/**
 * A third party is communicated with for location information only once (Reg F §1006.10(c)),
 * unless they asked to be contacted again or their earlier answer is reasonably believed wrong or
 * incomplete ({@link ContactRequest#locationFollowUpJustified()}). "Communicated" means information
 * passed: a conversation, a voicemail, a delivered message — an unanswered call is not one (comment
 * 14(b)(2)(i)-1.iii lets a collector try a third party up to seven times in seven days).
 */
public record LocationOnceRule(RuleText text) implements ContactRule {

    private static long earlier(Situation s, long t) {
        java.time.Instant prior = s.facts.priorLocationContactAt();
        if (prior != null && prior.getEpochSecond() < t) {
            return prior.getEpochSecond();
        }
        ContactHistory history = s.history;
        int end = history.firstAtOrAfter(t);
        for (int i = 0; i < end; i++) {
            Attempt a = history.get(i);
            if (a.outbound() && a.purpose() == Purpose.LOCATION_INFO && a.contactId().equals(s.request.contactId())
                    && a.outcome().communicated()) {
                return history.second(i);
            }
        }
        return NEVER;
    }

    @Override
    public RuleHit check(Situation s, long t, boolean explain) {
        if (!s.thirdParty || s.request.purpose() != Purpose.LOCATION_INFO || s.request.locationFollowUpJustified()) {
            return null;
        }
        long before = earlier(s, t);
        if (before == NEVER) {
            return null;
        }
        return explain ? text.hit("previous", java.time.Instant.ofEpochSecond(before).toString()) : OBJECTS;
    }

    @Override
    public long nextChange(Situation s, long t) {
        return NEVER;
    }
}
