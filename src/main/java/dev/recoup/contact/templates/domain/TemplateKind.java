package dev.recoup.contact.templates.domain;

import dev.recoup.contact.domain.Purpose;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a template is for (R13), which decides whom it addresses, the purpose the gate is asked
 * about and the variables it must contain.
 */
public enum TemplateKind {
    REMINDER("还款提醒", "Reminder", Audience.DEBTOR, Purpose.PAYMENT_REMINDER, EnumSet.noneOf(TemplateVariable.class)),
    /** The first day overdue: the amount, the due date and how to pay must be in it. */
    FIRST_DAY_REMINDER("逾期首日提醒", "First-day reminder", Audience.DEBTOR, Purpose.PAYMENT_REMINDER,
            EnumSet.of(TemplateVariable.OVERDUE_AMOUNT, TemplateVariable.DUE_DATE, TemplateVariable.PAYMENT_METHOD)),
    /** The lawful consequences of staying overdue (credit reporting, a lawsuit), stated truthfully. */
    RISK_WARNING("风险提示", "Risk warning", Audience.DEBTOR, Purpose.COLLECTION, EnumSet.noneOf(TemplateVariable.class)),
    INVITATION_TO_NEGOTIATE("协商邀请", "Invitation to negotiate", Audience.DEBTOR, Purpose.COLLECTION,
            EnumSet.of(TemplateVariable.CALL_BACK_NUMBER)),
    /** Sent before the promised date: the date and amount promised must be in it. */
    PROMISE_REMINDER("承诺还款提醒", "Promise reminder", Audience.DEBTOR, Purpose.PROMISE_REMINDER,
            EnumSet.of(TemplateVariable.PROMISE_DATE, TemplateVariable.PROMISE_AMOUNT)),
    /** To a third party: only a request that the debtor call back — no debt variable, no debt words. */
    THIRD_PARTY_CALL_BACK("第三方转告回电", "Third-party call-back request", Audience.THIRD_PARTY, Purpose.CALL_BACK_REQUEST,
            EnumSet.of(TemplateVariable.CALL_BACK_NUMBER));

    private final String zh;
    private final String en;
    private final Audience audience;
    private final Purpose purpose;
    private final EnumSet<TemplateVariable> required;

    TemplateKind(String zh, String en, Audience audience, Purpose purpose, EnumSet<TemplateVariable> required) {
        this.zh = zh;
        this.en = en;
        this.audience = audience;
        this.purpose = purpose;
        this.required = required;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public Audience audience() {
        return audience;
    }

    /** The purpose a message of this kind is sent for, as the gate sees it. */
    public Purpose purpose() {
        return purpose;
    }

    /** Variables each language's text of such a template must contain. */
    public Set<TemplateVariable> required() {
        return EnumSet.copyOf(required);
    }
}
