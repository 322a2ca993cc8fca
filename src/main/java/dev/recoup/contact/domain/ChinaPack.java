package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The China pack, Recoup's default: the China Banking Association's personal consumer loan
 * collection guideline (2026-01-30, as reported in shared/reference/README.md) and the seeds' rules
 * (R10).
 *
 * <table>
 *   <caption>Rules</caption>
 *   <tr><th>id</th><th>rule</th></tr>
 *   <tr><td>CN-HOLD-DECEASED, CN-HOLD-BANKRUPT, CN-HOLD-COMPLAINT, CN-HOLD-DISPUTE, CN-HOLD-LAWYER</td>
 *       <td>no contact while the debtor is deceased or bankrupt, a complaint or dispute is open, or a lawyer
 *       represents the debtor (then only the lawyer); answering the complaint itself passes</td></tr>
 *   <tr><td>CN-THIRD-PARTY-PURPOSE</td><td>third parties only for a call-back request (configurable: also to ask
 *       for contact details), never for collection</td></tr>
 *   <tr><td>CN-THIRD-PARTY-NO-DEBT</td><td>nothing about the debt in a third-party contact</td></tr>
 *   <tr><td>CN-VISIT-TWO-STAFF</td><td>visits by at least two staff</td></tr>
 *   <tr><td>CN-QUIET-HOURS</td><td>no calls, visits (and, by default, text messages) 22:00–08:00 local time
 *       without the person's consent for that time</td></tr>
 *   <tr><td>CN-REST-HOURS</td><td>configurable meal/rest quiet hours (off by default), e.g. 12:00–13:30</td></tr>
 *   <tr><td>CN-DESIGNATED-INCONVENIENT</td><td>times the person said are inconvenient</td></tr>
 *   <tr><td>CN-INCONVENIENT-PLACE, CN-HOLD-WORKPLACE</td><td>places the person closed; work when the employer forbids it</td></tr>
 *   <tr><td>CN-OPT-OUT</td><td>a medium (or one number/address) the person opted out of</td></tr>
 *   <tr><td>CN-DAILY-CALL-CAP</td><td>at most 5 calls a day per contact (agent and robot calls together)</td></tr>
 *   <tr><td>CN-DAILY-UNANSWERED-CAP</td><td>optional: at most N unanswered calls a day per number (the guideline's 6)</td></tr>
 *   <tr><td>CN-WORKING-DAY-PREFERRED</td><td>working-day daytime preferred (holidays and 调休 from
 *       {@link HolidayCalendar#china()}): soft by default — it orders slots, never denies — or off, or required</td></tr>
 * </table>
 */
public final class ChinaPack {

    public static final String ID = "CN";

    private static final Set<Channel> CALLS = EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL);
    private static final Set<Channel> TIMED = EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL, Channel.SMS, Channel.EMAIL, Channel.VISIT);
    private static final Set<ConsentSource> ANY_CONSENT = EnumSet.allOf(ConsentSource.class);

    /** How the working-day daytime preference binds. */
    public enum WorkingDayPreference {
        OFF,
        /** A soft rule: slots on working days in the window come first; nothing is denied. */
        PREFER,
        /** A hard rule: contact only on working days in the window. */
        REQUIRE
    }

    /**
     * The pack's parameters (validated: a portfolio may be stricter than the guideline, never looser).
     *
     * @param quietHours                  no calls/visits then without consent; must cover 22:00–08:00
     * @param quietChannels               channels the quiet hours close; must include calls and visits
     * @param restHours                   further quiet windows (meal, siesta); empty = none
     * @param workingDayPreference        off, preferred (soft) or required (hard)
     * @param workingDayHours             the preferred daytime on working days
     * @param callsPerContactPerDay       calls a day to one contact (agent and robot), 1–20
     * @param unansweredCallsPerNumberPerDay unanswered calls a day to one number, 0 = off, else 1–20
     * @param thirdPartyPurposes          what third parties may be contacted for: {@link Purpose#CALL_BACK_REQUEST},
     *                                    optionally {@link Purpose#LOCATION_INFO}; never collection
     * @param spouseOnDebtorSide          whether a spouse counts as the debtor (false: a spouse is a relative, Civil Code art. 1045)
     * @param minimumVisitStaff           staff on a visit, at least 2
     */
    public record Parameters(LocalWindow quietHours, Set<Channel> quietChannels, List<LocalWindow> restHours,
                             WorkingDayPreference workingDayPreference, LocalWindow workingDayHours, int callsPerContactPerDay,
                             int unansweredCallsPerNumberPerDay, Set<Purpose> thirdPartyPurposes, boolean spouseOnDebtorSide,
                             int minimumVisitStaff) {

        public static final Parameters DEFAULTS = new Parameters(LocalWindow.of("22:00", "08:00"),
                EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL, Channel.VISIT, Channel.SMS), List.of(),
                WorkingDayPreference.PREFER, LocalWindow.of("09:00", "18:00"), 5, 0, EnumSet.of(Purpose.CALL_BACK_REQUEST),
                false, 2);

        public Parameters {
            if (quietHours == null || !quietHours.wraps() || quietHours.start().isAfter(LocalTime.of(22, 0))
                    || quietHours.start().isBefore(LocalTime.NOON) || quietHours.end().isBefore(LocalTime.of(8, 0))
                    || !quietHours.end().isBefore(LocalTime.NOON)) {
                throw new InvalidInputException("quietHours", String.valueOf(quietHours),
                        "quiet hours must cover 22:00–08:00 (start between 12:00 and 22:00, end between 08:00 and 12:00)");
            }
            if (quietChannels == null || !quietChannels.containsAll(EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL, Channel.VISIT))) {
                throw new InvalidInputException("quietChannels", String.valueOf(quietChannels), "quiet hours always close calls and visits");
            }
            quietChannels = Set.copyOf(quietChannels);
            restHours = restHours == null ? List.of() : List.copyOf(restHours);
            if (workingDayPreference == null) {
                throw new InvalidInputException("workingDayPreference", "null", "OFF, PREFER or REQUIRE");
            }
            if (workingDayHours == null || workingDayHours.wraps()) {
                throw new InvalidInputException("workingDayHours", String.valueOf(workingDayHours), "a daytime window on one day");
            }
            if (callsPerContactPerDay < 1 || callsPerContactPerDay > 20) {
                throw new InvalidInputException("callsPerContactPerDay", Integer.toString(callsPerContactPerDay), "between 1 and 20");
            }
            if (unansweredCallsPerNumberPerDay < 0 || unansweredCallsPerNumberPerDay > 20) {
                throw new InvalidInputException("unansweredCallsPerNumberPerDay", Integer.toString(unansweredCallsPerNumberPerDay),
                        "0 (off) or between 1 and 20");
            }
            if (thirdPartyPurposes == null || !EnumSet.of(Purpose.CALL_BACK_REQUEST, Purpose.LOCATION_INFO).containsAll(thirdPartyPurposes)) {
                throw new InvalidInputException("thirdPartyPurposes", String.valueOf(thirdPartyPurposes),
                        "third parties may only be asked to pass on a call-back request or for contact details");
            }
            thirdPartyPurposes = EnumSets.frozen(thirdPartyPurposes, Purpose.class);
            if (minimumVisitStaff < 2) {
                throw new InvalidInputException("minimumVisitStaff", Integer.toString(minimumVisitStaff), "visits need at least two staff");
            }
        }

        public Parameters withRestHours(LocalWindow... value) {
            return new Parameters(quietHours, quietChannels, List.of(value), workingDayPreference, workingDayHours, callsPerContactPerDay,
                    unansweredCallsPerNumberPerDay, thirdPartyPurposes, spouseOnDebtorSide, minimumVisitStaff);
        }

        public Parameters withWorkingDayPreference(WorkingDayPreference value) {
            return new Parameters(quietHours, quietChannels, restHours, value, workingDayHours, callsPerContactPerDay,
                    unansweredCallsPerNumberPerDay, thirdPartyPurposes, spouseOnDebtorSide, minimumVisitStaff);
        }

        public Parameters withCallsPerContactPerDay(int value) {
            return new Parameters(quietHours, quietChannels, restHours, workingDayPreference, workingDayHours, value,
                    unansweredCallsPerNumberPerDay, thirdPartyPurposes, spouseOnDebtorSide, minimumVisitStaff);
        }

        public Parameters withUnansweredCallsPerNumberPerDay(int value) {
            return new Parameters(quietHours, quietChannels, restHours, workingDayPreference, workingDayHours, callsPerContactPerDay,
                    value, thirdPartyPurposes, spouseOnDebtorSide, minimumVisitStaff);
        }

        public Parameters withThirdPartyPurposes(Purpose... value) {
            return new Parameters(quietHours, quietChannels, restHours, workingDayPreference, workingDayHours, callsPerContactPerDay,
                    unansweredCallsPerNumberPerDay, EnumSets.frozen(java.util.Arrays.asList(value), Purpose.class), spouseOnDebtorSide, minimumVisitStaff);
        }

        public Parameters withSpouseOnDebtorSide(boolean value) {
            return new Parameters(quietHours, quietChannels, restHours, workingDayPreference, workingDayHours, callsPerContactPerDay,
                    unansweredCallsPerNumberPerDay, thirdPartyPurposes, value, minimumVisitStaff);
        }
    }

    private ChinaPack() {
    }

    public static RulePack pack() {
        return pack(Parameters.DEFAULTS);
    }

    public static RulePack pack(Parameters p) {
        List<ContactRule> rules = new ArrayList<>();
        HoldExemptions answerComplaint = HoldExemptions.NONE.andPurposes(Purpose.COMPLAINT_RESPONSE);
        rules.add(new HoldRule(new RuleText("CN-HOLD-DECEASED", "债务人已身故，停止一切催收联系（自 {since} 起）",
                "The debtor is deceased: no collection contact (since {since})."), HoldKind.DECEASED, answerComplaint));
        rules.add(new HoldRule(new RuleText("CN-HOLD-BANKRUPT", "债务人已进入破产程序，停止催收联系（自 {since} 起）",
                "The debtor is in bankruptcy: no collection contact (since {since})."), HoldKind.BANKRUPT, answerComplaint));
        rules.add(new HoldRule(new RuleText("CN-HOLD-COMPLAINT", "投诉处理期间暂停联系（投诉自 {since} 起未结案）；仅可就投诉本身答复",
                "A complaint is open (since {since}): contact is on hold except to answer the complaint."), HoldKind.COMPLAINT_OPEN,
                answerComplaint));
        rules.add(new HoldRule(new RuleText("CN-HOLD-DISPUTE", "债务存在争议且尚未核实（自 {since} 起），暂停催收联系",
                "The debt is disputed and not yet verified (since {since}): collection contact is on hold."), HoldKind.DISPUTE_OPEN,
                answerComplaint));
        rules.add(new HoldRule(new RuleText("CN-HOLD-LAWYER", "债务人已委托律师（自 {since} 起），应与其代理律师联系",
                "A lawyer represents the debtor (since {since}): contact the lawyer instead."), HoldKind.ATTORNEY_REPRESENTS,
                answerComplaint.andRoles(ContactRole.ATTORNEY)));
        rules.add(new ThirdPartyPurposeRule(new RuleText("CN-THIRD-PARTY-PURPOSE",
                "对第三方（{roleZh}）只能请其转告本人回电" + (p.thirdPartyPurposes().contains(Purpose.LOCATION_INFO) ? "或询问本人联系方式" : "")
                        + "，不得向其催收",
                "A third party ({roleEn}) may only be asked to pass on a request to call back"
                        + (p.thirdPartyPurposes().contains(Purpose.LOCATION_INFO) ? " or for the debtor's contact details" : "")
                        + ", never be pressed for the debt."), p.thirdPartyPurposes()));
        rules.add(new NoDebtDetailsRule(new RuleText("CN-THIRD-PARTY-NO-DEBT", "对第三方（{roleZh}）的联系内容不得包含任何债务信息",
                "A contact with a third party ({roleEn}) must carry no detail of the debt.")));
        rules.add(new MinimumStaffRule(new RuleText("CN-VISIT-TWO-STAFF", "上门须至少 {minimum} 人同行（本次 {staff} 人）",
                "A visit needs at least {minimum} staff ({staff} planned)."), p.minimumVisitStaff()));
        rules.add(TimeWindowRule.everyDay(new RuleText("CN-QUIET-HOURS",
                "当地时间 {localTime}（{zone}）处于 " + p.quietHours() + " 休息时段，未经本人同意不得致电、上门或发送短信；可联系时段 {allowed}",
                "Local time {localTime} ({zone}) is in the rest period " + p.quietHours()
                        + ": no calls, visits or text messages without the person's consent; allowed {allowed}."),
                p.quietChannels(), DailyWindows.except(p.quietHours().start(), p.quietHours().end()), ANY_CONSENT));
        if (!p.restHours().isEmpty()) {
            DailyWindows rest = DailyWindows.ALL_DAY;
            for (LocalWindow window : p.restHours()) {
                rest = rest.without(window.start(), window.end());
            }
            rules.add(TimeWindowRule.everyDay(new RuleText("CN-REST-HOURS",
                    "当地时间 {localTime}（{zone}）处于用餐/午休免打扰时段 " + p.restHours() + "；可联系时段 {allowed}",
                    "Local time {localTime} ({zone}) is in the meal/rest quiet hours " + p.restHours() + "; allowed {allowed}."),
                    EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL, Channel.VISIT), rest, ANY_CONSENT));
        }
        rules.add(new InconvenientTimeRule(new RuleText("CN-DESIGNATED-INCONVENIENT",
                "该联系人已告知此时间不便联系（{days} {window}，当地时间 {localTime}）",
                "The person said this time is inconvenient ({days} {window}; local time {localTime})."), TIMED, ANY_CONSENT, true));
        rules.add(new HoldRule(new RuleText("CN-INCONVENIENT-PLACE", "该联系人已告知不便在{placeZh}联系",
                "The person said their {placeEn} is an inconvenient place to be contacted."), HoldKind.INCONVENIENT_PLACE,
                HoldExemptions.NONE.andReplyOnce().andEndpointConsent(ConsentSource.values())));
        rules.add(new HoldRule(new RuleText("CN-HOLD-WORKPLACE", "债务人工作单位不允许接收此类联系，不得在工作场所联系",
                "The debtor's employer forbids such contact: do not contact the debtor at work."), HoldKind.WORKPLACE_BAN,
                HoldExemptions.NONE.andEndpointConsent(ConsentSource.values())));
        rules.add(new HoldRule(new RuleText("CN-OPT-OUT", "该联系人已退订{mediumZh}（{endpoint}），不得通过该渠道联系",
                "The person opted out of {mediumEn} ({endpoint}): do not use it."), HoldKind.MEDIUM_OPT_OUT,
                HoldExemptions.NONE.andReplyOnce().andOptOutConfirmation()));
        rules.add(new CallCapRule(new RuleText("CN-DAILY-CALL-CAP", "今天已对该联系人拨打 {count} 次电话，每日上限 {cap} 次",
                "{count} calls to this person today; the daily limit is {cap}."), p.callsPerContactPerDay(), 1, CALLS, false, false));
        if (p.unansweredCallsPerNumberPerDay() > 0) {
            rules.add(new CallCapRule(new RuleText("CN-DAILY-UNANSWERED-CAP", "号码 {endpoint} 今天已有 {count} 次未接通，每日上限 {cap} 次",
                    "{count} unanswered calls to {endpoint} today; the daily limit per number is {cap}."),
                    p.unansweredCallsPerNumberPerDay(), 1, CALLS, true, true));
        }
        if (p.workingDayPreference() != WorkingDayPreference.OFF) {
            DailyWindows daytime = DailyWindows.between(p.workingDayHours().start(), p.workingDayHours().end());
            rules.add(new TimeWindowRule(new RuleText("CN-WORKING-DAY-PREFERRED",
                    "宜在工作日 " + p.workingDayHours() + " 联系（当地 {localDate} {localTime}，该日可联系时段 {allowed}）",
                    "Working days " + p.workingDayHours() + " are preferred (local {localDate} {localTime}; that day: {allowed})."),
                    p.workingDayPreference() == WorkingDayPreference.REQUIRE ? Strength.HARD : Strength.SOFT,
                    EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL, Channel.VISIT), daytime, DailyWindows.NEVER, HolidayCalendar.china(),
                    ANY_CONSENT));
        }
        Set<ContactRole> debtorSide = p.spouseOnDebtorSide() ? EnumSet.of(ContactRole.SELF, ContactRole.SPOUSE) : EnumSet.of(ContactRole.SELF);
        return new RulePack(ID, "中国（默认）", "China (default)", rules, debtorSide, PossibleZones.of(ChinaTimeZones.BEIJING));
    }
}
