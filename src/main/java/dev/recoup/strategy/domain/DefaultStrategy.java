package dev.recoup.strategy.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The default strategy encoding the seeds (R4, R6). Segments are tried in order, the first whose
 * condition holds takes the case, so the specific routes come before the generic DPD stages:
 * <ol>
 *   <li><b>On an active instalment plan</b> (R16, issue 5): the plan replaces the overdue schedule.
 *       Kept (no plan instalment late): no dunning, only a fortnightly SMS when something overdue is
 *       beyond what the plan covers ({@code overdueBeyondPlan}); an instalment late: a reminder and
 *       follow-up calls. A broken plan ends, and the case returns to the segment below its DPD gives.</li>
 *   <li><b>Real-estate collateral → judicial auction</b> (seed 001 "有房产抵押的优先走司法拍卖"), once
 *       the loan is non-performing (DPD &gt; 90): demand letter, negotiation calls, referral to
 *       legal (property preservation), then the judicial auction. Before 90 days a mortgage
 *       borrower gets the same reminders as everyone.</li>
 *   <li><b>Above 180 DPD, able but unwilling → lawyer's letter, then litigation</b> (seed 000
 *       "对具备偿还能力但拒不履行的借款人,在逾期满180天后应启动法律程序。优先采用律师函"). See
 *       {@link #ABLE} and {@link #UNWILLING} for how ability and unwillingness are read from the
 *       attributes.</li>
 *   <li><b>Small-business loan → restructuring</b> (seed 001 "小微企业贷款可尝试债务重组"), from
 *       DPD 31 (after the first-month reminders): calls to understand the business, a
 *       restructuring offer (instalments, or debt-for-equity with a buy-back clause, R22), a visit
 *       to the premises when the borrower cannot be reached or broke a promise, legal after 180 DPD.</li>
 *   <li><b>DPD 1–5, friendly reminder</b> (seed 004): first-day SMS with amount, due date and how
 *       to pay (R13); T1 (≤ 30 DPD, good history, R4) by robot voice and SMS, others by an agent
 *       who asks kindly about the cause.</li>
 *   <li><b>DPD 6–17, verify contact data, contact more often</b>: a contact-data check on entry,
 *       daily calls (robot for T1, agent otherwise), skip trace while no contact is reachable (R2).</li>
 *   <li><b>DPD 18–30, explain consequences</b>: risk-warning SMS and e-mail, daily calls with the
 *       consequences talk track (credit record, penalties), lawfully — never to third parties.</li>
 *   <li><b>DPD 31–90 (T2, phone agents who find the cause)</b>: at most 50,000 yuan by phone
 *       (seed 001 "金额5万以下且逾期180天内的案件适合电话催收"), a registered demand letter after 30 days
 *       in the stage (seed 003, M3 stage); above 50,000 yuan also a field visit while unreachable or
 *       after a broken promise (seed 000: field visits only for large amounts and evasion).</li>
 *   <li><b>DPD 91–180 (T3, senior specialists, personalised plans)</b>: phone by senior
 *       specialists, an instalment-plan offer (≤ 12 instalments, ≥ 20% first, R16); small debts
 *       are placed with an agency after 60 stalled days in the stage, large ones get field visits and
 *       a legal review after a broken promise.</li>
 *   <li><b>Above 180 DPD (T4, legal action and asset disposal)</b>: at most 50,000 yuan placed
 *       with an agency (litigation costs more than it recovers); larger debts a final demand and
 *       referral to legal (arbitration or litigation for large debts, seed 000).</li>
 * </ol>
 * Within 180 days every debt of at most 50,000 yuan outside the specific routes is worked by phone
 * (robot or agent), never field, agency or legal unless an escalation condition holds. Queues:
 * {@code robot-sms}, {@code phone-t2}, {@code senior-t3}, {@code legal}, {@code field},
 * {@code agency}. Every open case (DPD ≥ 1) falls in some segment.
 */
public final class DefaultStrategy {

    public static final String ROBOT_SMS = "robot-sms";
    public static final String PHONE_T2 = "phone-t2";
    public static final String SENIOR_T3 = "senior-t3";
    public static final String LEGAL = "legal";
    public static final String FIELD = "field";
    public static final String AGENCY = "agency";

    /*
     * Templates. SMS, e-mail and letter steps that the outbox sends by themselves name a message
     * template of the contact module by its code (channel.kind, dev.recoup.contact.templates.domain.
     * DefaultTemplates); saving a strategy checks the code exists with the step's channel. Demand
     * letters, final demands and lawyer's letters are legal documents: their steps name a document
     * kind of the documents module (issue 5), and people prepare, sign and post them — the outbox
     * never sends them. Call steps name the talk track the agent or robot follows (FIND_CAUSE, …).
     */
    /** First-day reminder with amount, due date and how to pay (R13, seed 004). */
    public static final String SMS_FIRST_DAY_REMINDER = "sms.first-day-reminder";
    public static final String SMS_REMINDER = "sms.reminder";
    public static final String SMS_RISK_WARNING = "sms.risk-warning";
    public static final String EMAIL_RISK_WARNING = "email.risk-warning";
    public static final String SMS_INVITATION_TO_NEGOTIATE = "sms.invitation-to-negotiate";
    /** A demand letter (催收函), also the final demand before agency or legal: a document people prepare. */
    public static final String DEMAND_LETTER = "DEMAND_LETTER";
    /** A lawyer's letter (律师函): a document the legal team has a lawyer issue. */
    public static final String LAWYERS_LETTER = "LAWYERS_LETTER";

    /** 50,000 yuan in fen: the seeds' line between phone work and heavier treatment. */
    public static final long PHONE_LIMIT_FEN = 5_000_000L;

    /**
     * Occupations with a regular income, as imported (the demo generator's vocabulary,
     * dev.recoup.demo.People): everything but freelance (自由职业), farming (务农) and unknown.
     */
    public static final List<String> EMPLOYED_OCCUPATIONS = List.of(
            "公司职员", "销售人员", "工人", "司机", "程序员", "会计", "保安", "教师", "医护人员", "公务员",
            "外卖骑手", "快递员", "厨师", "服务员", "个体工商户");

    /**
     * <b>Able to pay</b>: collateral worth at least the overdue amount, or an occupation with a
     * regular income ({@link #EMPLOYED_OCCUPATIONS}).
     */
    public static final String ABLE = "(collateralValue > 0 && collateralValue >= overdueAmount || occupation in "
            + quoted(EMPLOYED_OCCUPATIONS) + ")";

    /**
     * <b>Unwilling</b>: broke a promise to pay; or the last three repayments declined (paying less
     * or later although able); or fewer than three repayments ever (never established paying).
     * Until promises are recorded the repayment pattern is the signal.
     */
    public static final String UNWILLING = "(brokenPromises >= 1 || repaymentTrend in ['DECLINING', 'INSUFFICIENT'])";

    private static final String SMALL = "overdueAmount <= " + PHONE_LIMIT_FEN;
    private static final String UNREACHABLE = "reachableContacts == 0";
    private static final String STALLED = "(brokenPromises >= 1 || reachableContacts == 0)";
    /** Repayments that swing by 30% or more: a person asks why (seed 000, the last three repayments). */
    private static final String VOLATILE_REPAYMENTS = "repaymentVariationBp >= 3000";

    private DefaultStrategy() {
    }

    public static StrategyDefinition definition() {
        List<StrategyDefinition.Segment> segments = new ArrayList<>();

        // An active instalment plan replaces the overdue schedule (R16): while it is kept the case is not
        // dunned for what the plan covers, whatever its DPD; a late instalment gets a reminder and calls.
        // When the plan breaks (or completes) the case falls back to the segment its DPD gives it.
        segments.add(segment("PLAN-late", "分期还款·期款逾期·提醒与跟进", "Instalment plan, an instalment late: reminder and follow-up calls",
                "onActivePlan && planDpd > 0", PHONE_T2,
                step("plan-reminder", StepType.SMS, 0, 0, null, null, "sms.reminder", null),
                step("plan-follow-up", StepType.AGENT_CALL, 1, 3, null, null, "PLAN_FOLLOW_UP", null)));
        segments.add(segment("PLAN-kept", "分期还款·按期履约·不按逾期催收", "Instalment plan kept: collected by the plan, not as overdue",
                "onActivePlan", ROBOT_SMS,
                step("beyond-plan-reminder", StepType.SMS, 0, 14, null, null, "sms.reminder", "overdueBeyondPlan > 0")));

        segments.add(segment("RE-judicial-auction", "房产抵押·司法拍卖", "Real-estate collateral: judicial auction",
                "dpd > 90 && 'real_estate' in collateralTypes", LEGAL,
                step("demand-letter", StepType.LETTER, 0, 0, null, null, DEMAND_LETTER, null),
                step("negotiate", StepType.AGENT_CALL, 0, 7, 28, SENIOR_T3, "INVITE_NEGOTIATION", null),
                step("refer-to-legal", StepType.REFER_TO_LEGAL, 30, 0, null, null, null, null),
                step("judicial-auction", StepType.JUDICIAL_AUCTION, 60, 0, null, null, null, null)));

        segments.add(segment("T4-unwilling-litigation", "逾期180天以上·有能力拒不还款·律师函与诉讼",
                "Over 180 DPD, able but unwilling: lawyer's letter and litigation",
                "dpd > 180 && " + ABLE + " && " + UNWILLING, LEGAL,
                step("lawyer-letter", StepType.LAWYER_LETTER, 0, 0, null, null, LAWYERS_LETTER, null),
                step("follow-up-call", StepType.AGENT_CALL, 7, 14, null, null, "INVITE_NEGOTIATION", null),
                step("litigation", StepType.REFER_TO_LEGAL, 30, 0, null, null, null, null)));

        segments.add(segment("SME-restructuring", "小微企业贷款·债务重组", "Small-business loan: restructuring",
                "dpd > 30 && 'sme_loan' in products", SENIOR_T3,
                step("understand-business", StepType.AGENT_CALL, 0, 7, null, null, "FIND_CAUSE", null),
                step("restructuring-offer", StepType.OFFER_RESTRUCTURING, 3, 0, null, null, "RESTRUCTURING_OFFER", null),
                step("premises-visit", StepType.FIELD_VISIT, 14, 30, null, FIELD, null, STALLED),
                step("refer-to-legal", StepType.REFER_TO_LEGAL, 0, 0, null, LEGAL, null, "dpd > 180")));

        String[][] stages = {
                // code part, zh, en, condition
                {"1-5", "逾期1-5天·温馨提醒", "1–5 DPD: friendly reminder", "dpd >= 1 && dpd <= 5"},
                {"6-17", "逾期6-17天·核实信息·加密联系", "6–17 DPD: verify contact data, contact more often", "dpd >= 6 && dpd <= 17"},
                {"18-30", "逾期18-30天·告知后果", "18–30 DPD: explain the consequences", "dpd >= 18 && dpd <= 30"}};
        for (String[] stage : stages) {
            segments.add(segment("T1-" + stage[0], "T1·" + stage[1] + "·智能语音与短信", "T1, " + stage[2] + " (robot voice and SMS)",
                    stage[3] + " && tier == 'T1'", ROBOT_SMS, robotSteps(stage[0])));
            segments.add(segment("T2-" + stage[0], stage[1] + "·电话", stage[2] + " (agent calls)",
                    stage[3], PHONE_T2, agentSteps(stage[0])));
        }

        segments.add(segment("T2-31-90-phone", "逾期31-90天·5万元以下·电话催收", "31–90 DPD, up to 50,000 yuan: phone",
                "dpd >= 31 && dpd <= 90 && " + SMALL, PHONE_T2,
                step("invite-negotiation", StepType.SMS, 0, 0, null, null, SMS_INVITATION_TO_NEGOTIATE, null),
                step("find-cause", StepType.AGENT_CALL, 0, 2, null, null, "FIND_CAUSE", null),
                step("demand-letter", StepType.LETTER, 30, 0, null, null, DEMAND_LETTER, null),
                step("skip-trace", StepType.VERIFY_CONTACT_DATA, 0, 7, null, null, null, UNREACHABLE)));

        segments.add(segment("T2-31-90-large", "逾期31-90天·5万元以上·电话与外访", "31–90 DPD, over 50,000 yuan: phone and field",
                "dpd >= 31 && dpd <= 90", PHONE_T2,
                step("invite-negotiation", StepType.SMS, 0, 0, null, null, SMS_INVITATION_TO_NEGOTIATE, null),
                step("find-cause", StepType.AGENT_CALL, 0, 2, null, null, "FIND_CAUSE", null),
                step("demand-letter", StepType.LETTER, 14, 0, null, null, DEMAND_LETTER, null),
                step("skip-trace", StepType.VERIFY_CONTACT_DATA, 0, 7, null, null, null, UNREACHABLE),
                step("field-visit", StepType.FIELD_VISIT, 14, 30, null, FIELD, null, STALLED)));

        segments.add(segment("T3-91-180-phone", "逾期91-180天·5万元以下·资深专员电话", "91–180 DPD, up to 50,000 yuan: senior specialists by phone",
                "dpd >= 91 && dpd <= 180 && " + SMALL, SENIOR_T3,
                step("demand-letter", StepType.LETTER, 0, 0, null, null, DEMAND_LETTER, null),
                step("personal-plan-call", StepType.AGENT_CALL, 0, 3, null, null, "PERSONAL_PLAN", null),
                step("instalment-offer", StepType.OFFER_RESTRUCTURING, 7, 0, null, null, "INSTALMENT_PLAN", null),
                step("skip-trace", StepType.VERIFY_CONTACT_DATA, 0, 7, null, null, null, UNREACHABLE),
                step("place-with-agency", StepType.PLACE_WITH_AGENCY, 60, 0, null, AGENCY, null, STALLED)));

        segments.add(segment("T3-91-180-large", "逾期91-180天·5万元以上·资深专员", "91–180 DPD, over 50,000 yuan: senior specialists",
                "dpd >= 91 && dpd <= 180", SENIOR_T3,
                step("demand-letter", StepType.LETTER, 0, 0, null, null, DEMAND_LETTER, null),
                step("personal-plan-call", StepType.AGENT_CALL, 0, 2, null, null, "PERSONAL_PLAN", null),
                step("instalment-offer", StepType.OFFER_RESTRUCTURING, 7, 0, null, null, "INSTALMENT_PLAN", null),
                step("field-visit", StepType.FIELD_VISIT, 7, 30, null, FIELD, null, STALLED),
                step("legal-review", StepType.REFER_TO_LEGAL, 60, 0, null, LEGAL, null, "brokenPromises >= 1")));

        segments.add(segment("T4-181-agency", "逾期180天以上·5万元以下·委外催收", "Over 180 DPD, up to 50,000 yuan: collection agency",
                "dpd > 180 && " + SMALL, AGENCY,
                step("final-demand", StepType.LETTER, 0, 0, null, null, DEMAND_LETTER, null),
                step("place-with-agency", StepType.PLACE_WITH_AGENCY, 0, 0, null, null, null, null)));

        segments.add(segment("T4-181-legal", "逾期180天以上·大额·法律途径", "Over 180 DPD, over 50,000 yuan: legal action",
                "dpd > 180", LEGAL,
                step("final-demand", StepType.LETTER, 0, 0, null, null, DEMAND_LETTER, null),
                step("refer-to-legal", StepType.REFER_TO_LEGAL, 14, 0, null, null, null, null),
                step("field-visit", StepType.FIELD_VISIT, 7, 30, null, FIELD, null, UNREACHABLE)));

        return new StrategyDefinition("默认策略 / Default strategy",
                "Encodes the seeds: four tiers (R4), DPD stages, phone up to 50,000 yuan within 180 days, "
                        + "judicial auction for real estate, restructuring for small businesses, lawyer's letter and "
                        + "litigation for the able but unwilling beyond 180 days (R6).",
                List.copyOf(segments));
    }

    /** T1 (good history, ≤ 30 DPD): robot voice and SMS; a person only on escalation. */
    private static StrategyDefinition.Step[] robotSteps(String stage) {
        return switch (stage) {
            case "1-5" -> new StrategyDefinition.Step[] {
                    step("first-day-sms", StepType.SMS, 0, 0, null, null, SMS_FIRST_DAY_REMINDER, null),
                    step("robot-reminder", StepType.ROBOT_CALL, 1, 2, null, null, "REMINDER_FRIENDLY", null),
                    step("ask-cause", StepType.AGENT_CALL, 2, 0, null, PHONE_T2, "FIND_CAUSE", VOLATILE_REPAYMENTS)};
            case "6-17" -> new StrategyDefinition.Step[] {
                    step("verify-contact-data", StepType.VERIFY_CONTACT_DATA, 0, 0, null, null, null, null),
                    step("robot-call", StepType.ROBOT_CALL, 0, 1, null, null, "REMINDER", null),
                    step("sms", StepType.SMS, 0, 3, null, null, SMS_REMINDER, null),
                    step("skip-trace", StepType.VERIFY_CONTACT_DATA, 0, 7, null, null, null, UNREACHABLE),
                    step("agent-call", StepType.AGENT_CALL, 3, 2, null, PHONE_T2, "FIND_CAUSE", "brokenPromises >= 1")};
            default -> new StrategyDefinition.Step[] {
                    step("risk-warning-sms", StepType.SMS, 0, 0, null, null, SMS_RISK_WARNING, null),
                    step("risk-warning-email", StepType.EMAIL, 0, 0, null, null, EMAIL_RISK_WARNING, null),
                    step("robot-call", StepType.ROBOT_CALL, 0, 1, null, null, "CONSEQUENCES", null),
                    step("skip-trace", StepType.VERIFY_CONTACT_DATA, 0, 7, null, null, null, UNREACHABLE),
                    step("agent-call", StepType.AGENT_CALL, 2, 2, null, PHONE_T2, "CONSEQUENCES", "brokenPromises >= 1")};
        };
    }

    /** T2 within 30 DPD (no good history): agents call, more often as the stage hardens. */
    private static StrategyDefinition.Step[] agentSteps(String stage) {
        return switch (stage) {
            case "1-5" -> new StrategyDefinition.Step[] {
                    step("first-day-sms", StepType.SMS, 0, 0, null, null, SMS_FIRST_DAY_REMINDER, null),
                    step("reminder-call", StepType.AGENT_CALL, 0, 2, null, null, "FIND_CAUSE", null)};
            case "6-17" -> new StrategyDefinition.Step[] {
                    step("verify-contact-data", StepType.VERIFY_CONTACT_DATA, 0, 0, null, null, null, null),
                    step("call", StepType.AGENT_CALL, 0, 1, null, null, "FIND_CAUSE", null),
                    step("sms", StepType.SMS, 0, 3, null, null, SMS_REMINDER, null),
                    step("skip-trace", StepType.VERIFY_CONTACT_DATA, 0, 7, null, null, null, UNREACHABLE)};
            default -> new StrategyDefinition.Step[] {
                    step("risk-warning-sms", StepType.SMS, 0, 0, null, null, SMS_RISK_WARNING, null),
                    step("risk-warning-email", StepType.EMAIL, 0, 0, null, null, EMAIL_RISK_WARNING, null),
                    step("consequences-call", StepType.AGENT_CALL, 0, 1, null, null, "CONSEQUENCES", null),
                    step("skip-trace", StepType.VERIFY_CONTACT_DATA, 0, 7, null, null, null, UNREACHABLE)};
        };
    }

    private static StrategyDefinition.Segment segment(String code, String nameZh, String nameEn, String condition,
                                                      String queue, StrategyDefinition.Step... steps) {
        return new StrategyDefinition.Segment(code, nameZh, nameEn, condition, queue, List.of(steps));
    }

    private static StrategyDefinition.Step step(String key, StepType type, int day, int everyDays, Integer untilDay,
                                                String queue, String template, String condition) {
        return new StrategyDefinition.Step(key, type, day, everyDays, untilDay, queue, template, condition);
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
