package dev.recoup.agreements;

import dev.recoup.agreements.domain.Affordability;
import dev.recoup.agreements.domain.Frequency;
import dev.recoup.agreements.domain.InstalmentCalculator;
import dev.recoup.agreements.domain.PlanLimits;
import dev.recoup.agreements.domain.PlanProgress;
import dev.recoup.agreements.domain.PlanStatus;
import dev.recoup.agreements.domain.PlanTerms;
import dev.recoup.agreements.domain.ScheduledInstalment;
import dev.recoup.agreements.persistence.PlanStore;
import dev.recoup.agreements.persistence.PlanTracker;
import dev.recoup.agreements.persistence.PromiseStore;
import dev.recoup.approvals.ApprovalDecided;
import dev.recoup.approvals.Approvals;
import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseStage;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.MinorUnits;
import dev.recoup.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/**
 * Instalment plans (R16): the calculator, creating a plan on a case — ACTIVE at once within the
 * product's limits, else PENDING_APPROVAL with an approval request (kind PLAN) and ACTIVE when it
 * is approved —, the affordability check, cancelling, reading. Tracking against payments is
 * {@link PlanTracker}'s (at once on a posting, and in the daily run).
 */
@Service
public class Plans {

    public static final String APPROVAL_KIND = "PLAN";
    private static final int MAX_NOTE = 2000;

    private final PlanStore store;
    private final PromiseStore cases;
    private final PlanTracker tracker;
    private final CaseFlow caseFlow;
    private final ObjectProvider<Approvals> approvals;
    private final AgreementsProperties properties;
    private final BusinessClock clock;

    Plans(PlanStore store, PromiseStore cases, PlanTracker tracker, CaseFlow caseFlow, ObjectProvider<Approvals> approvals,
          AgreementsProperties properties, BusinessClock clock) {
        this.store = store;
        this.cases = cases;
        this.tracker = tracker;
        this.caseFlow = caseFlow;
        this.approvals = approvals;
        this.properties = properties;
        this.clock = clock;
    }

    /** The schedule for the terms, with the limits of the product (or the default ones) and, given income and expenses, affordability. */
    public PlanQuote calculate(PlanRequest request) {
        PlanLimits limits = properties.plans().limitsFor(blankToNull(request.product()));
        return quote(request, request.totalMinor(), limits, blankToNull(request.product()));
    }

    private PlanQuote quote(PlanRequest request, Long total, PlanLimits limits, String product) {
        if (total == null) {
            throw new InvalidInputException("totalMinor", null, "the total to pay in fen is required");
        }
        if (request.instalments() == null) {
            throw new InvalidInputException("instalments", null, "the number of instalments is required");
        }
        Frequency frequency = request.frequency() == null || request.frequency().isBlank() ? Frequency.MONTHLY
                : Promises.choice("frequency", request.frequency(), Frequency.class);
        List<ScheduledInstalment> schedule = InstalmentCalculator.schedule(
                new PlanTerms(total, request.instalments(), request.firstPaymentMinor(), request.startDate(), frequency), limits.minFirstPaymentPercent());
        List<PlanLimits.Breach> breaches = limits.breaches(schedule);
        Affordability.Assessment affordability = null;
        if (request.monthlyIncomeMinor() != null || request.monthlyExpensesMinor() != null) {
            affordability = assess(request, schedule, frequency);
        }
        return new PlanQuote(total, schedule.size(), frequency.name(), product, schedule, limits, breaches, !breaches.isEmpty(), affordability);
    }

    private Affordability.Assessment assess(PlanRequest request, List<ScheduledInstalment> schedule, Frequency frequency) {
        Long income = request.monthlyIncomeMinor(), expenses = request.monthlyExpensesMinor();
        if (income == null || income < 0) {
            throw new InvalidInputException("monthlyIncomeMinor", String.valueOf(income), "the declared monthly income in fen is required (0 or more)");
        }
        if (expenses == null || expenses < 0) {
            throw new InvalidInputException("monthlyExpensesMinor", String.valueOf(expenses), "the declared monthly expenses in fen are required (0 or more)");
        }
        return properties.plans().affordability().assess(income, expenses, schedule, frequency);
    }

