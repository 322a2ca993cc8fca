package dev.recoup.contact.templates.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The variables a template may use, written {@code {{name}}}. A <em>debt variable</em> tells
 * whoever reads the message that there is a debt or what it is (amount, dates, how to pay, the
 * lender, the product): a template meant for a third party must not use one (R10, R13; Reg F
 * §1006.10, CONC 7.9.10). The caller supplies the values as display text (amounts already formatted).
 */
public enum TemplateVariable {
    CUSTOMER_NAME("customerName", false, "债务人姓名", "the debtor's name", "张三", "Zhang San"),
    RECIPIENT_NAME("recipientName", false, "收件人姓名（第三方时为其本人）", "the recipient's name (a third party's own name)", "李四", "Li Si"),
    SENDER_NAME("senderName", false, "发送机构名称", "the sender's name", "瑞可客户服务中心", "Recoup Customer Service"),
    CALL_BACK_NUMBER("callBackNumber", false, "回电号码", "the number to call back", "400-800-1234", "400-800-1234"),
    AGENT_NAME("agentName", false, "经办人姓名", "the agent's name", "王芳", "Wang Fang"),
    LENDER_NAME("lenderName", true, "债权机构名称", "the lender's name", "示例消费金融有限公司", "Example Consumer Finance Ltd."),
    PRODUCT_NAME("productName", true, "产品名称", "the product", "个人消费贷款", "personal loan"),
    ACCOUNT_TAIL("accountTail", true, "账户尾号", "the last digits of the account", "6789", "6789"),
    OVERDUE_AMOUNT("overdueAmount", true, "逾期金额", "the overdue amount", "1,234.56元", "CNY 1,234.56"),
    OUTSTANDING_AMOUNT("outstandingAmount", true, "未还总额", "the outstanding balance", "12,000.00元", "CNY 12,000.00"),
    DUE_DATE("dueDate", true, "应还款日", "the due date", "2026年11月20日", "20 November 2026"),
    DAYS_OVERDUE("daysOverdue", true, "逾期天数", "days overdue", "15", "15"),
    PAYMENT_METHOD("paymentMethod", true, "还款方式", "how to pay",
            "登录示例App“我的借款—立即还款”，或转账至尾号0001的还款专户", "pay in the Example app (My loans → Repay now) or by transfer to the repayment account ending 0001"),
    PROMISE_DATE("promiseDate", true, "承诺还款日", "the promised payment date", "2026年11月28日", "28 November 2026"),
    PROMISE_AMOUNT("promiseAmount", true, "承诺还款金额", "the promised amount", "1,000.00元", "CNY 1,000.00");

    private static final Map<String, TemplateVariable> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TemplateVariable::variableName, Function.identity()));

    private final String name;
    private final boolean debt;
    private final String zh;
    private final String en;
    private final String sampleZh;
    private final String sampleEn;

    TemplateVariable(String name, boolean debt, String zh, String en, String sampleZh, String sampleEn) {
        this.name = name;
        this.debt = debt;
        this.zh = zh;
        this.en = en;
        this.sampleZh = sampleZh;
        this.sampleEn = sampleEn;
    }

    /** As written between the braces: {@code overdueAmount}. */
    public String variableName() {
        return name;
    }

    /** Tells of a debt: never in a template for third parties. */
    public boolean debt() {
        return debt;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** A sample value for previews, in the given language. */
    public String sample(Language language) {
        return language == Language.ZH_CN ? sampleZh : sampleEn;
    }

    public String placeholder() {
        return "{{" + name + "}}";
    }

    public static Optional<TemplateVariable> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
