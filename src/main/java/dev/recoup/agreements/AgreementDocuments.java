package dev.recoup.agreements;

import dev.recoup.documents.Documents;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.MinorUnits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The papers of an agreement (R19), through the documents module: the repayment commitment letter
 * of a promise and the instalment agreement of a plan, generated from their templates and stored
 * with the case (the customer signs them through the documents module's one-time link). The case's
 * own values (name, accounts, overdue amount, lender, date) are filled by the documents module.
 */
@Service
public class AgreementDocuments {

    private final Promises promises;
    private final Plans plans;
    private final ObjectProvider<Documents> documents;

    AgreementDocuments(Promises promises, Plans plans, ObjectProvider<Documents> documents) {
        this.promises = promises;
        this.plans = plans;
        this.documents = documents;
    }

    @Transactional
    public Documents.StoredDocument commitmentLetter(long promiseId, String language, String by) {
        Promise promise = promises.find(promiseId);
        return documents().generate(new Documents.DocumentRequest(Documents.Kind.REPAYMENT_COMMITMENT, promise.caseId(), Map.of(
                "promiseDate", promise.promisedOn().toString(),
                "promiseAmountFen", Long.toString(promise.amountMinor())), language, by));
    }

    @Transactional
    public Documents.StoredDocument instalmentAgreement(long planId, String language, String by) {
        Plan plan = plans.find(planId);
        boolean zh = language == null || language.isBlank() || language.equals("zh-CN");
        String schedule = plan.schedule().stream()
                .map(i -> (zh ? "第" + i.seq() + "期 " + i.dueOn() + " " + MinorUnits.format(i.amountMinor(), 2) + "元"
                        : "No. " + i.seq() + " " + i.dueOn() + " CNY " + MinorUnits.format(i.amountMinor(), 2)))
                .collect(Collectors.joining("\n"));
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("planTotalFen", Long.toString(plan.totalMinor()));
        variables.put("instalmentCount", Integer.toString(plan.instalments()));
        variables.put("firstPaymentAmountFen", Long.toString(plan.firstPaymentMinor()));
        variables.put("firstPaymentDate", plan.startDate().toString());
        variables.put("schedule", schedule);
        return documents().generate(new Documents.DocumentRequest(Documents.Kind.INSTALMENT_AGREEMENT, plan.caseId(), variables, language, by));
    }

    private Documents documents() {
        Documents available = documents.getIfAvailable();
        if (available == null) {
            throw new ConflictException("Documents are not available in this installation");
        }
        return available;
    }
}
