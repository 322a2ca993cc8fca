package dev.recoup.agreements.api;

import dev.recoup.shared.RequestFields;
import dev.recoup.agreements.AgreementDocuments;
import dev.recoup.agreements.CreditRestoration;
import dev.recoup.agreements.Plan;
import dev.recoup.agreements.PlanQuote;
import dev.recoup.agreements.PlanRequest;
import dev.recoup.agreements.Plans;
import dev.recoup.documents.Documents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.security.Principal;
import java.util.List;

/** Instalment plans (R16): the calculator, plans on cases, credit-restoration eligibility. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Agreements: instalment plans (分期还款)")
class PlanController {

    private static final String TERMS = "totalMinor (fen), instalments, firstPaymentMinor (fen; default: the larger of the product's minimum first "
            + "payment and an equal share), startDate (YYYY-MM-DD, the first payment), frequency (WEEKLY|FORTNIGHTLY|MONTHLY, default MONTHLY), "
            + "monthlyIncomeMinor, monthlyExpensesMinor (fen, declared)";

    private final Plans plans;
    private final AgreementDocuments documents;

    PlanController(Plans plans, AgreementDocuments documents) {
        this.plans = plans;
        this.documents = documents;
    }

    @PostMapping("/plans/calculate")
    @Operation(summary = "Instalment calculator: the schedule for the terms, in fen adding up to the total exactly",
            description = "Body: {" + TERMS + ", product (whose limits apply; default limits otherwise)}. Answers the schedule, the limits, "
                    + "the limits the plan goes beyond (needsApproval) and, with income and expenses, the affordability assessment.")
    PlanQuote calculate(@RequestBody(required = false) JsonNode body) {
        return plans.calculate(request(new RequestFields(body)));
    }

    @PostMapping("/cases/{caseId}/plans")
    @Operation(summary = "Create an instalment plan on an open case",
            description = "Body: {" + TERMS + " (both required: the affordability check), agentId, note}. totalMinor defaults to the case's overdue "
                    + "total. Not affordable → 400. Within the product's limits (12 instalments, first payment ≥ 20% by default) it is ACTIVE at "
                    + "once; beyond them PENDING_APPROVAL with an approval request (kind PLAN). One live plan per case (409).")
    ResponseEntity<Plan> create(@PathVariable long caseId, @RequestBody(required = false) JsonNode body, Principal user) {
        Plan plan = plans.create(caseId, request(new RequestFields(body)), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).body(plan);
    }

    @GetMapping("/cases/{caseId}/plans")
    @Operation(summary = "The case's plans, newest first")
    List<Plan> ofCase(@PathVariable long caseId) {
        return plans.list(null, caseId, 0, 100);
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "A plan with each instalment's state (PAID, PART_PAID, DUE, MISSED, UPCOMING) and credit-restoration eligibility")
    Plan find(@PathVariable long id) {
        return plans.find(id);
    }

    @GetMapping("/plans")
    @Operation(summary = "Plans, newest first; filter by status (PENDING_APPROVAL|ACTIVE|COMPLETED|BROKEN|REJECTED|CANCELLED)")
    List<Plan> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size) {
        return plans.list(status, null, Math.max(page, 0), Math.clamp(size, 1, 500));
    }

    @PostMapping("/plans/{id}/cancel")
    @Operation(summary = "Cancel a plan pending approval or active, with a reason", description = "Body: {reason}")
    Plan cancel(@PathVariable long id, @RequestBody(required = false) JsonNode body, Principal user) {
        return plans.cancel(id, new RequestFields(body).text("reason"), user.getName());
    }

    @PostMapping("/plans/{id}/agreement")
    @Operation(summary = "Generate the plan's instalment agreement (PDF, stored with the case; signed through the documents module's link)",
            description = "language=zh-CN (default) or en")
    ResponseEntity<Documents.StoredDocument> agreement(@PathVariable long id, @RequestParam(defaultValue = "zh-CN") String language, Principal user) {
        Documents.StoredDocument stored = documents.instalmentAgreement(id, language, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + stored.caseId() + "/documents/" + stored.id())).body(stored);
    }

    @GetMapping("/credit-restorations")
    @Operation(summary = "Customers eligible for credit restoration: they completed an instalment plan (the date they did)")
    List<CreditRestoration> creditRestorations(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return plans.creditRestorations(Math.max(page, 0), Math.clamp(size, 1, 500));
    }

    private static PlanRequest request(RequestFields f) {
        return new PlanRequest(f.whole("totalMinor"), f.integer("instalments"), f.whole("firstPaymentMinor"), f.date("startDate"), f.text("frequency"),
                f.text("product"), f.whole("monthlyIncomeMinor"), f.whole("monthlyExpensesMinor"), f.text("agentId"), f.text("note"));
    }
}
