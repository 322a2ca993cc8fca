package dev.recoup.workbench.web;

import dev.recoup.taskmessages.TaskMessageProperties;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values the case page's SMS is filled with: the lender's wording (as for strategy messages,
 * {@code recoup.task-messages.*}), the case's most overdue account and its open promise, in the message's language.
 */
final class SmsValues {

    private static final Map<String, String[]> PRODUCTS = Map.of(
            "consumer_loan", new String[] {"个人消费贷款", "personal loan"},
            "credit_card", new String[] {"信用卡", "credit card"},
            "sme_loan", new String[] {"小微企业贷款", "small-business loan"},
            "secured_loan", new String[] {"抵押贷款", "secured loan"});

    private SmsValues() {
    }

    /**
     * @param promises the case's promises, newest first: the open one (if any) fills a promise reminder's date and amount
     */
    static Map<String, String> of(TaskMessageProperties sender, List<Map<String, Object>> accounts, List<Map<String, Object>> promises,
                                  boolean chinese) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "senderName", sender.senderName());
        put(values, "lenderName", sender.lenderName());
        put(values, "callBackNumber", sender.callBackNumber());
        put(values, "paymentMethod", sender.paymentMethod());
        accounts.stream().filter(a -> a.get("overdue_total") != null)
                .max(Comparator.comparingLong(a -> ((Number) a.get("overdue_total")).longValue()))
                .ifPresent(a -> {
                    String[] product = PRODUCTS.get(String.valueOf(a.get("product")));
                    values.put("productName", product == null ? (chinese ? "贷款" : "loan") : product[chinese ? 0 : 1]);
                    String ref = String.valueOf(a.get("account_ref"));
                    values.put("accountTail", ref.length() <= 4 ? ref : ref.substring(ref.length() - 4));
                    values.put("overdueAmount", amount(((Number) a.get("overdue_total")).longValue(), chinese));
                    values.put("outstandingAmount", amount(a.get("outstanding") == null ? 0 : ((Number) a.get("outstanding")).longValue(), chinese));
                    if (a.get("oldest_unpaid_due_date") instanceof LocalDate due) {
                        values.put("dueDate", date(due, chinese));
                    }
                    values.put("daysOverdue", String.valueOf(a.get("days_past_due")));
                });
        promises.stream().filter(p -> "OPEN".equals(p.get("status"))).findFirst().ifPresent(p -> {
            values.put("promiseDate", date((LocalDate) p.get("promised_on"), chinese));
            values.put("promiseAmount", amount(((Number) p.get("amount")).longValue(), chinese));
        });
        return values;
    }

    private static String date(LocalDate day, boolean chinese) {
        return (chinese ? DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA) : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)).format(day);
    }

    private static String amount(long fen, boolean chinese) {
        String number = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(BigDecimal.valueOf(fen, 2));
        return chinese ? number + "元" : "CNY " + number;
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.strip());
        }
    }
}
