package dev.recoup.casework;

import java.util.Arrays;
import java.util.List;

/**
 * How a task ended, as a code (labels: messages {@code task.outcome.<CODE>}). Some outcomes say
 * where the case stands in its flow: speaking to the debtor is the first contact, a promise or a
 * negotiation is negotiation — completing a task with one moves the case forward by rule (never back).
 * Until the contact ledger and promises exist (later issues), these task outcomes are how cases
 * reach FIRST_CONTACT and NEGOTIATION.
 *
 * @param contactAttempt the task was an attempt to reach the debtor: it counts as a follow-up (R9)
 * @param advancesTo     the flow stage the case reaches with this outcome, or null
 */
public enum TaskOutcome {
    /** Spoke to the debtor (联系到本人). */
    RIGHT_PARTY_CONTACT(true, CaseStage.FIRST_CONTACT),
    /** The debtor promised to pay (承诺还款). */
    PROMISE_TO_PAY(true, CaseStage.NEGOTIATION),
    /** The debtor wants to talk terms: instalments, a reduction (协商中). */
    NEGOTIATING(true, CaseStage.NEGOTIATION),
    /** The debtor refused to pay (拒绝还款): still a first contact. */
    REFUSED_TO_PAY(true, CaseStage.FIRST_CONTACT),
    /** Reached a relative, colleague or other contact, not the debtor (联系到第三方). */
    THIRD_PARTY_CONTACT(true, null),
    NO_ANSWER(true, null),
    /** Number empty, wrong or not the debtor's (号码错误). */
    WRONG_NUMBER(true, null),
    /** SMS, e-mail or letter sent (已发送). */
    MESSAGE_SENT(true, null),
    /**
     * SMS, e-mail or letter that did not reach the debtor (未送达): the contact gate refused it for good,
     * or the gateway rejected it or reported it undelivered. Not a follow-up: no contact was made.
     */
    MESSAGE_NOT_DELIVERED(false, null),
    /** Field visit without meeting the debtor (外访未见本人). */
    VISITED_NOT_MET(true, null),
    /** Nothing to do: the debt was paid meanwhile (已还款). */
    ALREADY_PAID(false, null),
    /** An escalation looked at and dealt with (已处理). */
    HANDLED(false, null),
    OTHER(false, null);

    private final boolean contactAttempt;
    private final CaseStage advancesTo;

    TaskOutcome(boolean contactAttempt, CaseStage advancesTo) {
        this.contactAttempt = contactAttempt;
        this.advancesTo = advancesTo;
    }

    public boolean contactAttempt() {
        return contactAttempt;
    }

    public CaseStage advancesTo() {
        return advancesTo;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
