package dev.recoup.casework.persistence;

import dev.recoup.casework.CaseStage;
import dev.recoup.casework.domain.FlowRules;
import dev.recoup.casework.domain.StageRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code recoup.case-flow.stages.<STAGE>.owner-role | limit-days | escalation-queue}: each stage's
 * owner role, time limit in days (0 = none; for CLOSED the archive period) and the queue its
 * escalations go to. Anything not set keeps its default ({@link FlowRules#defaults()}).
 */
@ConfigurationProperties("recoup.case-flow")
public record CaseFlowProperties(Map<CaseStage, Stage> stages) {

    public record Stage(String ownerRole, Integer limitDays, String escalationQueue) {
    }

    public CaseFlowProperties {
        stages = stages == null ? Map.of() : Map.copyOf(stages);
    }

    /** Every stage's rule: configured values over the defaults. */
    public Map<CaseStage, StageRule> rules() {
        Map<CaseStage, StageRule> rules = new EnumMap<>(CaseStage.class);
        FlowRules.defaults().forEach((stage, standard) -> {
            Stage set = stages.get(stage);
            rules.put(stage, set == null ? standard : new StageRule(stage,
                    set.ownerRole() == null ? standard.ownerRole() : set.ownerRole(),
                    set.limitDays() == null ? standard.limitDays() : set.limitDays(),
                    set.escalationQueue() == null ? standard.escalationQueue() : set.escalationQueue()));
        });
        return Collections.unmodifiableMap(rules);
    }
}
