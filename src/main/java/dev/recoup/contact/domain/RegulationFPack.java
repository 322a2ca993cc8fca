package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * US Regulation F (12 CFR part 1006) with its official interpretation, shared/reference/us-reg-f.
 * Rule ids cite the paragraph; reasons quote what it asks.
 *
 * <table>
 *   <caption>Rules</caption>
 *   <tr><th>id</th><th>rule</th></tr>
 *   <tr><td>REGF-1006.6(c)(1)</td><td>no communication after a refusal to pay or a cease-communication notice, from its receipt
 *       (comment 6(c)(1)-1); a notice that efforts end or that a remedy will be invoked (§1006.6(c)(2)), and communications
 *       required by law (comment 6(c)(2)-2), pass; the attorney may be contacted</td></tr>
 *   <tr><td>REGF-1006.6(b)(2)</td><td>not with a consumer represented by an attorney about the debt; one reply to a
 *       consumer-initiated communication (comment 6(b)(2)-1)</td></tr>
 *   <tr><td>REGF-1006.38(d)(2)</td><td>collection stops on a dispute until verification is sent</td></tr>
 *   <tr><td>US-BANKRUPTCY-STAY, US-HOLD-DECEASED, US-HOLD-COMPLAINT</td><td>the automatic stay (11 U.S.C. §362(a)(6));
 *       firm policy for deceased debtors and open complaints (the latter configurable)</td></tr>
 *   <tr><td>REGF-1006.6(d)(1)</td><td>third parties only to acquire location information (§1006.6(d)(2)(i))</td></tr>
 *   <tr><td>REGF-1006.10(b)(2)</td><td>a location communication never says the consumer owes a debt</td></tr>
 *   <tr><td>REGF-1006.10(c)</td><td>one location communication per third party, unless requested or the answer is believed wrong</td></tr>
 *   <tr><td>REGF-1006.6(b)(1)(i)</td><td>8:00–21:00 local time in every zone the consumer may be in
 *       (comment 6(b)(1)(i)-2), unless prior consent given directly or a court's permission (§1006.6(b)(4))</td></tr>
 *   <tr><td>REGF-1006.6(b)(1)(i)-KNOWN</td><td>times the collector knows are inconvenient (comment 6(b)(1)-1), one same-day
 *       reply through the same medium (comment 6(b)(1)-2)</td></tr>
 *   <tr><td>REGF-1006.6(b)(1)(ii)</td><td>places known to be inconvenient (media tied to them, comment 6(b)(1)(ii)-1)</td></tr>
 *   <tr><td>REGF-1006.6(b)(3)</td><td>the place of employment when the employer prohibits such communication</td></tr>
 *   <tr><td>REGF-1006.14(h)(1)</td><td>a medium (or one address of it) the person asked not to be used; exceptions (h)(2)(i)–(iii)</td></tr>
 *   <tr><td>REGF-1006.14(b)(2)(i)(A)</td><td>at most 7 calls within 7 consecutive days per person per particular debt</td></tr>
 *   <tr><td>REGF-1006.14(b)(2)(i)(B)</td><td>no call within 7 consecutive days after a telephone conversation about the debt</td></tr>
 *   <tr><td>US-DAILY-CALL-CAP</td><td>optional firm policy: calls a day per person (concentration is a factor that may rebut
 *       the presumption of compliance, comment 14(b)(2)(i)-2.i); off by default</td></tr>
 * </table>
 */
public final class RegulationFPack {

    public static final String ID = "US-REGF";

