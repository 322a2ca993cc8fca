package dev.recoup.contact.domain;

/**
 * A medium of communication in the sense of Regulation F §1006.14(h): a person may ask not to be
 * contacted through one (e.g. "stop calling" closes {@link #TELEPHONE}).
 */
public enum Medium {
    TELEPHONE("电话", "telephone"),
    TEXT_MESSAGE("短信", "text message"),
    EMAIL("电子邮件", "e-mail"),
    MAIL("信函", "mail"),
    IN_PERSON("上门", "in person");

    private final String zh;
    private final String en;

    Medium(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** Text messages and e-mail: sent, not rung or delivered by hand. */
    public boolean electronic() {
        return this == TEXT_MESSAGE || this == EMAIL;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
