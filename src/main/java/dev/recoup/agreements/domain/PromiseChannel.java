package dev.recoup.agreements.domain;

/** How the promise was made. */
public enum PromiseChannel {
    PHONE, SMS, EMAIL, LETTER, VISIT, IN_PERSON, ONLINE, OTHER
}
