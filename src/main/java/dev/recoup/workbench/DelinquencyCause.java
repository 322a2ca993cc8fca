package dev.recoup.workbench;

/**
 * Why the debtor fell behind (逾期原因, R12), in the debtor's own account on a call — recorded only after
 * the identity check, so it is the debtor's word and not a third party's guess. Labels: messages
 * {@code workbench.cause.<CODE>}. It tells a team lead what treatment fits: a plan for lost income, a
 * reminder for a forgotten date, a dispute to investigate, a refusal for the legal track.
 */
public enum DelinquencyCause {
    JOB_LOSS,
    INCOME_DROP,
    ILLNESS_OR_ACCIDENT,
    BUSINESS_DIFFICULTY,
    OVER_INDEBTED,
    FAMILY_EVENT,
    FORGOT,
    PAYMENT_CHANNEL_PROBLEM,
    DISPUTES_DEBT,
    UNWILLING,
    OTHER
}
