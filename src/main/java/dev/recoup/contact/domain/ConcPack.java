package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * UK: the FCA's Consumer Credit sourcebook, chapter 7 (arrears, default and recovery), as a pack
 * with configurable figures. CONC sets principles, not numbers: "a firm must not contact customers
 * at unreasonable times and must pay due regard to the reasonable requests of customers … in respect
 * of when, where and how they may be contacted" (CONC 7.9.4R); must take reasonable steps so that
 * third parties do not become aware the customer is pursued for a debt (CONC 7.9.7R) and must not
 * disclose details of a debt without establishing who it is talking to (CONC 7.9.10R); must suspend
 * recovery while a debt is disputed on valid grounds (CONC 7.14); and must not pressurise customers
 * through excessive contact. The windows and caps below are the firm's reading of "reasonable" and
 * "excessive", set per portfolio.
 *
 * <table>
 *   <caption>Rules</caption>
 *   <tr><th>id</th><th>rule</th></tr>
 *   <tr><td>UK-BREATHING-SPACE</td><td>no contact to request payment during a debt respite moratorium</td></tr>
 *   <tr><td>UK-HOLD-INSOLVENCY, UK-HOLD-DECEASED, UK-HOLD-COMPLAINT</td><td>holds</td></tr>
 *   <tr><td>UK-CONC-7.14-DISPUTE</td><td>recovery suspended while the debt is disputed</td></tr>
 *   <tr><td>UK-HOLD-REPRESENTATIVE</td><td>a representative (solicitor, debt adviser) acts for the customer: deal with them</td></tr>
 *   <tr><td>UK-CONC-7.9.7-THIRD-PARTY</td><td>third parties only to trace the customer (location information)</td></tr>
 *   <tr><td>UK-CONC-7.9.10-NO-DEBT-DETAILS</td><td>no debt details to anyone not established as the customer</td></tr>
 *   <tr><td>UK-CONC-7.9.4-TIMES</td><td>reasonable times: 08:00–21:00 on weekdays, 09:00–17:00 at weekends by default</td></tr>
 *   <tr><td>UK-CONC-7.9.4-REQUESTS, UK-CONC-7.9.4-PLACE, UK-CONC-7.9.4-WORKPLACE, UK-CONC-7.9.4-MEDIUM</td>
 *       <td>the customer's reasonable requests about when, where and how</td></tr>
 *   <tr><td>UK-CALLS-PER-DAY, UK-CALLS-PER-WEEK</td><td>caps against excessive contact: 3 a day, 10 in any 7 days by default</td></tr>
 * </table>
 */
public final class ConcPack {

    public static final String ID = "UK-CONC";

