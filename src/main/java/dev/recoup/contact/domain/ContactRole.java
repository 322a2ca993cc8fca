package dev.recoup.contact.domain;

/**
 * Who a contact is to the debtor. The portfolio's contact roles plus {@link #ATTORNEY}, the
 * debtor's lawyer, whom every pack lets the collector talk to (and to whom a lawyer hold points).
 * Whether a spouse counts as the debtor's side or as a third party is the pack's choice
 * ({@link RulePack#debtorSide()}): Regulation F counts a spouse as the consumer (§1006.6(a)(1)),
 * China's Civil Code counts a spouse among the relatives (art. 1045).
 */
public enum ContactRole {
    SELF("本人", "the debtor"),
    SPOUSE("配偶", "spouse"),
    RELATIVE("亲属", "relative"),
    COLLEAGUE("同事", "colleague"),
    EMERGENCY("紧急联系人", "emergency contact"),
    OTHER("其他", "other"),
    ATTORNEY("代理律师", "the debtor's attorney");

    private final String zh;
    private final String en;

    ContactRole(String zh, String en) {
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
