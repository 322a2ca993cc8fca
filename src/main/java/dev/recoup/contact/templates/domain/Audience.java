package dev.recoup.contact.templates.domain;

/** Whom a template is written for: the debtor (and the debtor's side), or a third party who may only be asked to pass on a call-back request. */
public enum Audience {
    DEBTOR,
    THIRD_PARTY
}