    /**
     * Creates a plan on an open case. Refused (400) when it is not affordable; within the product's
     * limits it is ACTIVE at once, beyond them it waits for approval. Either way the case moves to
     * NEGOTIATION by rule (never back).
     */
    @Transactional
    public Plan create(long caseId, PlanRequest request, String by) {
        PromiseStore.CaseRow c = cases.caseRow(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
        if (!c.status().equals("OPEN")) {
            throw new ConflictException("Case " + caseId + " is closed: nothing is overdue to plan");
        }
        LocalDate today = clock.today();
        int ahead = properties.plans().maxStartDaysAhead();
        if (request.startDate() == null || request.startDate().isBefore(today) || request.startDate().isAfter(today.plusDays(ahead))) {
            throw new InvalidInputException("startDate", String.valueOf(request.startDate()), "the first payment date must be from today (" + today
                    + ") to " + ahead + " days ahead (" + today.plusDays(ahead) + ")");
        }
        if (request.monthlyIncomeMinor() == null || request.monthlyExpensesMinor() == null) {
            throw new InvalidInputException(request.monthlyIncomeMinor() == null ? "monthlyIncomeMinor" : "monthlyExpensesMinor", null,
                    "a plan is based on an affordability check: the customer's declared monthly income and expenses in fen are required");
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", note.substring(0, 40) + "…", "a note is at most " + MAX_NOTE + " characters");
        }
        List<String> products = store.productsOf(c.customerId());
        PlanLimits limits = products.stream().map(properties.plans()::limitsFor).reduce(PlanLimits::stricter)
                .orElse(properties.plans().limitsFor(null));
        Long total = request.totalMinor() != null ? request.totalMinor() : store.overdueTotal(c.customerId()).filter(t -> t > 0)
                .orElseThrow(() -> new InvalidInputException("totalMinor", null, "the total is required: the case has no overdue total to take"));
        PlanQuote quote = quote(request, total, limits, String.join(",", products));
        Affordability.Assessment affordability = quote.affordability();
        if (affordability.verdict() == Affordability.Verdict.REFUSE) {
            throw new InvalidInputException("affordability", affordability.code(), "the plan is not affordable: " + affordability.reason());
        }
        PromiseStore.AgentRow agent = request.agentId() == null || request.agentId().isBlank() ? cases.currentAgent(caseId).orElse(null)
                : cases.agent(request.agentId().strip()).orElseThrow(() -> new InvalidInputException("agentId", request.agentId(), "no agent with this id"));
        store.livePlanOf(caseId).ifPresent(live -> {
            throw new ConflictException("Case " + caseId + " has a plan (" + live + ") pending approval or active; cancel it first");
        });
        PlanStatus status = quote.needsApproval() ? PlanStatus.PENDING_APPROVAL : PlanStatus.ACTIVE;
        Approvals approver = quote.needsApproval() ? approvals.getIfAvailable() : null;
        if (quote.needsApproval() && approver == null) {
            throw new ConflictException("The plan is beyond the product's limits (" + describe(quote.breaches())
                    + ") and needs approval, but approvals are not available in this installation");
        }
        var plans = properties.plans();
        Long id = store.insert(new PlanStore.Insert(caseId, c.customerId(), total, quote.instalments(), quote.schedule().getFirst().amount(),
                quote.frequency(), request.startDate(), limits.maxInstalments(), limits.minFirstPaymentPercent(),
                quote.breaches().stream().map(PlanLimits.Breach::code).toArray(String[]::new), plans.graceDays(), plans.breakAfterMissed(),
                affordability.monthlyIncome(), affordability.monthlyExpenses(), affordability.verdict().name(), affordability.code(), status,
                agent == null ? null : agent.id(), agent == null ? null : agent.teamId(), today, clock.now(), by, note, quote.schedule()));
        if (id == null) {
            throw new ConflictException("Case " + caseId + " got a plan meanwhile");
        }
        if (approver != null) {
            var approval = approver.request(new Approvals.NewApproval(APPROVAL_KIND, id, caseId, total,
                    "Instalment plan of " + MinorUnits.format(total, 2) + " yuan in " + quote.instalments() + " " + quote.frequency().toLowerCase()
                            + " instalments: " + describe(quote.breaches()), by, note));
            store.setApproval(id, approval.id());
        }
        caseFlow.advanceByRule(new long[]{caseId}, CaseStage.NEGOTIATION, today, "INSTALMENT_PLAN");
        if (status == PlanStatus.ACTIVE) {
            tracker.track(PlanTracker.Scope.ONE, null, id, today);
        }
        return find(id);
    }

    /** Approval of a plan beyond its limits: approved → ACTIVE from today; rejected → REJECTED. Other kinds are not ours. */
    @EventListener
    @Transactional
    public void onApprovalDecided(ApprovalDecided decided) {
        if (!APPROVAL_KIND.equals(decided.kind())) {
            return;
        }
        LocalDate today = clock.today();
        if (decided.approved()) {
            if (store.activate(decided.subjectId(), today)) {
                tracker.track(PlanTracker.Scope.ONE, null, decided.subjectId(), today);
            }
        } else {
            store.end(decided.subjectId(), PlanStatus.REJECTED, today, "APPROVAL_REJECTED: " + (decided.reason() == null ? "" : decided.reason())
                    + " (" + decided.decidedBy() + ")", PlanStatus.PENDING_APPROVAL);
        }
    }

    /** Cancels a plan pending approval or active, with a reason. */
    @Transactional
    public Plan cancel(long id, String reason, String by) {
        Plan plan = find(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", reason, "a reason is required to cancel a plan");
        }
        if (!store.end(id, PlanStatus.CANCELLED, clock.today(), "CANCELLED: " + reason.strip() + " (" + by + ")", PlanStatus.PENDING_APPROVAL,
                PlanStatus.ACTIVE)) {
            throw new ConflictException("Plan " + id + " is " + plan.status() + ": only a plan pending approval or active can be cancelled");
        }
        return find(id);
    }

    public Plan find(long id) {
        PlanStore.Row row = store.find(id).orElseThrow(() -> new NotFoundException("plan", id));
        return view(row, store.schedule(id), asOf());
    }

    /** Today, or the latest daily run's business date when that ran for a later date: what plans were last tracked as of. */
    private LocalDate asOf() {
        LocalDate today = clock.today();
        return store.latestRunDate().filter(today::isBefore).orElse(today);
    }

    public List<Plan> list(String status, Long caseId, int page, int size) {
        if (status != null) {
            Promises.choice("status", status, PlanStatus.class);
        }
        LocalDate asOf = asOf();
        return store.list(status, caseId, size, (long) page * size).stream().map(r -> view(r, store.schedule(r.id()), asOf)).toList();
    }

    public List<CreditRestoration> creditRestorations(int page, int size) {
        return store.creditRestorations(size, (long) page * size);
    }

    private Plan view(PlanStore.Row r, List<ScheduledInstalment> schedule, LocalDate now) {
        // As the plan stands now; an ended plan as it stood when it ended.
        LocalDate asOf = r.endedOn() != null ? r.endedOn() : now;
        PlanProgress.Progress progress = PlanProgress.of(schedule, r.paid(), asOf, r.graceDays(), r.breakAfterMissed());
        List<Plan.Instalment> instalments = progress.instalments().stream()
                .map(p -> new Plan.Instalment(p.instalment().seq(), p.instalment().dueOn(), p.instalment().amount(), p.paid(), p.state())).toList();
        return new Plan(r.id(), r.caseId(), r.customerRef(), r.status(), r.total(), r.instalments(), r.firstPayment(), r.frequency(), r.startOn(),
                r.maxInstalments(), r.minFirstPercent(), r.breaches(), r.graceDays(), r.breakAfterMissed(), r.income(), r.expenses(),
                r.affordability(), r.affordabilityCode(), r.approvalId(), r.agentRef(), r.teamCode(), r.createdOn(), r.createdBy(), r.note(),
                r.activatedOn(), r.paid(), progress.remaining(), r.missed(), r.oldestUnpaidDueOn(),
                r.status() == PlanStatus.ACTIVE ? progress.daysPastDue() : 0, r.endedOn(), r.endReason(), r.creditRestorationOn(), instalments);
    }

    private static String describe(List<PlanLimits.Breach> breaches) {
        return String.join("; ", breaches.stream().map(PlanLimits.Breach::describe).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
