package dev.recoup.contact.domain;

/**
 * No contact while a {@link Hold} of {@code kind} concerns it (the case or the person, the debt, the
 * medium or endpoint, the place), from the instant the hold took effect until it ends, save what the
 * {@link HoldExemptions} let through. An open-ended hold gives no next allowed time.
 */
public record HoldRule(RuleText text, HoldKind kind, HoldExemptions exemptions) implements ContactRule {

    private boolean exempt(Situation s) {
        ContactRequest r = s.request;
        return exemptions.purposes().contains(r.purpose()) || exemptions.roles().contains(r.role())
                || exemptions.requiredByLaw() && r.requiredByLaw()
                || exemptions.optOutConfirmation() && r.purpose() == Purpose.OPT_OUT_CONFIRMATION && r.channel().medium().electronic();
    }

    private Hold active(Situation s, long t) {
        for (Hold hold : s.facts.holds()) {
            if (hold.kind() == kind && hold.activeAt(t) && hold.concerns(s.request)) {
                return hold;
            }
        }
        return null;
    }

    @Override
    public RuleHit check(Situation s, long t, boolean explain) {
        if (s.facts.holds().isEmpty() || exempt(s)) {
            return null;
        }
        Hold hold = active(s, t);
        if (hold == null || exemptions.replyOnce() && s.permittedReply(t, false) || s.endpointConsent(t, exemptions.endpointConsent())) {
            return null;
        }
        if (!explain) {
            return OBJECTS;
        }
        return text.hit("since", hold.effectiveFrom().toString(),
                "until", hold.effectiveUntil() == null ? "-" : hold.effectiveUntil().toString(),
                "medium", hold.medium() == null ? "-" : hold.medium().name(),
                "mediumZh", hold.medium() == null ? "-" : hold.medium().zh(),
                "mediumEn", hold.medium() == null ? "-" : hold.medium().en(),
                "place", hold.place() == null ? (kind == HoldKind.WORKPLACE_BAN ? Place.WORK.name() : "-") : hold.place().name(),
                "placeZh", hold.place() == null ? Place.WORK.zh() : hold.place().zh(),
                "placeEn", hold.place() == null ? Place.WORK.en() : hold.place().en(),
                "endpoint", hold.endpoint() == null ? "-" : hold.endpoint());
    }

    @Override
    public long nextChange(Situation s, long t) {
        long edge = NEVER;
        for (Hold hold : s.facts.holds()) {
            if (hold.kind() == kind && hold.activeAt(t) && hold.concerns(s.request) && hold.effectiveUntil() != null) {
                edge = Situation.after(t, edge, hold.effectiveUntil().getEpochSecond());
            }
        }
        if (exemptions.replyOnce()) {
            edge = Math.min(edge, s.replyEdge(t));
        }
        return Math.min(edge, s.consentEdge(t, exemptions.endpointConsent()));
    }
}
