package dev.recoup.payments.persistence;

import dev.recoup.payments.AdjustmentPosted;
import dev.recoup.payments.Adjustments;
import dev.recoup.payments.AmountComponent;
import dev.recoup.payments.domain.Allocation;
import dev.recoup.payments.domain.OpenInstalment;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Adjustments (approved waivers, settlement discounts): allocated to their one component, oldest
 * instalment first, in the caller's transaction; never more than the account still owes of it.
 */
@Service
class JdbcAdjustments implements Adjustments {

    private final JdbcClient jdbc;
    private final AllocationJournal journal;
    private final PostingLocks locks;
    private final ApplicationEventPublisher events;
    private final BusinessClock clock;

    JdbcAdjustments(JdbcClient jdbc, AllocationJournal journal, PostingLocks locks, ApplicationEventPublisher events, BusinessClock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PostedAdjustment post(AdjustmentRequest request) {
        check(request);
        record Target(Long caseId) {
        }
        Long caseId = jdbc.sql("""
                        select (select c.id from collection_case c where c.customer_id = a.customer_id and c.status = 'OPEN') as case_id
                        from account a where a.id = ?""")
                .param(request.accountId()).query(Target.class).optional()
                .orElseThrow(() -> new NotFoundException("account", request.accountId())).caseId();
        locks.oneAccount(request.accountId());
        Optional<Long> existing = existing(request);
        if (existing.isPresent()) {
            return new PostedAdjustment(existing.get(), false);
        }
        List<OpenInstalment> schedule = journal.openSchedule(request.accountId());
        long owed = Allocation.owed(schedule, request.component());
        if (request.amountFen() > owed) {
            throw new InvalidInputException("amountFen", Long.toString(request.amountFen()),
                    "the account owes only " + owed + " fen of " + request.component() + "; an adjustment cannot lower it below nothing");
        }
        Instant now = clock.now();
        LocalDate today = clock.today();
        long id = jdbc.sql("""
                        insert into payment_adjustment (account_id, component, amount, reason, source_kind, source_id, posted_by, effective_on, posted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(request.accountId(), request.component().name(), request.amountFen(), request.reason(), request.sourceKind(),
                        request.sourceId(), request.postedBy(), today, Timestamp.from(now))
                .query(Long.class).single();
        Allocation allocation = Allocation.pourInto(schedule, request.component(), request.amountFen());
        journal.appendAdjustment(id, request.accountId(), allocation.lines(), today, now);
        events.publishEvent(new AdjustmentPosted(id, request.accountId(), caseId, request.component(), request.amountFen(), today,
                request.sourceKind(), request.sourceId()));
        return new PostedAdjustment(id, true);
    }

    private Optional<Long> existing(AdjustmentRequest request) {
        return jdbc.sql("select id from payment_adjustment where source_kind = ? and source_id = ? and component = ?")
                .params(request.sourceKind(), request.sourceId(), request.component().name()).query(Long.class).optional();
    }

    private static void check(AdjustmentRequest r) {
        if (r.component() == null) {
            throw new InvalidInputException("component", null, "an adjustment names the component it lowers: " + List.of(AmountComponent.values()));
        }
        if (r.amountFen() <= 0) {
            throw new InvalidInputException("amountFen", Long.toString(r.amountFen()), "an adjustment is an amount above zero, in fen");
        }
        if (r.sourceKind() == null || r.sourceKind().isBlank()) {
            throw new InvalidInputException("sourceKind", r.sourceKind(), "an adjustment says what it comes from (WAIVER, SETTLEMENT …)");
        }
        if (r.reason() == null || r.reason().isBlank()) {
            throw new InvalidInputException("reason", r.reason(), "an adjustment needs a reason");
        }
        if (r.postedBy() == null || r.postedBy().isBlank()) {
            throw new InvalidInputException("postedBy", r.postedBy(), "an adjustment says who posted it");
        }
    }
}
