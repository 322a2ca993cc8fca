package dev.recoup.contact.templates.domain;

import dev.recoup.contact.domain.Channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The templates Recoup starts with: one per kind and channel, in zh-CN and en, worded lawfully —
 * courteous, truthful about consequences (credit reporting under the 征信业管理条例, a civil claim
 * in court), nothing for third parties but a request to call back. Seeded when the table is empty;
 * a test checks every one passes {@link TemplateChecker}.
 */
public final class DefaultTemplates {

    public record DefaultTemplate(String code, String name, TemplateKind kind, Channel channel, TemplateContent zh, TemplateContent en) {

        public TemplateDraft draft() {
            return new TemplateDraft(code, kind, channel, Map.of(Language.ZH_CN, zh, Language.EN, en));
        }
    }

    private DefaultTemplates() {
    }

    public static String code(Channel channel, TemplateKind kind) {
        return channel.name().toLowerCase(Locale.ROOT) + "." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<DefaultTemplate> all() {
        List<DefaultTemplate> all = new ArrayList<>();
        // --- SMS ---
        sms(all, TemplateKind.REMINDER,
                "【{{senderName}}】{{customerName}}您好，您在{{lenderName}}的账户（尾号{{accountTail}}）尚有{{overdueAmount}}待还，请尽快处理。如已还款请忽略，如有疑问请致电{{callBackNumber}}。",
                "{{senderName}}: Dear {{customerName}}, your {{lenderName}} account ending {{accountTail}} has {{overdueAmount}} to pay. "
                        + "Please pay at your earliest convenience; ignore this if you have paid. Questions: {{callBackNumber}}.");
        sms(all, TemplateKind.FIRST_DAY_REMINDER,
                "【{{senderName}}】{{customerName}}您好，您在{{lenderName}}的账户（尾号{{accountTail}}）应于{{dueDate}}还款{{overdueAmount}}，目前尚未到账。还款方式：{{paymentMethod}}。如已还款请忽略本短信。",
                "{{senderName}}: Dear {{customerName}}, {{overdueAmount}} on your {{lenderName}} account ending {{accountTail}} was due on {{dueDate}} "
                        + "and has not arrived yet. How to pay: {{paymentMethod}}. Ignore this if you have paid.");
        sms(all, TemplateKind.RISK_WARNING,
                "【{{senderName}}】{{customerName}}您好，您在{{lenderName}}的{{overdueAmount}}已逾期{{daysOverdue}}天。根据《征信业管理条例》，逾期信息可能依法报送金融信用信息基础数据库并影响您的信用记录。请尽快还款，或致电{{callBackNumber}}协商。",
                "{{senderName}}: Dear {{customerName}}, {{overdueAmount}} on your {{lenderName}} account is {{daysOverdue}} days late. Late payments may "
                        + "be reported to credit bureaus as the law allows and affect your credit record. Please pay or call {{callBackNumber}} to talk it through.");
        sms(all, TemplateKind.INVITATION_TO_NEGOTIATE,
                "【{{senderName}}】{{customerName}}您好，关于您在{{lenderName}}的待还款项{{overdueAmount}}，如您目前还款有困难，欢迎致电{{callBackNumber}}与我们协商可行的还款安排。",
                "{{senderName}}: Dear {{customerName}}, if paying the {{overdueAmount}} on your {{lenderName}} account is hard for you right now, "
                        + "call us on {{callBackNumber}} and we will look for an arrangement that works.");
        sms(all, TemplateKind.PROMISE_REMINDER,
                "【{{senderName}}】{{customerName}}您好，温馨提醒：您承诺于{{promiseDate}}还款{{promiseAmount}}。还款方式：{{paymentMethod}}。如情况有变，请致电{{callBackNumber}}与我们沟通。",
                "{{senderName}}: Dear {{customerName}}, a reminder that you agreed to pay {{promiseAmount}} on {{promiseDate}}. How to pay: "
                        + "{{paymentMethod}}. If anything has changed, please call {{callBackNumber}}.");
        sms(all, TemplateKind.THIRD_PARTY_CALL_BACK,
                "【{{senderName}}】{{recipientName}}您好，我们有事需要与{{customerName}}联系，麻烦您方便时转告其致电{{callBackNumber}}。感谢您的帮助！",
                "{{senderName}}: Hello {{recipientName}}, could you kindly ask {{customerName}} to call us back on {{callBackNumber}}? Thank you for your help.");
        // --- E-mail ---
        email(all, TemplateKind.REMINDER, "{{lenderName}}账户还款提醒", """
                {{customerName}}您好：

                您在{{lenderName}}的账户（尾号{{accountTail}}）目前尚有{{overdueAmount}}待还，请您尽快处理。

                如您已还款，请忽略本邮件；如有疑问，请致电{{callBackNumber}}。

                {{senderName}}""", "A reminder about your {{lenderName}} account", """
                Dear {{customerName}},

                Your {{lenderName}} account ending {{accountTail}} has {{overdueAmount}} still to pay. Please pay it at your earliest convenience.

                If you have already paid, please ignore this e-mail. If you have any questions, call us on {{callBackNumber}}.

                {{senderName}}""");
        email(all, TemplateKind.FIRST_DAY_REMINDER, "您的{{lenderName}}账户应还款项尚未到账", """
                {{customerName}}您好：

                您在{{lenderName}}的账户（尾号{{accountTail}}）应于{{dueDate}}还款{{overdueAmount}}，目前尚未到账。

                还款方式：{{paymentMethod}}

                如您已还款，请忽略本邮件；如有疑问，请致电{{callBackNumber}}。

                {{senderName}}""", "Your {{lenderName}} payment due on {{dueDate}} has not arrived", """
                Dear {{customerName}},

                The payment of {{overdueAmount}} on your {{lenderName}} account ending {{accountTail}} was due on {{dueDate}} and has not arrived yet.

                How to pay: {{paymentMethod}}

                If you have already paid, please ignore this e-mail. If you have any questions, call us on {{callBackNumber}}.

                {{senderName}}""");
        email(all, TemplateKind.RISK_WARNING, "关于您{{lenderName}}账户的风险提示", """
                {{customerName}}您好：

                您在{{lenderName}}的账户（尾号{{accountTail}}）已逾期{{daysOverdue}}天，逾期金额{{overdueAmount}}。

                根据《征信业管理条例》，逾期信息可能依法报送金融信用信息基础数据库，影响您的信用记录。如款项长期未还，债权人可能依法通过诉讼等途径主张权利。

                我们希望与您共同找到解决办法。请尽快还款，或致电{{callBackNumber}}与我们协商。

                {{senderName}}""", "What happens if your {{lenderName}} account stays late", """
                Dear {{customerName}},

                Your {{lenderName}} account ending {{accountTail}} is {{daysOverdue}} days late, with {{overdueAmount}} overdue.

                Late payments may be reported to credit bureaus as the law allows, which may affect your credit record. If the amount stays unpaid, the lender may enforce its rights through lawful means such as a civil claim in court.

                We would rather find a solution with you. Please pay, or call us on {{callBackNumber}} to talk it through.

                {{senderName}}""");
        email(all, TemplateKind.INVITATION_TO_NEGOTIATE, "邀请您协商{{lenderName}}账户的还款安排", """
                {{customerName}}您好：

                关于您在{{lenderName}}的待还款项{{overdueAmount}}，如您目前还款确有困难，我们愿意与您协商分期、延期等可行的还款安排。

                请致电{{callBackNumber}}，或直接回复本邮件告知您方便联系的时间。

                {{senderName}}""", "Let's agree a payment plan for your {{lenderName}} account", """
                Dear {{customerName}},

                If paying the {{overdueAmount}} on your {{lenderName}} account is hard for you right now, we are happy to discuss an arrangement such as instalments or more time.

                Call us on {{callBackNumber}}, or reply to this e-mail with a time that suits you.

                {{senderName}}""");
        email(all, TemplateKind.PROMISE_REMINDER, "温馨提醒：您约定的还款日为{{promiseDate}}", """
                {{customerName}}您好：

                感谢您与我们达成还款约定。温馨提醒：您承诺于{{promiseDate}}还款{{promiseAmount}}。

                还款方式：{{paymentMethod}}

                如情况有变，请提前致电{{callBackNumber}}与我们沟通。

                {{senderName}}""", "A reminder: your payment of {{promiseAmount}} on {{promiseDate}}", """
                Dear {{customerName}},

                Thank you for agreeing a payment with us. This is a reminder that you agreed to pay {{promiseAmount}} on {{promiseDate}}.

                How to pay: {{paymentMethod}}

                If anything has changed, please call us on {{callBackNumber}} beforehand.

                {{senderName}}""");
        email(all, TemplateKind.THIRD_PARTY_CALL_BACK, "请转告{{customerName}}回电", """
                {{recipientName}}您好：

                我们有事需要与{{customerName}}联系。如您方便，请转告其致电{{callBackNumber}}。

                感谢您的帮助！

                {{senderName}}""", "Please ask {{customerName}} to call us back", """
                Hello {{recipientName}},

                We would like to get in touch with {{customerName}}. If you can, please ask them to call us back on {{callBackNumber}}.

                Thank you for your help.

                {{senderName}}""");
        // --- Letters ---
        letter(all, TemplateKind.REMINDER, "还款提醒函", """
                尊敬的{{customerName}}：

                您在{{lenderName}}办理的{{productName}}（账户尾号{{accountTail}}）目前尚有{{overdueAmount}}待还。请您尽快还款。

                如您已还款，请忽略本函；如有疑问，请致电{{callBackNumber}}。""", "Payment reminder", """
                Dear {{customerName}},

                Your {{productName}} with {{lenderName}} (account ending {{accountTail}}) has {{overdueAmount}} still to pay. Please pay at your earliest convenience.

                If you have already paid, please disregard this letter. If you have any questions, call us on {{callBackNumber}}.""");
        letter(all, TemplateKind.FIRST_DAY_REMINDER, "还款到期提醒函", """
                尊敬的{{customerName}}：

                您在{{lenderName}}办理的{{productName}}（账户尾号{{accountTail}}）应于{{dueDate}}还款{{overdueAmount}}，截至本函发出时尚未到账。

                还款方式：{{paymentMethod}}

                如您已还款，请忽略本函；如有疑问，请致电{{callBackNumber}}。""", "Your payment due on {{dueDate}}", """
                Dear {{customerName}},

                The payment of {{overdueAmount}} on your {{productName}} with {{lenderName}} (account ending {{accountTail}}) was due on {{dueDate}} and had not arrived when this letter was sent.

                How to pay: {{paymentMethod}}

                If you have already paid, please disregard this letter. If you have any questions, call us on {{callBackNumber}}.""");
        letter(all, TemplateKind.RISK_WARNING, "风险提示函", """
                尊敬的{{customerName}}：

                您在{{lenderName}}办理的{{productName}}（账户尾号{{accountTail}}）已逾期{{daysOverdue}}天，逾期金额{{overdueAmount}}，未还总额{{outstandingAmount}}。

                根据《征信业管理条例》，逾期信息可能依法报送金融信用信息基础数据库，影响您的信用记录。如款项长期未还，债权人可能依法向人民法院提起民事诉讼主张权利。

                我们希望与您协商解决。请尽快还款，或致电{{callBackNumber}}与我们联系。""", "What happens if your account stays late", """
                Dear {{customerName}},

                Your {{productName}} with {{lenderName}} (account ending {{accountTail}}) is {{daysOverdue}} days late: {{overdueAmount}} is overdue and {{outstandingAmount}} is outstanding in total.

                Late payments may be reported to credit bureaus as the law allows, which may affect your credit record. If the amount stays unpaid, the lender may bring a civil claim in court to enforce its rights.

                We would rather settle this with you. Please pay, or call us on {{callBackNumber}}.""");
        letter(all, TemplateKind.INVITATION_TO_NEGOTIATE, "还款协商邀请函", """
                尊敬的{{customerName}}：

                关于您在{{lenderName}}的待还款项{{overdueAmount}}，如您目前还款确有困难，我们诚邀您与我们协商分期、延期等可行的还款安排。

                请致电{{callBackNumber}}，我们的工作人员将与您共同商定方案。""", "An invitation to agree a payment plan", """
                Dear {{customerName}},

                If paying the {{overdueAmount}} on your {{lenderName}} account is hard for you right now, we invite you to agree an arrangement with us, such as instalments or more time.

                Please call us on {{callBackNumber}} and we will work out a plan with you.""");
        letter(all, TemplateKind.PROMISE_REMINDER, "约定还款提醒函", """
                尊敬的{{customerName}}：

                感谢您与我们达成还款约定。特此提醒：您承诺于{{promiseDate}}还款{{promiseAmount}}。

                还款方式：{{paymentMethod}}

                如情况有变，请提前致电{{callBackNumber}}与我们沟通。""", "A reminder of the payment you agreed", """
                Dear {{customerName}},

                Thank you for agreeing a payment with us. This is a reminder that you agreed to pay {{promiseAmount}} on {{promiseDate}}.

                How to pay: {{paymentMethod}}

                If anything has changed, please call us on {{callBackNumber}} beforehand.""");
        letter(all, TemplateKind.THIRD_PARTY_CALL_BACK, "回电请求", """
                {{recipientName}}您好：

                我们有事需要与{{customerName}}联系。如您方便，请转告其致电{{callBackNumber}}。

                感谢您的帮助！""", "A request to call back", """
                Hello {{recipientName}},

                We would like to get in touch with {{customerName}}. If you can, please ask them to call us back on {{callBackNumber}}.

                Thank you for your help.""");
        return List.copyOf(all);
    }

    private static void sms(List<DefaultTemplate> all, TemplateKind kind, String zh, String en) {
        all.add(new DefaultTemplate(code(Channel.SMS, kind), "短信·" + kind.zh() + " / SMS · " + kind.en(), kind, Channel.SMS,
                new TemplateContent(null, zh), new TemplateContent(null, en)));
    }

    private static void email(List<DefaultTemplate> all, TemplateKind kind, String zhSubject, String zh, String enSubject, String en) {
        all.add(new DefaultTemplate(code(Channel.EMAIL, kind), "邮件·" + kind.zh() + " / E-mail · " + kind.en(), kind, Channel.EMAIL,
                new TemplateContent(zhSubject, zh), new TemplateContent(enSubject, en)));
    }

    private static void letter(List<DefaultTemplate> all, TemplateKind kind, String zhSubject, String zh, String enSubject, String en) {
        all.add(new DefaultTemplate(code(Channel.LETTER, kind), "信函·" + kind.zh() + " / Letter · " + kind.en(), kind, Channel.LETTER,
                new TemplateContent(zhSubject, zh), new TemplateContent(enSubject, en)));
    }
}
