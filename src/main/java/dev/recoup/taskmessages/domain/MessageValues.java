package dev.recoup.taskmessages.domain;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The values a task's message is filled with (the template variables of the contact module), as
 * display text in the message's language: the lender's own wording from configuration, the debt's
 * figures from the case. Every value the strategy's templates may use about the debt is given; the
 * customer's and recipient's names come from the outbox itself.
 */
public final class MessageValues {

    /** How the lender presents itself in messages (configuration), in the messages' language. */
    public record Sender(String senderName, String lenderName, String callBackNumber, String paymentMethod) {
    }

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Map<String, String[]> PRODUCTS = Map.of(
            "consumer_loan", new String[] {"个人消费贷款", "personal loan"},
            "credit_card", new String[] {"信用卡", "credit card"},
            "sme_loan", new String[] {"小微企业贷款", "small-business loan"},
            "secured_loan", new String[] {"抵押贷款", "secured loan"});

    private MessageValues() {
    }

    /**
     * @param debt    null for none (the lender's wording only)
     * @param chinese zh-CN when true, else en
     */
    public static Map<String, String> of(Sender sender, CaseDebt debt, boolean chinese) {
        Map<String, String> values = new LinkedHashMap<>();
        putIfPresent(values, "senderName", sender.senderName());
        putIfPresent(values, "lenderName", sender.lenderName());
        putIfPresent(values, "callBackNumber", sender.callBackNumber());
        putIfPresent(values, "paymentMethod", sender.paymentMethod());
        if (debt == null) {
            return values;
        }
        values.put("productName", productName(debt.product(), chinese));
        values.put("accountTail", accountTail(debt.accountRef()));
        values.put("overdueAmount", amount(debt.overdueFen(), chinese));
        values.put("outstandingAmount", amount(debt.outstandingFen(), chinese));
        if (debt.oldestUnpaidDueDate() != null) {
            values.put("dueDate", date(debt.oldestUnpaidDueDate(), chinese));
        }
        values.put("daysOverdue", String.valueOf(debt.daysPastDue()));
        return values;
    }

    /** 123456 fen → "1,234.56元" (zh-CN) or "CNY 1,234.56" (en): the templates' amount style. */
    public static String amount(long fen, boolean chinese) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String number = format.format(BigDecimal.valueOf(fen, 2));
        return chinese ? number + "元" : "CNY " + number;
    }

    /** "2026年11月20日" or "20 November 2026". */
    public static String date(LocalDate date, boolean chinese) {
        return (chinese ? ZH_DATE : EN_DATE).format(date);
    }

    /** The last four characters of the account id: enough for the debtor to know the loan, too little to be of use to anyone else. */
    public static String accountTail(String accountRef) {
        String ref = accountRef == null ? "" : accountRef.strip();
        return ref.length() <= 4 ? ref : ref.substring(ref.length() - 4);
    }

    public static String productName(String product, boolean chinese) {
        String[] names = PRODUCTS.get(product);
        return names == null ? (chinese ? "贷款" : "loan") : names[chinese ? 0 : 1];
    }

    private static void putIfPresent(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.strip());
        }
    }
}
