package dev.recoup.agreements;

import dev.recoup.agreements.domain.Affordability;
import dev.recoup.agreements.domain.KeepRule;
import dev.recoup.agreements.domain.PlanLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Settings of promises and plans ({@code recoup.agreements.*}); every one has a default.
 *
 * @param promises  when a promise is kept, how far ahead it may be, when its reminders go
 * @param plans     limits per product, grace days, missed instalments that break a plan, affordability
 * @param reminders how reminders are sent (channel, template, the values the template needs besides the promise)
 */
@ConfigurationProperties("recoup.agreements")
public record AgreementsProperties(Promises promises, Plans plans, Reminders reminders) {

    public AgreementsProperties {
        promises = promises == null ? new Promises(null, null, null, null, null) : promises;
        plans = plans == null ? new Plans(null, null, null, null, null, null) : plans;
        reminders = reminders == null ? new Reminders(null, null, null, null, null, null) : reminders;
    }

    /**
     * @param keepPercent        a promise is kept when at least this % of its amount is paid (default 95) …
     * @param keepToleranceFen   … or when at most this many fen are left unpaid (default 0), whichever asks less
     * @param graceDays          payments up to this many days after the promised date still count (default 3)
     * @param maxDaysAhead       the promised date is at most this many days after today (default 30)
     * @param reminderDaysBefore reminders go this many days before the promised date (default 3 and 1; 0 = on the day)
     */
    public record Promises(Integer keepPercent, Long keepToleranceFen, Integer graceDays, Integer maxDaysAhead, List<Integer> reminderDaysBefore) {

        public Promises {
            keepPercent = keepPercent == null ? 95 : keepPercent;
            keepToleranceFen = keepToleranceFen == null ? 0L : keepToleranceFen;
            graceDays = graceDays == null ? 3 : graceDays;
            maxDaysAhead = maxDaysAhead == null ? 30 : maxDaysAhead;
            reminderDaysBefore = reminderDaysBefore == null ? List.of(1, 3) : reminderDaysBefore.stream().distinct().sorted().toList();
            if (maxDaysAhead < 0 || reminderDaysBefore.stream().anyMatch(d -> d < 0)) {
                throw new IllegalArgumentException("recoup.agreements.promises: max-days-ahead and reminder-days-before must not be negative");
            }
            new KeepRule(keepPercent, keepToleranceFen, graceDays); // validates
        }

        public KeepRule keepRule() {
            return new KeepRule(keepPercent, keepToleranceFen, graceDays);
        }
    }

    /**
     * @param limits                      limits by product ({@code default} for products not named): max-instalments (12),
     *                                    min-first-payment-percent (20) — beyond them a plan needs approval
     * @param graceDays                   an instalment unpaid this many days after its due date is missed (default 3)
     * @param breakAfterMissed            a plan breaks when this many instalments are missed (default 2)
     * @param maxStartDaysAhead           the first payment is at most this many days after today (default 30)
     * @param warnSharePercent            affordability: warn above this % of the disposable income (default 50)
     * @param maxSharePercent             affordability: refuse above this % (default 100)
     */
    public record Plans(Map<String, Limit> limits, Integer graceDays, Integer breakAfterMissed, Integer maxStartDaysAhead, Integer warnSharePercent,
                        Integer maxSharePercent) {

        public static final String DEFAULT = "default";

        public Plans {
            limits = limits == null ? Map.of() : Map.copyOf(limits);
            graceDays = graceDays == null ? 3 : graceDays;
            breakAfterMissed = breakAfterMissed == null ? 2 : breakAfterMissed;
            maxStartDaysAhead = maxStartDaysAhead == null ? 30 : maxStartDaysAhead;
            warnSharePercent = warnSharePercent == null ? 50 : warnSharePercent;
            maxSharePercent = maxSharePercent == null ? 100 : maxSharePercent;
            if (graceDays < 0 || breakAfterMissed < 1 || maxStartDaysAhead < 0) {
                throw new IllegalArgumentException("recoup.agreements.plans: grace-days >= 0, break-after-missed >= 1, max-start-days-ahead >= 0");
            }
            limits.values().forEach(Limit::limits); // validates
            new Affordability(warnSharePercent, maxSharePercent);
        }

        /** The product's limits: its own, else {@code default}, else R16's (12 instalments, 20 % first). */
        public PlanLimits limitsFor(String product) {
            Limit limit = product == null ? null : limits.get(product);
            if (limit == null) {
                limit = limits.get(DEFAULT);
            }
            return limit == null ? PlanLimits.R16 : limit.limits();
        }

        public Affordability affordability() {
            return new Affordability(warnSharePercent, maxSharePercent);
        }
    }

    public record Limit(Integer maxInstalments, Integer minFirstPaymentPercent) {
        public PlanLimits limits() {
            return new PlanLimits(maxInstalments == null ? PlanLimits.R16.maxInstalments() : maxInstalments,
                    minFirstPaymentPercent == null ? PlanLimits.R16.minFirstPaymentPercent() : minFirstPaymentPercent);
        }
    }

    /**
     * @param channel        SMS (default), EMAIL or LETTER: to the customer's own first valid contact with a phone, e-mail or address
     * @param templateCode   a PROMISE_REMINDER template of that channel (default {@code sms.promise-reminder})
     * @param senderName     the template's {{senderName}}
     * @param callBackNumber the template's {{callBackNumber}}
     * @param paymentMethod  the template's {{paymentMethod}}, in zh-CN
     * @param planInstalments also remind of plan instalments, with the same template and days (default true)
     */
    public record Reminders(String channel, String templateCode, String senderName, String callBackNumber, String paymentMethod,
                            Boolean planInstalments) {

        public Reminders {
            channel = channel == null ? "SMS" : channel;
            templateCode = templateCode == null ? "sms.promise-reminder" : templateCode;
            senderName = senderName == null ? "瑞可客户服务中心" : senderName;
            callBackNumber = callBackNumber == null ? "400-800-1234" : callBackNumber;
            paymentMethod = paymentMethod == null ? "登录App“我的借款—立即还款”，或转账至您的还款专户" : paymentMethod;
            planInstalments = planInstalments == null || planInstalments;
            if (!List.of("SMS", "EMAIL", "LETTER").contains(channel)) {
                throw new IllegalArgumentException("recoup.agreements.reminders.channel must be SMS, EMAIL or LETTER, not " + channel);
            }
        }
    }
}
