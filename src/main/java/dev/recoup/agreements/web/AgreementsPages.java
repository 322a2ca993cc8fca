package dev.recoup.agreements.web;

import dev.recoup.agreements.AgreementDocuments;
import dev.recoup.agreements.NewPromise;
import dev.recoup.agreements.PlanQuote;
import dev.recoup.agreements.PlanRequest;
import dev.recoup.agreements.Plans;
import dev.recoup.agreements.Promises;
import dev.recoup.agreements.domain.Frequency;
import dev.recoup.agreements.domain.PlanStatus;
import dev.recoup.agreements.domain.PromiseChannel;
import dev.recoup.agreements.domain.PromiseStatus;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.MinorUnits;
import dev.recoup.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Plain pages for agreements (the full workbench is a later issue): promises to pay — record,
 * list, cancel — with the PTP kept rate per agent and team; instalment plans — the calculator,
 * creating one on a case, the list, one plan with its instalments, credit-restoration eligibility.
 * Amounts are typed in yuan ("1234.56") and shown in yuan.
 */
@Controller
class AgreementsPages {

    private static final int PAGE_SIZE = 100;

    private final Promises promises;
    private final Plans plans;
    private final AgreementDocuments documents;
    private final BusinessClock clock;

    AgreementsPages(Promises promises, Plans plans, AgreementDocuments documents, BusinessClock clock) {
        this.promises = promises;
        this.plans = plans;
        this.documents = documents;
        this.clock = clock;
    }

    // ---- promises

    @GetMapping("/promises")
    String promises(@RequestParam(required = false) String status, @RequestParam(required = false) Long caseId, Model model) {
        String chosen = status == null || status.isBlank() ? null : status;
        model.addAttribute("promises", promises.list(chosen, null, caseId, 0, PAGE_SIZE));
        model.addAttribute("status", chosen);
        model.addAttribute("caseId", caseId);
        model.addAttribute("statuses", PromiseStatus.values());
        model.addAttribute("channels", PromiseChannel.values());
        model.addAttribute("today", clock.today());
        return "promises";
    }

    @PostMapping("/promises")
    String record(@RequestParam(required = false) Long caseId, @RequestParam(required = false) String promisedOn,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String channel,
                  @RequestParam(required = false) String agentId, @RequestParam(required = false) String note, Authentication user,
                  RedirectAttributes redirect) {
        attempt(redirect, "promise.done.recorded", () -> promises.record(caseId == null ? -1 : caseId, new NewPromise(date("promisedOn", promisedOn),
                fen("amount", amount), channel, agentId, null, note), user.getName()));
        return "redirect:/promises" + (caseId == null ? "" : "?caseId=" + caseId);
    }

    @PostMapping("/promises/{id}/cancel")
    String cancelPromise(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user, RedirectAttributes redirect) {
        attempt(redirect, "promise.done.cancelled", () -> promises.cancel(id, reason, user.getName()));
        return "redirect:/promises";
    }

    @GetMapping("/promises/kept-rate")
    String keptRate(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate end = to != null ? to : clock.today();
        LocalDate start = from != null ? from : end.minusDays(30);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("agents", promises.keptRates(Promises.By.AGENT, start, end));
        model.addAttribute("teams", promises.keptRates(Promises.By.TEAM, start, end));
        model.addAttribute("tables", List.of("agents", "teams"));
        return "promises-kept-rate";
    }

    // ---- plans

    @GetMapping("/plans")
    String plans(@RequestParam(required = false) String status, @RequestParam(required = false) Long caseId, Model model) {
        String chosen = status == null || status.isBlank() ? null : status;
        model.addAttribute("plans", plans.list(chosen, caseId, 0, PAGE_SIZE));
        model.addAttribute("status", chosen);
        model.addAttribute("caseId", caseId);
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("frequencies", Frequency.values());
        model.addAttribute("products", List.of("consumer_loan", "credit_card", "sme_loan", "secured_loan"));
        model.addAttribute("restorations", plans.creditRestorations(0, PAGE_SIZE));
        model.addAttribute("today", clock.today());
        return "plans";
    }

