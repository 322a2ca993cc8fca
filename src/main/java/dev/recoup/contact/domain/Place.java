package dev.recoup.contact.domain;

/** A place some media are tied to (Reg F comment 6(b)(1)(ii)-1): a home landline rings at home, a letter arrives there. */
public enum Place {
    HOME("住所", "home"),
    WORK("工作单位", "place of employment");

    private final String zh;
    private final String en;

    Place(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