    private static final Set<Channel> CALLS = EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL);
    private static final Set<ConsentSource> CUSTOMER = EnumSet.of(ConsentSource.DEBTOR_DIRECT, ConsentSource.VIA_CREDITOR);

    /**
     * @param weekdayHours  reasonable hours Monday–Friday
     * @param weekendHours  reasonable hours Saturday and Sunday; null = no contact at weekends
     * @param timedChannels channels the hours restrict (calls and visits at least)
     * @param callsPerDay   calls a day to one person, 1–10
     * @param callsPerWeek  calls in any 7 consecutive days to one person, at least {@code callsPerDay}, at most 35
     */
    public record Parameters(LocalWindow weekdayHours, LocalWindow weekendHours, Set<Channel> timedChannels, int callsPerDay,
                             int callsPerWeek) {

        public static final Parameters DEFAULTS = new Parameters(LocalWindow.of("08:00", "21:00"), LocalWindow.of("09:00", "17:00"),
                EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL, Channel.SMS, Channel.VISIT), 3, 10);

        public Parameters {
            if (weekdayHours == null || weekdayHours.wraps()) {
                throw new InvalidInputException("weekdayHours", String.valueOf(weekdayHours), "a daytime window");
            }
            if (weekendHours != null && weekendHours.wraps()) {
                throw new InvalidInputException("weekendHours", String.valueOf(weekendHours), "a daytime window or none");
            }
            if (timedChannels == null || !timedChannels.containsAll(EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL, Channel.VISIT))) {
                throw new InvalidInputException("timedChannels", String.valueOf(timedChannels), "reasonable hours always restrict calls and visits");
            }
            timedChannels = Set.copyOf(timedChannels);
            if (callsPerDay < 1 || callsPerDay > 10) {
                throw new InvalidInputException("callsPerDay", Integer.toString(callsPerDay), "between 1 and 10");
            }
            if (callsPerWeek < callsPerDay || callsPerWeek > 35) {
                throw new InvalidInputException("callsPerWeek", Integer.toString(callsPerWeek), "at least callsPerDay and at most 35");
            }
        }
    }

    private ConcPack() {
    }

    public static RulePack pack() {
        return pack(Parameters.DEFAULTS);
    }

    public static RulePack pack(Parameters p) {
        List<ContactRule> rules = new ArrayList<>();
        HoldExemptions answer = HoldExemptions.NONE.andPurposes(Purpose.COMPLAINT_RESPONSE);
        rules.add(new HoldRule(new RuleText("UK-BREATHING-SPACE", "债务人处于“喘息期”债务暂停期（自 {since} 起），不得联系要求还款",
                "The customer is in a breathing-space moratorium (since {since}): no contact to request payment."),
                HoldKind.BREATHING_SPACE, answer.andRoles(ContactRole.ATTORNEY)));
        rules.add(new HoldRule(new RuleText("UK-HOLD-INSOLVENCY", "债务人处于破产或个人自愿安排程序中（自 {since} 起），停止催收",
                "The customer is in bankruptcy or an insolvency arrangement (since {since}): recovery stops."), HoldKind.BANKRUPT,
                answer.andRoles(ContactRole.ATTORNEY)));
        rules.add(new HoldRule(new RuleText("UK-HOLD-DECEASED", "债务人已身故（{since}），停止催收联系",
                "The customer is deceased ({since}): recovery contact stops."), HoldKind.DECEASED, answer.andRoles(ContactRole.ATTORNEY)));
        rules.add(new HoldRule(new RuleText("UK-CONC-7.14-DISPUTE", "债务人对债务提出有效异议（{since}），暂停追偿",
                "The customer disputes the debt ({since}): recovery is suspended (CONC 7.14)."), HoldKind.DISPUTE_OPEN,
                answer.andRoles(ContactRole.ATTORNEY)));
        rules.add(new HoldRule(new RuleText("UK-HOLD-COMPLAINT", "投诉处理期间暂停联系（自 {since} 起）",
                "A complaint is open (since {since}): contact is on hold except to answer it."), HoldKind.COMPLAINT_OPEN,
                answer.andRoles(ContactRole.ATTORNEY)));
        rules.add(new HoldRule(new RuleText("UK-HOLD-REPRESENTATIVE", "债务人已委托代表（律师或债务顾问，自 {since} 起），应与其代表联系",
                "A representative (solicitor or debt adviser) acts for the customer (since {since}): deal with the representative."),
                HoldKind.ATTORNEY_REPRESENTS, HoldExemptions.NONE.andRoles(ContactRole.ATTORNEY).andReplyOnce()));
        rules.add(new ThirdPartyPurposeRule(new RuleText("UK-CONC-7.9.7-THIRD-PARTY",
                "仅可为查找债务人而联系第三方（{roleZh}），不得让第三方知悉债务",
                "A third party ({roleEn}) may only be contacted to trace the customer, never so that they learn of the debt (CONC 7.9.7R)."),
                EnumSet.of(Purpose.LOCATION_INFO)));
        rules.add(new NoDebtDetailsRule(new RuleText("UK-CONC-7.9.10-NO-DEBT-DETAILS", "未确认对方为债务人本人前不得披露债务详情",
                "Debt details must not be disclosed to someone not established as the customer (CONC 7.9.10R).")));
        DailyWindows weekdays = DailyWindows.between(p.weekdayHours().start(), p.weekdayHours().end());
        DailyWindows weekends = p.weekendHours() == null ? DailyWindows.NEVER
                : DailyWindows.between(p.weekendHours().start(), p.weekendHours().end());
        rules.add(new TimeWindowRule(new RuleText("UK-CONC-7.9.4-TIMES",
                "当地时间 {localTime}（{zone}）不是合理联系时间（工作日 " + p.weekdayHours() + "，周末 "
                        + (p.weekendHours() == null ? "不联系" : p.weekendHours().toString()) + "）",
                "Local time {localTime} ({zone}) is not a reasonable time (weekdays " + p.weekdayHours() + ", weekends "
                        + (p.weekendHours() == null ? "none" : p.weekendHours().toString()) + "; CONC 7.9.4R)."),
                Strength.HARD, p.timedChannels(), weekdays, weekends, WorkingCalendar.WEEKDAYS, CUSTOMER));
        rules.add(new InconvenientTimeRule(new RuleText("UK-CONC-7.9.4-REQUESTS", "客户已要求此时间不要联系（{days} {window}）",
                "The customer asked not to be contacted at this time ({days} {window}; CONC 7.9.4R)."),
                EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL, Channel.SMS, Channel.EMAIL, Channel.VISIT), CUSTOMER, true));
        rules.add(new HoldRule(new RuleText("UK-CONC-7.9.4-PLACE", "客户已要求不要在{placeZh}联系",
                "The customer asked not to be contacted at their {placeEn} (CONC 7.9.4R)."), HoldKind.INCONVENIENT_PLACE,
                HoldExemptions.NONE.andReplyOnce().andEndpointConsent(ConsentSource.DEBTOR_DIRECT)));
        rules.add(new HoldRule(new RuleText("UK-CONC-7.9.4-WORKPLACE", "客户不能在工作场所接收此类联系",
                "The customer cannot take such contact at work (CONC 7.9.4R)."), HoldKind.WORKPLACE_BAN,
                HoldExemptions.NONE.andEndpointConsent(ConsentSource.DEBTOR_DIRECT)));
        rules.add(new HoldRule(new RuleText("UK-CONC-7.9.4-MEDIUM", "客户已要求不通过{mediumZh}（{endpoint}）联系",
                "The customer asked not to be contacted by {mediumEn} ({endpoint}; CONC 7.9.4R)."), HoldKind.MEDIUM_OPT_OUT,
                HoldExemptions.NONE.andReplyOnce().andRequiredByLaw().andOptOutConfirmation()));
        rules.add(new CallCapRule(new RuleText("UK-CALLS-PER-DAY", "今天已致电该人 {count} 次，每日上限 {cap} 次",
                "{count} calls to this person today; the daily limit is {cap}."), p.callsPerDay(), 1, CALLS, false, false));
        rules.add(new CallCapRule(new RuleText("UK-CALLS-PER-WEEK", "{from} 至 {to} 七天内已致电该人 {count} 次，上限 {cap} 次",
                "{count} calls to this person in the seven days {from} to {to}; the limit is {cap}."), p.callsPerWeek(), 7, CALLS, false,
                false));
        return new RulePack(ID, "英国 CONC 7", "UK CONC 7", rules, EnumSet.of(ContactRole.SELF),
                PossibleZones.of(java.time.ZoneId.of("Europe/London")));
    }
}
