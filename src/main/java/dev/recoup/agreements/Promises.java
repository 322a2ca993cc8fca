package dev.recoup.agreements;

import dev.recoup.agreements.domain.KeepRule;
import dev.recoup.agreements.domain.PromiseChannel;
import dev.recoup.agreements.domain.PromiseStatus;
import dev.recoup.agreements.persistence.PromiseJudge;
import dev.recoup.agreements.persistence.PromiseStore;
import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseStage;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Promises to pay (R15): recording one on a case (one open promise per case), cancelling it before
 * its date, reading them, and the kept rate per agent and team. Judging happens at once when a
 * payment is posted ({@link PaymentJudging}) and in the daily run ({@link AgreementsDailyStep}).
 */
@Service
public class Promises {

    private static final int MAX_NOTE = 2000;

    private final PromiseStore store;
    private final PromiseJudge judge;
    private final CaseFlow caseFlow;
    private final AgreementsProperties properties;
    private final BusinessClock clock;

    Promises(PromiseStore store, PromiseJudge judge, CaseFlow caseFlow, AgreementsProperties properties, BusinessClock clock) {
        this.store = store;
        this.judge = judge;
        this.caseFlow = caseFlow;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records a promise on an open case and moves the case to NEGOTIATION by rule (never back). The
     * tolerance and grace days in force are fixed on it. Payments already made today on its accounts
     * count at once.
     *
     * @throws InvalidInputException naming the field for a missing or bad value
     * @throws ConflictException     when the case is closed or already has an open promise
     */
    @Transactional
    public Promise record(long caseId, NewPromise request, String by) {
        PromiseStore.CaseRow c = store.caseRow(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
        if (!c.status().equals("OPEN")) {
            throw new ConflictException("Case " + caseId + " is closed: nothing is overdue to promise");
        }
        LocalDate today = clock.today();
        LocalDate date = request.promisedOn();
        if (date == null) {
            throw new InvalidInputException("promisedOn", null, "the date the customer promises to pay by is required (YYYY-MM-DD)");
        }
        int ahead = properties.promises().maxDaysAhead();
        if (date.isBefore(today) || date.isAfter(today.plusDays(ahead))) {
            throw new InvalidInputException("promisedOn", date.toString(), "the promised date must be from today (" + today + ") to "
                    + ahead + " days ahead (" + today.plusDays(ahead) + ")");
        }
        if (request.amountMinor() == null || request.amountMinor() <= 0) {
            throw new InvalidInputException("amountMinor", String.valueOf(request.amountMinor()), "the promised amount in fen must be at least 1");
        }
        PromiseChannel channel = choice("channel", request.channel(), PromiseChannel.class);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", note.substring(0, 40) + "…", "a note is at most " + MAX_NOTE + " characters");
        }
        long[] accounts = accounts(c.customerId(), request.accountIds());
        PromiseStore.AgentRow agent = request.agentId() == null || request.agentId().isBlank() ? store.currentAgent(caseId).orElse(null)
                : store.agent(request.agentId().strip()).orElseThrow(() -> new InvalidInputException("agentId", request.agentId(), "no agent with this id"));
        store.openPromiseOf(caseId).ifPresent(open -> {
            throw new ConflictException("Case " + caseId + " has an open promise (" + open + "); cancel it or wait until it is judged");
        });
        KeepRule rule = properties.promises().keepRule();
        Long id = store.insert(new PromiseStore.Insert(caseId, c.customerId(), date, request.amountMinor(), rule.requiredAmount(request.amountMinor()),
                rule.graceEndsOn(date), channel.name(), agent == null ? null : agent.id(), agent == null ? null : agent.teamId(), today,
                clock.now(), by, note, accounts));
        if (id == null) {
            throw new ConflictException("Case " + caseId + " got an open promise meanwhile");
        }
        caseFlow.advanceByRule(new long[]{caseId}, CaseStage.NEGOTIATION, today, "PROMISE_TO_PAY");
        judge.judge(PromiseJudge.Scope.ONE, null, id, today, "PAYMENT");
        return find(id);
    }

    /** Cancels an open promise before its date passes, with a reason; a cancelled promise counts nowhere. */
    @Transactional
    public Promise cancel(long id, String reason, String by) {
        Promise promise = find(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", reason, "a reason is required to cancel a promise");
        }
        if (promise.status() != PromiseStatus.OPEN) {
            throw new ConflictException("Promise " + id + " is " + promise.status() + ": only an open promise can be cancelled");
        }
        LocalDate today = clock.today();
        if (promise.promisedOn().isBefore(today)) {
            throw new ConflictException("Promise " + id + " was due on " + promise.promisedOn() + ": it is judged by its payments, not cancelled");
        }
        if (!store.cancel(id, today, reason.strip() + " (" + by + ")")) {
            throw new ConflictException("Promise " + id + " was judged meanwhile");
        }
        return find(id);
    }

    public Promise find(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("promise", id));
    }

    public List<Promise> ofCase(long caseId) {
        store.caseRow(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
        return store.ofCase(caseId);
    }

    public List<Promise> list(String status, String agentId, Long caseId, int page, int size) {
        if (status != null) {
            choice("status", status, PromiseStatus.class);
        }
        return store.list(status, agentId, caseId, size, (long) page * size);
    }

    public long count(String status) {
        return store.count(status);
    }

    public enum By { AGENT, TEAM }

    /** PTP kept rate per agent or team over promises due from {@code from} to {@code to}. */
    public List<KeptRate> keptRates(By by, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("from", String.valueOf(from), "a period from … to (YYYY-MM-DD, from ≤ to) is required");
        }
        return store.keptRates(by == By.TEAM ? PromiseStore.Grouping.TEAM : PromiseStore.Grouping.AGENT, from, to);
    }

    private long[] accounts(long customerId, List<String> refs) {
        List<PromiseStore.AccountRef> own = store.accountsOf(customerId);
        if (refs == null || refs.isEmpty()) {
            return own.stream().mapToLong(PromiseStore.AccountRef::id).toArray();
        }
        Map<String, Long> byRef = own.stream().collect(Collectors.toMap(PromiseStore.AccountRef::ref, PromiseStore.AccountRef::id));
        Set<Long> ids = new LinkedHashSet<>();
        for (String ref : refs) {
            Long id = byRef.get(ref);
            if (id == null) {
                throw new InvalidInputException("accountIds", ref, "not an account of the case's customer");
            }
            ids.add(id);
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value, field + " is required: one of " + Arrays.toString(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, value, field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