    @PostMapping("/plans/calculate")
    String calculate(@RequestParam(required = false) String total, @RequestParam(required = false) Integer instalments,
                     @RequestParam(required = false) String firstPayment, @RequestParam(required = false) String startDate,
                     @RequestParam(required = false) String frequency, @RequestParam(required = false) String product,
                     @RequestParam(required = false) String income, @RequestParam(required = false) String expenses, Model model) {
        try {
            PlanQuote quote = plans.calculate(new PlanRequest(fen("total", total), instalments, optionalFen("firstPayment", firstPayment),
                    date("startDate", startDate), frequency, product, optionalFen("income", income), optionalFen("expenses", expenses), null, null));
            model.addAttribute("quote", quote);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.field() + ": " + e.getMessage());
        }
        model.addAttribute("form", new CalculatorForm(total, instalments, firstPayment, startDate, frequency, product, income, expenses));
        return plans(null, null, model);
    }

    /** What was typed into the calculator, to show it again with the result. */
    record CalculatorForm(String total, Integer instalments, String firstPayment, String startDate, String frequency, String product,
                          String income, String expenses) {
    }

    @PostMapping("/plans")
    String create(@RequestParam(required = false) Long caseId, @RequestParam(required = false) String total,
                  @RequestParam(required = false) Integer instalments, @RequestParam(required = false) String firstPayment,
                  @RequestParam(required = false) String startDate, @RequestParam(required = false) String frequency,
                  @RequestParam(required = false) String income, @RequestParam(required = false) String expenses,
                  @RequestParam(required = false) String agentId, @RequestParam(required = false) String note, Authentication user,
                  RedirectAttributes redirect) {
        Object created = attempt(redirect, "plan.done.created", () -> plans.create(caseId == null ? -1 : caseId, new PlanRequest(
                optionalFen("total", total), instalments, optionalFen("firstPayment", firstPayment), date("startDate", startDate), frequency, null,
                optionalFen("income", income), optionalFen("expenses", expenses), agentId, note), user.getName()));
        return created instanceof dev.recoup.agreements.Plan plan ? "redirect:/plans/" + plan.id() : "redirect:/plans";
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable long id, Model model) {
        model.addAttribute("plan", plans.find(id));
        return "plan";
    }

    @PostMapping("/plans/{id}/cancel")
    String cancelPlan(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user, RedirectAttributes redirect) {
        attempt(redirect, "plan.done.cancelled", () -> plans.cancel(id, reason, user.getName()));
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id}/agreement")
    String agreement(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        Object stored = attempt(redirect, "plan.done.agreement", () -> documents.instalmentAgreement(id, null, user.getName()));
        return stored instanceof dev.recoup.documents.Documents.StoredDocument d ? "redirect:/cases/" + d.caseId() + "/documents" : "redirect:/plans/" + id;
    }

    @PostMapping("/promises/{id}/commitment-letter")
    String commitmentLetter(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        Object stored = attempt(redirect, "promise.done.letter", () -> documents.commitmentLetter(id, null, user.getName()));
        return stored instanceof dev.recoup.documents.Documents.StoredDocument d ? "redirect:/cases/" + d.caseId() + "/documents" : "redirect:/promises";
    }

    // ---- helpers

    private static Long fen(String field, String yuan) {
        Long fen = optionalFen(field, yuan);
        if (fen == null) {
            throw new InvalidInputException(field, yuan, "an amount in yuan is required, e.g. 1234.56");
        }
        return fen;
    }

    private static Long optionalFen(String field, String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            return MinorUnits.parse(yuan.strip().replace(",", ""), 2);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, yuan, "an amount in yuan, e.g. 1234.56: " + e.getMessage());
        }
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, text, "a date as YYYY-MM-DD");
        }
    }

    private static Object attempt(RedirectAttributes redirect, String doneMessage, Supplier<?> change) {
        try {
            Object result = change.get();
            redirect.addFlashAttribute("done", doneMessage);
            return result;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return null;
    }
}
