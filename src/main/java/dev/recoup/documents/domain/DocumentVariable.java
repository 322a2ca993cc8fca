package dev.recoup.documents.domain;

import dev.recoup.documents.Documents.Kind;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The variables document templates may use, as {@code {{name}}}. Those marked {@code fromCase}
 * are filled from the case when the caller does not give them; money variables may also be given
 * in fen as {@code nameFen} ("123450") and are then written as 1,234.50元 / CNY 1,234.50.
 */
public enum DocumentVariable {
    CUSTOMER_NAME("customerName", "客户姓名", "customer's name", Type.TEXT, true),
    CASE_ID("caseId", "案件编号", "case number", Type.TEXT, true),
    ACCOUNT_REFS("accountRefs", "账户编号", "account numbers", Type.TEXT, true),
    DATE("date", "日期", "date of the document", Type.TEXT, true),
    LENDER_NAME("lenderName", "债权机构", "lender", Type.TEXT, true),
    OVERDUE_AMOUNT("overdueAmount", "逾期金额", "overdue amount", Type.MONEY, true),
    OUTSTANDING_AMOUNT("outstandingAmount", "剩余应还总额", "outstanding amount", Type.MONEY, true),
    PROMISE_DATE("promiseDate", "承诺还款日期", "promised payment date", Type.TEXT, false),
    PROMISE_AMOUNT("promiseAmount", "承诺还款金额", "promised amount", Type.MONEY, false),
    PLAN_TOTAL("planTotal", "分期总额", "plan total", Type.MONEY, false),
    INSTALMENT_COUNT("instalmentCount", "分期期数", "number of instalments", Type.TEXT, false),
    FIRST_PAYMENT_AMOUNT("firstPaymentAmount", "首期金额", "first payment", Type.MONEY, false),
    FIRST_PAYMENT_DATE("firstPaymentDate", "首期还款日", "first payment date", Type.TEXT, false),
    SCHEDULE("schedule", "还款计划", "payment schedule (one line per instalment)", Type.TEXT, false),
    WAIVER_AMOUNT("waiverAmount", "申请减免金额", "amount to waive", Type.MONEY, false),
    WAIVER_COMPONENTS("waiverComponents", "减免项目", "what is waived (penalty, fees, interest)", Type.TEXT, false),
    HARDSHIP_REASON("hardshipReason", "困难原因", "reason of hardship", Type.TEXT, false),
    SETTLEMENT_AMOUNT("settlementAmount", "和解金额", "settlement amount", Type.MONEY, false),
    DEADLINE("deadline", "还款期限", "deadline", Type.TEXT, false),
    LAW_FIRM("lawFirm", "律师事务所", "law firm", Type.TEXT, false),
    LAWYER_NAME("lawyerName", "承办律师", "lawyer in charge", Type.TEXT, false),
    CONTACT_NUMBER("contactNumber", "联系电话", "telephone number to call", Type.TEXT, true);

    public enum Type { TEXT, MONEY }

    private final String variableName;
    private final String zh;
    private final String en;
    private final Type type;
    private final boolean fromCase;

    DocumentVariable(String variableName, String zh, String en, Type type, boolean fromCase) {
        this.variableName = variableName;
        this.zh = zh;
        this.en = en;
        this.type = type;
        this.fromCase = fromCase;
    }

    public String variableName() {
        return variableName;
    }

    public String placeholder() {
        return "{{" + variableName + "}}";
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public Type type() {
        return type;
    }

    public boolean fromCase() {
        return fromCase;
    }

    public static Optional<DocumentVariable> named(String name) {
        return Arrays.stream(values()).filter(v -> v.variableName.equals(name)).findFirst();
    }

    /** The variables a template of this kind must contain (in each language). */
    public static Set<DocumentVariable> requiredBy(Kind kind) {
        return switch (kind) {
            case REPAYMENT_COMMITMENT -> EnumSet.of(CUSTOMER_NAME, PROMISE_DATE, PROMISE_AMOUNT);
            case INSTALMENT_AGREEMENT -> EnumSet.of(CUSTOMER_NAME, PLAN_TOTAL, INSTALMENT_COUNT, SCHEDULE);
            case WAIVER_APPLICATION -> EnumSet.of(CUSTOMER_NAME, WAIVER_AMOUNT, HARDSHIP_REASON);
            case DEMAND_LETTER -> EnumSet.of(CUSTOMER_NAME, OVERDUE_AMOUNT, DEADLINE);
            case LAWYERS_LETTER -> EnumSet.of(CUSTOMER_NAME, LAW_FIRM, LAWYER_NAME, OVERDUE_AMOUNT, DEADLINE);
        };
    }
}