    private static final Set<Channel> NOT_MAIL = EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL, Channel.SMS, Channel.EMAIL, Channel.VISIT);
    private static final Set<ConsentSource> DIRECT_OR_COURT = EnumSet.of(ConsentSource.DEBTOR_DIRECT, ConsentSource.COURT);

    /**
     * @param maxCallsPerSevenDays at most 7 (the regulation), fewer if the portfolio wants
     * @param convenientHours      8:00–21:00 by the regulation; a portfolio may narrow it
     * @param defaultZones         zones assumed when nothing is known of the consumer's location
     * @param maxCallsPerDay       firm policy, 0 = off
     * @param holdOnComplaint      whether an open complaint stops contact
     */
    public record Parameters(int maxCallsPerSevenDays, LocalWindow convenientHours, PossibleZones defaultZones, int maxCallsPerDay,
                             boolean holdOnComplaint) {

        public static final Parameters DEFAULTS = new Parameters(7, LocalWindow.of("08:00", "21:00"), UsTimeZones.contiguous(), 0, true);

        public Parameters {
            if (maxCallsPerSevenDays < 1 || maxCallsPerSevenDays > 7) {
                throw new InvalidInputException("maxCallsPerSevenDays", Integer.toString(maxCallsPerSevenDays), "between 1 and 7");
            }
            if (convenientHours == null || convenientHours.wraps() || convenientHours.start().isBefore(LocalTime.of(8, 0))
                    || convenientHours.end().isAfter(LocalTime.of(21, 0))) {
                throw new InvalidInputException("convenientHours", String.valueOf(convenientHours), "within 08:00–21:00");
            }
            if (defaultZones == null || defaultZones.isEmpty()) {
                throw new InvalidInputException("defaultZones", String.valueOf(defaultZones), "at least one zone");
            }
            if (maxCallsPerDay < 0 || maxCallsPerDay > 7) {
                throw new InvalidInputException("maxCallsPerDay", Integer.toString(maxCallsPerDay), "0 (off) or between 1 and 7");
            }
        }

        public Parameters withMaxCallsPerDay(int value) {
            return new Parameters(maxCallsPerSevenDays, convenientHours, defaultZones, value, holdOnComplaint);
        }
    }

    private RegulationFPack() {
    }

    public static RulePack pack() {
        return pack(Parameters.DEFAULTS);
    }

    public static RulePack pack(Parameters p) {
        List<ContactRule> rules = new ArrayList<>();
        HoldExemptions answer = HoldExemptions.NONE.andPurposes(Purpose.COMPLAINT_RESPONSE);
        rules.add(new HoldRule(new RuleText("REGF-1006.6(c)(1)",
                "消费者已书面拒绝付款或要求停止联系（{since} 收到），除告知终止催收或将采取的特定措施外不得再联系",
                "The consumer refused to pay or asked in writing to cease communication (received {since}): no further communication"
                        + " except to say efforts end or a specified remedy will be invoked (§1006.6(c)(2))."),
                HoldKind.CEASE_COMMUNICATION,
                HoldExemptions.NONE.andPurposes(Purpose.CEASE_NOTICE).andRoles(ContactRole.ATTORNEY).andRequiredByLaw()));
        rules.add(new HoldRule(new RuleText("REGF-1006.6(b)(2)",
                "消费者就该债务已由律师代理（自 {since} 起），应与律师沟通；消费者主动联系时可答复一次",
                "The consumer is represented by an attorney about the debt (since {since}): communicate with the attorney;"
                        + " a communication the consumer starts may be answered once."),
                HoldKind.ATTORNEY_REPRESENTS, HoldExemptions.NONE.andRoles(ContactRole.ATTORNEY).andReplyOnce()));
        rules.add(new HoldRule(new RuleText("REGF-1006.38(d)(2)", "消费者对债务提出书面异议（{since}），在寄送核实材料前停止催收",
                "The consumer disputed the debt in writing ({since}): collection stops until verification is sent."),
                HoldKind.DISPUTE_OPEN, answer.andRoles(ContactRole.ATTORNEY)));
        rules.add(new HoldRule(new RuleText("US-BANKRUPTCY-STAY", "债务人破产，自动中止（11 U.S.C. §362(a)(6)）期间不得催收（自 {since} 起）",
                "The debtor filed for bankruptcy: the automatic stay (11 U.S.C. §362(a)(6)) forbids collection (since {since})."),
                HoldKind.BANKRUPT, answer.andRoles(ContactRole.ATTORNEY)));
        rules.add(new HoldRule(new RuleText("US-HOLD-DECEASED", "债务人已身故（{since}），停止催收联系",
                "The debtor is deceased ({since}): collection contact stops."), HoldKind.DECEASED, answer.andRoles(ContactRole.ATTORNEY)));
        if (p.holdOnComplaint()) {
            rules.add(new HoldRule(new RuleText("US-HOLD-COMPLAINT", "投诉处理期间暂停联系（自 {since} 起）；仅可就投诉答复",
                    "A complaint is open (since {since}): contact is on hold except to answer it."), HoldKind.COMPLAINT_OPEN,
                    answer.andRoles(ContactRole.ATTORNEY)));
        }
        rules.add(new ThirdPartyPurposeRule(new RuleText("REGF-1006.6(d)(1)",
                "不得就债务与第三方（{roleZh}）沟通，除为获取消费者的位置信息外",
                "No communication with a third party ({roleEn}) in connection with the debt except to acquire location information."),
                EnumSet.of(Purpose.LOCATION_INFO)));
        rules.add(new NoDebtDetailsRule(new RuleText("REGF-1006.10(b)(2)", "向第三方获取位置信息时不得表明消费者欠有债务",
                "A location communication with a third party ({roleEn}) must not state that the consumer owes any debt.")));
        rules.add(new LocationOnceRule(new RuleText("REGF-1006.10(c)",
                "已就位置信息与该第三方沟通过（{previous}），除非其要求或有理由相信其先前答复有误或不完整，不得再次沟通",
                "This person was already communicated with for location information ({previous}): not again unless they asked"
                        + " or their answer is reasonably believed wrong or incomplete.")));
        rules.add(TimeWindowRule.everyDay(new RuleText("REGF-1006.6(b)(1)(i)",
                "消费者可能所在时区 {zone} 当地时间 {localTime} 不在 " + p.convenientHours() + " 之内，属不便时间（须在所有可能时区均为便利时间）",
                "Local time {localTime} in {zone}, a zone the consumer may be in, is outside " + p.convenientHours()
                        + ": an inconvenient time (the time must be convenient in every zone the consumer may be in)."),
                NOT_MAIL, DailyWindows.between(p.convenientHours().start(), p.convenientHours().end()), DIRECT_OR_COURT));
        rules.add(new InconvenientTimeRule(new RuleText("REGF-1006.6(b)(1)(i)-KNOWN",
                "已知此时间对消费者不便（{days} {window}，当地时间 {localTime}）",
                "The collector knows this time is inconvenient to the consumer ({days} {window}; local time {localTime})."),
                NOT_MAIL, DIRECT_OR_COURT, true));
        rules.add(new HoldRule(new RuleText("REGF-1006.6(b)(1)(ii)", "已知在{placeZh}联系消费者不便（含寄往该处的信函和该处座机）",
                "The collector knows the consumer's {placeEn} is an inconvenient place (including mail to it and its landline)."),
                HoldKind.INCONVENIENT_PLACE, HoldExemptions.NONE.andReplyOnce().andEndpointConsent(ConsentSource.DEBTOR_DIRECT, ConsentSource.COURT)));
        rules.add(new HoldRule(new RuleText("REGF-1006.6(b)(3)", "已知消费者雇主禁止其在工作场所接收此类联系",
                "The collector knows the consumer's employer prohibits such communication at the place of employment."),
                HoldKind.WORKPLACE_BAN, HoldExemptions.NONE.andEndpointConsent(ConsentSource.DEBTOR_DIRECT, ConsentSource.COURT)));
        rules.add(new HoldRule(new RuleText("REGF-1006.14(h)(1)", "对方已要求不通过{mediumZh}（{endpoint}）联系",
                "The person asked not to be contacted by {mediumEn} ({endpoint})."), HoldKind.MEDIUM_OPT_OUT,
                HoldExemptions.NONE.andReplyOnce().andRequiredByLaw().andOptOutConfirmation()));
        rules.add(new RegFCallFrequencyRule(new RuleText("REGF-1006.14(b)(2)(i)(A)",
                "{from} 至 {to} 连续7天内已就债务 {debt} 致电该人 {count} 次，再拨将超过 {max} 次，推定违反 §1006.14(b)(1)（§1006.14(b)(2)(ii)）",
                "{count} calls to this person about debt {debt} in the seven consecutive days {from} to {to}: another would exceed {max},"
                        + " a presumed violation of §1006.14(b)(1) (§1006.14(b)(2)(ii))."), p.maxCallsPerSevenDays()));
        rules.add(new RegFConversationRule(new RuleText("REGF-1006.14(b)(2)(i)(B)",
                "{conversation} 已就债务 {debt} 与该人电话交谈（当天为第1天），{until} 前再致电推定违反 §1006.14(b)(1)",
                "A telephone conversation with this person about debt {debt} on {conversation} (day 1 of seven): a call before {until}"
                        + " is a presumed violation of §1006.14(b)(1).")));
        if (p.maxCallsPerDay() > 0) {
            rules.add(new CallCapRule(new RuleText("US-DAILY-CALL-CAP", "今天已致电该人 {count} 次，本组合每日上限 {cap} 次",
                    "{count} calls to this person today; the portfolio's daily limit is {cap}."), p.maxCallsPerDay(), 1,
                    EnumSet.of(Channel.AGENT_CALL, Channel.ROBOT_CALL), false, false));
        }
        return new RulePack(ID, "美国 Regulation F", "US Regulation F", rules, EnumSet.of(ContactRole.SELF, ContactRole.SPOUSE),
                p.defaultZones());
    }
}
