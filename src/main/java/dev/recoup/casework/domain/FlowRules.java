package dev.recoup.casework.domain;

import dev.recoup.casework.CaseStage;

import java.util.EnumMap;
import java.util.Map;

/** The rules of the case flow that do not need a database: direction of moves and default stage rules. */
public final class FlowRules {

    private FlowRules() {
    }

    /** A rule may move a case only forward: from an earlier stage to a later one. */
    public static boolean isForward(CaseStage from, CaseStage to) {
        return from.ordinal() < to.ordinal();
    }

    /** CLOSED and ARCHIVED: the case's work is over. */
    public static boolean isTerminal(CaseStage stage) {
        return stage == CaseStage.CLOSED || stage == CaseStage.ARCHIVED;
    }

    /**
     * Defaults (seed 002 and the issue): the system classifies and assigns within a day each; an
     * agent has 3 days from assignment to first contact, 14 days of contact to open a negotiation,
     * 30 days to settle it; legal proceedings 180 days, asset realisation a year; closed cases are
     * archived after 30 days. System stages escalate to operations, agents' to their team lead,
     * legal officers' to the legal lead.
     */
    public static Map<CaseStage, StageRule> defaults() {
        Map<CaseStage, StageRule> rules = new EnumMap<>(CaseStage.class);
        put(rules, CaseStage.INTAKE, "system", 1, "operations");
        put(rules, CaseStage.CLASSIFIED, "system", 1, "operations");
        put(rules, CaseStage.ASSIGNED, "agent", 3, "team-lead");
        put(rules, CaseStage.FIRST_CONTACT, "agent", 14, "team-lead");
        put(rules, CaseStage.NEGOTIATION, "agent", 30, "team-lead");
        put(rules, CaseStage.LEGAL, "legal-officer", 180, "legal-lead");
        put(rules, CaseStage.ASSET_REALISATION, "legal-officer", 365, "legal-lead");
        put(rules, CaseStage.CLOSED, "system", 30, "operations");
        put(rules, CaseStage.ARCHIVED, "system", 0, "operations");
        return rules;
    }

    private static void put(Map<CaseStage, StageRule> rules, CaseStage stage, String role, int days, String queue) {
        rules.put(stage, new StageRule(stage, role, days, queue));
    }
}
