package dev.recoup.workbench.web;

import dev.recoup.taskmessages.TaskMessageProperties;
import dev.recoup.taskmessages.domain.CaseDebt;
import dev.recoup.taskmessages.domain.MessageValues;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values the case page's SMS is filled with, worded as the strategy's messages are ({@link MessageValues}):
 * the lender's wording ({@code recoup.task-messages.*}), the case's most overdue account and its open promise,
 * in the message's language.
 */
final class SmsValues {

    private SmsValues() {
    }

    /**
     * @param accounts the customer's accounts with their current status ({@code WorkbenchQueries.accounts})
     * @param promises the case's promises, newest first: the open one (if any) fills a promise reminder's date and amount
     */
    static Map<String, String> of(TaskMessageProperties sender, List<Map<String, Object>> accounts, List<Map<String, Object>> promises,
                                  boolean chinese) {
        MessageValues.Sender wording = new MessageValues.Sender(sender.senderName(), sender.lenderName(), sender.callBackNumber(),
                sender.paymentMethod());
        Map<String, String> values = new LinkedHashMap<>(accounts.stream().filter(a -> a.get("overdue_total") != null)
                .max(Comparator.comparingLong(a -> ((Number) a.get("overdue_total")).longValue()))
                .map(a -> MessageValues.of(wording, debt(a), chinese))
                .orElseGet(() -> MessageValues.of(wording, null, chinese)));
        promises.stream().filter(p -> "OPEN".equals(p.get("status"))).findFirst().ifPresent(p -> {
            values.put("promiseDate", MessageValues.date((LocalDate) p.get("promised_on"), chinese));
            values.put("promiseAmount", MessageValues.amount(((Number) p.get("amount")).longValue(), chinese));
        });
        return values;
    }

    private static CaseDebt debt(Map<String, Object> account) {
        Object outstanding = account.get("outstanding");
        Object dpd = account.get("days_past_due");
        return new CaseDebt(((Number) account.get("id")).longValue(), String.valueOf(account.get("account_ref")), String.valueOf(account.get("product")),
                ((Number) account.get("overdue_total")).longValue(), outstanding == null ? 0 : ((Number) outstanding).longValue(),
                (LocalDate) account.get("oldest_unpaid_due_date"), dpd == null ? 0 : ((Number) dpd).intValue());
    }
}
