package dev.recoup.documents.domain;

import dev.recoup.documents.Documents.Kind;

import java.util.Map;

/**
 * The first version of each kind's template (zh-CN and en), put in when a kind has none. Plain,
 * lawful wording: what is owed, by when, how to talk to us, the right to dispute — no threats,
 * no false consequences (checked by {@link DocumentTemplateChecker} like any saved version).
 */
public final class DefaultDocumentTemplates {

    private DefaultDocumentTemplates() {
    }

    public static Map<String, TemplateContent> of(Kind kind) {
        return switch (kind) {
            case REPAYMENT_COMMITMENT -> Map.of(
                    "zh-CN", new TemplateContent("还款承诺书", """
                            本人{{customerName}}，就在{{lenderName}}的借款（账户编号：{{accountRefs}}，案件编号：{{caseId}}）自愿作出如下承诺：
                            一、本人确认截至{{date}}，上述借款逾期金额为{{overdueAmount}}。
                            二、本人承诺于{{promiseDate}}前归还{{promiseAmount}}。
                            三、如本人届时未能履行，将主动与{{lenderName}}联系（电话{{contactNumber}}）说明情况，协商后续安排。
                            本承诺书系本人真实意思表示，以电子签名方式签署。
                            承诺人：{{customerName}}
                            日期：{{date}}"""),
                    "en", new TemplateContent("Repayment commitment", """
                            I, {{customerName}}, make the following commitment about my loan with {{lenderName}} (accounts {{accountRefs}}, case {{caseId}}):
                            1. I confirm that on {{date}} the overdue amount of this loan is {{overdueAmount}}.
                            2. I commit to pay {{promiseAmount}} by {{promiseDate}}.
                            3. Should I be unable to do so, I will contact {{lenderName}} (telephone {{contactNumber}}) to explain and agree what follows.
                            This commitment is made freely and signed electronically.
                            Signed: {{customerName}}
                            Date: {{date}}"""));
            case INSTALMENT_AGREEMENT -> Map.of(
                    "zh-CN", new TemplateContent("分期还款协议", """
                            甲方（债权人）：{{lenderName}}
                            乙方（借款人）：{{customerName}}
                            鉴于乙方在甲方的借款（账户编号：{{accountRefs}}，案件编号：{{caseId}}）未能按期归还，经双方平等协商，达成如下分期还款协议：
                            一、乙方应还款总额为{{planTotal}}，分{{instalmentCount}}期归还，首期金额为{{firstPaymentAmount}}。
                            二、还款计划如下：
                            {{schedule}}
                            三、乙方按计划履行期间，本计划取代原逾期还款安排。乙方未按期支付达到约定期数的，本协议终止，双方按原借款合同履行。
                            四、乙方全部履行完毕后，甲方将依规定为乙方办理信用信息更新。
                            五、本协议经乙方电子签名后生效。如有疑问请致电{{contactNumber}}。
                            乙方：{{customerName}}
                            日期：{{date}}"""),
                    "en", new TemplateContent("Instalment agreement", """
                            Lender: {{lenderName}}
                            Borrower: {{customerName}}
                            The borrower's loan with the lender (accounts {{accountRefs}}, case {{caseId}}) was not repaid when due. The parties agree on the following instalment plan:
                            1. The borrower pays a total of {{planTotal}} in {{instalmentCount}} instalments, the first being {{firstPaymentAmount}}.
                            2. The instalments are:
                            {{schedule}}
                            3. While the borrower keeps to the plan, it replaces the overdue schedule. If the borrower misses the agreed number of instalments, this agreement ends and the original loan contract applies.
                            4. When the plan is completed, the lender will have the borrower's credit information updated as the rules provide.
                            5. This agreement takes effect when the borrower signs it electronically. Questions: {{contactNumber}}.
                            Borrower: {{customerName}}
                            Date: {{date}}"""));
            case WAIVER_APPLICATION -> Map.of(
                    "zh-CN", new TemplateContent("减免申请书", """
                            申请人：{{customerName}}
                            本人在{{lenderName}}的借款（账户编号：{{accountRefs}}，案件编号：{{caseId}}）截至{{date}}逾期金额为{{overdueAmount}}。
                            因{{hardshipReason}}，本人目前还款确有困难，特申请减免{{waiverComponents}}，共计{{waiverAmount}}。
                            本人已提交相关困难证明材料，并保证所述情况属实。本申请经{{lenderName}}审批同意后方生效；本金不在减免范围之内，经审批的和解结清除外。
                            申请人：{{customerName}}
                            日期：{{date}}"""),
                    "en", new TemplateContent("Application for a waiver", """
                            Applicant: {{customerName}}
                            On {{date}} my loan with {{lenderName}} (accounts {{accountRefs}}, case {{caseId}}) has {{overdueAmount}} overdue.
                            Because of {{hardshipReason}}, I cannot currently repay in full, and I apply for a waiver of {{waiverComponents}}, {{waiverAmount}} in total.
                            I have provided evidence of this hardship and confirm that what I state is true. The waiver takes effect only once {{lenderName}} approves it; principal is not waived, except in an approved settlement.
                            Applicant: {{customerName}}
                            Date: {{date}}"""));
            case DEMAND_LETTER -> Map.of(
                    "zh-CN", new TemplateContent("还款通知函", """
                            {{customerName}}先生/女士：
                            您在{{lenderName}}的借款（账户编号：{{accountRefs}}，案件编号：{{caseId}}）截至{{date}}逾期金额为{{overdueAmount}}，剩余应还总额为{{outstandingAmount}}。
                            请您于{{deadline}}前归还逾期款项。如您目前确有还款困难，请在此之前致电{{contactNumber}}，与我们协商分期还款等可行方案。
                            如您已经还款，请忽略本函。如您对上述金额有异议，请致电{{contactNumber}}提出，我们将核实后答复您。
                            {{lenderName}}
                            {{date}}"""),
                    "en", new TemplateContent("Notice to pay", """
                            Dear {{customerName}},
                            On {{date}} your loan with {{lenderName}} (accounts {{accountRefs}}, case {{caseId}}) has {{overdueAmount}} overdue; the total outstanding is {{outstandingAmount}}.
                            Please pay the overdue amount by {{deadline}}. If you cannot, please call {{contactNumber}} before then so that we can agree an instalment plan or another way forward.
                            If you have already paid, please disregard this letter. If you dispute the amount, call {{contactNumber}}: we will check it and answer you.
                            {{lenderName}}
                            {{date}}"""));
            case LAWYERS_LETTER -> Map.of(
                    "zh-CN", new TemplateContent("律师函", """
                            {{customerName}}先生/女士：
                            {{lawFirm}}接受{{lenderName}}的委托，指派{{lawyerName}}律师，就您在{{lenderName}}的借款（账户编号：{{accountRefs}}）事宜致函如下：
                            截至{{date}}，上述借款逾期金额为{{overdueAmount}}，剩余应还总额为{{outstandingAmount}}。
                            请您于{{deadline}}前归还逾期款项，或与{{lenderName}}（电话{{contactNumber}}）协商还款方案。如您对金额有异议，或因经济困难无法按期还款，请在此期限内提出，我们将如实转达委托人并依法处理。
                            如期限届满仍未处理，委托人保留依法通过民事诉讼等途径主张权利的权利。
                            {{lawFirm}}
                            {{lawyerName}} 律师
                            {{date}}"""),
                    "en", new TemplateContent("Letter before action", """
                            Dear {{customerName}},
                            {{lawFirm}} acts for {{lenderName}}, with {{lawyerName}} in charge, concerning your loan with {{lenderName}} (accounts {{accountRefs}}).
                            On {{date}} the overdue amount of this loan is {{overdueAmount}}; the total outstanding is {{outstandingAmount}}.
                            Please pay the overdue amount by {{deadline}}, or contact {{lenderName}} (telephone {{contactNumber}}) to agree a repayment plan. If you dispute the amount, or cannot pay because of financial hardship, tell us before that date: we will pass it on to our client faithfully and deal with it as the law requires.
                            If nothing is done by then, our client reserves the right to pursue its claim through civil proceedings.
                            {{lawFirm}}
                            {{lawyerName}}
                            {{date}}"""));
        };
    }
}
