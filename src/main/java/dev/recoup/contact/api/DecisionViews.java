package dev.recoup.contact.api;

import dev.recoup.contact.domain.Decision;
import dev.recoup.contact.domain.RuleHit;
import dev.recoup.contact.persistence.GateService;

import java.time.Instant;
import java.util.List;

/** The gate's answer as the API shows it. */
final class DecisionViews {

    private DecisionViews() {
    }

    /** A rule that decided: its id and plain reasons. */
    record RuleView(String id, String reasonZh, String reasonEn) {
        static List<RuleView> of(List<RuleHit> hits) {
            return hits.stream().map(h -> new RuleView(h.ruleId(), h.reasonZh(), h.reasonEn())).toList();
        }
    }

    /**
     * @param rules         every hard rule that denied (empty when allowed)
     * @param nextAllowedAt the earliest instant it would be allowed (the time asked when allowed; null when never as asked
     *                      or waiting for a fact to change, e.g. an open complaint)
     * @param advisories    preferences not met (never deny)
     */
    record DecisionView(boolean allowed, Instant at, String pack, Long caseId, long contactId, String contactRole, String channel,
                        String purpose, List<RuleView> rules, Instant nextAllowedAt, List<RuleView> advisories) {

        static DecisionView of(GateService.Verdict v, String channel, String purpose) {
            Decision d = v.decision();
            return new DecisionView(d.allowed(), d.at(), v.packIds(), v.target().caseId(), v.target().contactId(), v.target().role(), channel,
                    purpose, RuleView.of(d.hits()), d.nextAllowedAt(), RuleView.of(d.advisories()));
        }
    }
}
