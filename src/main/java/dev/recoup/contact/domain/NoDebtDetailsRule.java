package dev.recoup.contact.domain;

/** A contact with a third party must carry no detail of the debt (template, script). Never allowed as asked. */
public record NoDebtDetailsRule(RuleText text) implements ContactRule {

    @Override
    public RuleHit check(Situation s, long t, boolean explain) {
        if (!s.thirdParty || !s.request.carriesDebtDetails()) {
            return null;
        }
        return explain ? text.hit("role", s.request.role().name(), "roleZh", s.request.role().zh(), "roleEn", s.request.role().en()) : OBJECTS;
    }

    @Override
    public long nextChange(Situation s, long t) {
        return NEVER;
    }
}
