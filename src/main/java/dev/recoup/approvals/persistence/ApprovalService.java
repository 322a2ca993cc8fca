package dev.recoup.approvals.persistence;

import dev.recoup.approvals.ApprovalDecided;
import dev.recoup.approvals.ApprovalDetail;
import dev.recoup.approvals.Approvals;
import dev.recoup.approvals.domain.ApprovalLevel;
import dev.recoup.approvals.domain.ApprovalPolicy;
import dev.recoup.approvals.domain.PendingApproval;
import dev.recoup.access.ScopeCondition;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Approval requests (R16, R17): opened by the asking module in its transaction, decided level by
 * level by people whose role reaches the level — never by the requester, never two levels by one
 * person — and rejected at any level. The final decision is published as {@link ApprovalDecided}
 * inside the deciding transaction, so the asking module's effect (an adjustment, a plan) commits
 * with the decision or not at all.
 */
@Service
public class ApprovalService implements Approvals {

    private static final int MAX_TEXT = 2000;

    private static final RowMapper<ApprovalRequest> REQUEST = (rs, n) -> new ApprovalRequest(rs.getLong("id"), rs.getString("kind"),
            rs.getLong("subject_id"), rs.getLong("case_id"), rs.getLong("amount"), Status.valueOf(rs.getString("status")),
            rs.getInt("levels_required"), rs.getInt("levels_approved"));

    private final JdbcClient jdbc;
    private final ApprovalPolicy policy;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    ApprovalService(JdbcClient jdbc, ApprovalProperties properties, BusinessClock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.policy = properties.policy();
        this.clock = clock;
        this.events = events;
    }

    public ApprovalPolicy policy() {
        return policy;
    }

    @Override
    @Transactional
    public ApprovalRequest request(NewApproval request) {
        if (request == null) {
            throw new InvalidInputException("request", null, "an approval request is required");
        }
        String kind = request.kind() == null ? null : request.kind().strip();
        int levels = policy.levelsFor(kind, request.amountFen(), request.touchesPrincipal());
        if (request.requestedBy() == null || request.requestedBy().isBlank()) {
            throw new InvalidInputException("requestedBy", request.requestedBy(), "who asks for the approval is required");
        }
        String summary = text("summary", request.summary());
        String reason = text("reason", request.reason());
        if (!jdbc.sql("select exists (select 1 from collection_case where id = ?)").param(request.caseId()).query(Boolean.class).single()) {
            throw new NotFoundException("case", request.caseId());
        }
        return jdbc.sql("""
                        insert into approval_request (kind, subject_id, case_id, amount, touches_principal, summary, reason, status, levels_required,
                                                      requested_by, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                        on conflict (kind, subject_id) where status = 'PENDING' do nothing
                        returning *""")
                .params(kind, request.subjectId(), request.caseId(), request.amountFen(), request.touchesPrincipal(), summary, reason, levels,
                        request.requestedBy().strip(), now())
                .query(REQUEST).optional()
                .orElseGet(() -> jdbc.sql("select * from approval_request where kind = ? and subject_id = ? and status = 'PENDING'")
                        .params(kind, request.subjectId()).query(REQUEST).single());
    }

    @Override
    public ApprovalRequest find(long approvalId) {
        return jdbc.sql("select * from approval_request where id = ?").param(approvalId).query(REQUEST).optional()
                .orElseThrow(() -> new NotFoundException("approval request", approvalId));
    }

    /**
     * Withdraws a pending request (the asking module, or its requester, no longer wants it). No
     * {@link ApprovalDecided} is published: whoever withdraws knows.
     */
    @Override
    @Transactional
    public ApprovalRequest withdraw(long approvalId, String user) {
        ApprovalRequest current = jdbc.sql("select * from approval_request where id = ? for update").param(approvalId).query(REQUEST).optional()
                .orElseThrow(() -> new NotFoundException("approval request", approvalId));
        if (current.status() != Status.PENDING) {
            throw new ConflictException("Approval request " + approvalId + " is " + current.status() + ", not pending: nothing to withdraw");
        }
        return jdbc.sql("update approval_request set status = 'WITHDRAWN', decided_at = ? where id = ? returning *")
                .params(now(), approvalId).query(REQUEST).single();
    }

    /**
     * Decides the next level of a request. Approving the last level approves the request;
     * rejecting at any level rejects it. Either final outcome is published in this transaction.
     *
     * @param roles the decider's roles (without the {@code ROLE_} prefix)
     * @throws DecisionRefusedException when this person may not decide this request now
     */
    @Transactional
    public ApprovalDetail decide(long approvalId, String user, Set<String> roles, boolean approve, String reason) {
        String why = text("reason", reason);
        if (why == null) {
            throw new InvalidInputException("reason", reason, "a decision needs a reason");
        }
        // The row lock orders two people deciding the same request at once: the second sees the first's level.
        PendingApproval pending = jdbc.sql("""
                        select id, status, requested_by, levels_required, levels_approved from approval_request where id = ? for update""")
                .param(approvalId)
                .query((rs, n) -> new PendingApproval(rs.getLong("id"), rs.getString("status"), rs.getString("requested_by"),
                        rs.getInt("levels_required"), rs.getInt("levels_approved"), Set.of()))
                .optional().orElseThrow(() -> new NotFoundException("approval request", approvalId));
        pending = new PendingApproval(pending.id(), pending.status(), pending.requestedBy(), pending.levelsRequired(), pending.levelsApproved(),
                new HashSet<>(jdbc.sql("select decided_by from approval_decision where approval_id = ?").param(approvalId).query(String.class).list()));
        PendingApproval.Refusal refusal = pending.refusalFor(user, roles, policy).orElse(null);
        if (refusal != null) {
            throw new DecisionRefusedException(refusal);
        }
        ApprovalLevel level = policy.level(pending.nextLevel());
        OffsetDateTime at = now();
        jdbc.sql("""
                        insert into approval_decision (approval_id, level, level_name, decision, decided_by, roles, reason, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(approvalId, level.number(), level.name(), approve ? "APPROVE" : "REJECT", user, String.join(",", new TreeSet<>(roles)), why, at)
                .update();
        boolean last = approve && level.number() >= pending.levelsRequired();
        String status = !approve ? "REJECTED" : last ? "APPROVED" : "PENDING";
        ApprovalRequest updated = jdbc.sql("""
                        update approval_request set levels_approved = levels_approved + ?, status = ?, decided_at = case when ?::text <> 'PENDING' then ?::timestamptz end
                        where id = ? returning *""")
                .params(approve ? 1 : 0, status, status, at, approvalId).query(REQUEST).single();
        if (updated.status() != Status.PENDING) {
            events.publishEvent(new ApprovalDecided(updated.id(), updated.kind(), updated.subjectId(), updated.caseId(),
                    updated.status() == Status.APPROVED, user, why));
        }
        return detail(approvalId);
    }

    @Override
    public ApprovalDetail detail(long approvalId) {
        List<ApprovalDetail.Decision> decisions = jdbc.sql("""
                        select level, level_name, decision, decided_by, roles, reason, decided_at from approval_decision
                        where approval_id = ? order by level""")
                .param(approvalId)
                .query((rs, n) -> new ApprovalDetail.Decision(rs.getInt("level"), rs.getString("level_name"), rs.getString("decision"),
                        rs.getString("decided_by"), rs.getString("roles"), rs.getString("reason"), rs.getObject("decided_at", OffsetDateTime.class)))
                .list();
        return jdbc.sql("select * from approval_request where id = ?").param(approvalId).query((rs, n) -> {
            Status status = Status.valueOf(rs.getString("status"));
            int next = status == Status.PENDING ? rs.getInt("levels_approved") + 1 : 0;
            return new ApprovalDetail(rs.getLong("id"), rs.getString("kind"), rs.getLong("subject_id"), rs.getLong("case_id"), rs.getLong("amount"),
                    rs.getBoolean("touches_principal"), rs.getString("summary"), rs.getString("reason"), status, rs.getInt("levels_required"),
                    rs.getInt("levels_approved"), next, next == 0 ? null : policy.level(next).name(), rs.getString("requested_by"),
                    rs.getObject("requested_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class), decisions);
        }).optional().orElseThrow(() -> new NotFoundException("approval request", approvalId));
    }

    /**
     * What {@code user} may decide now: pending requests at a level their roles reach, not their own,
     * and not ones they already decided a level of. Oldest first.
     */
    public List<ApprovalDetail> inbox(String user, Set<String> roles, int limit) {
        return inbox(user, roles, ScopeCondition.ALL, limit);
    }

    /**
     * The inbox narrowed to the cases {@code scope} keeps (a team lead: its teams' cases; see
     * dev.recoup.access.CaseScope, bound over {@code r.case_id}). Two statements whatever the length.
     */
    public List<ApprovalDetail> inbox(String user, Set<String> roles, ScopeCondition scope, int limit) {
        Integer[] levels = policy.levels().stream().filter(l -> l.allows(roles)).map(ApprovalLevel::number).toArray(Integer[]::new);
        if (levels.length == 0 || "false".equals(scope.sql())) {
            return List.of();
        }
        return details(jdbc.sql("""
                        select r.id from approval_request r
                        where r.status = 'PENDING' and r.levels_approved + 1 = any (:levels) and r.requested_by <> :user
                          and not exists (select 1 from approval_decision d where d.approval_id = r.id and d.decided_by = :user)
                          and (%s)
                        order by r.requested_at, r.id limit :limit""".formatted(scope.sql()))
                .param("levels", levels).param("user", user).param("limit", limit).params(scope.params())
                .query(Long.class).list());
    }

    /** Requests by status and/or case, newest first. */
    public List<ApprovalDetail> list(Status status, Long caseId, int limit) {
        return list(status, caseId, ScopeCondition.ALL, limit);
    }

    /** Requests by status and/or case among the cases {@code scope} keeps (over {@code r.case_id}), newest first. */
    public List<ApprovalDetail> list(Status status, Long caseId, ScopeCondition scope, int limit) {
        if ("false".equals(scope.sql())) {
            return List.of();
        }
        return details(jdbc.sql("""
                        select r.id from approval_request r
                        where (cast(:status as text) is null or r.status = :status) and (cast(:caseId as bigint) is null or r.case_id = :caseId)
                          and (%s)
                        order by r.id desc limit :limit""".formatted(scope.sql()))
                .param("status", status == null ? null : status.name()).param("caseId", caseId).param("limit", limit).params(scope.params())
                .query(Long.class).list());
    }

    /** The requests with their decisions, in the order of {@code ids}: two statements, not two per request. */
    private List<ApprovalDetail> details(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        java.util.Map<Long, List<ApprovalDetail.Decision>> decisions = new java.util.HashMap<>();
        jdbc.sql("""
                        select approval_id, level, level_name, decision, decided_by, roles, reason, decided_at from approval_decision
                        where approval_id = any (?) order by approval_id, level""")
                .param(array)
                .query((rs, n) -> decisions.computeIfAbsent(rs.getLong("approval_id"), k -> new java.util.ArrayList<>())
                        .add(new ApprovalDetail.Decision(rs.getInt("level"), rs.getString("level_name"), rs.getString("decision"),
                                rs.getString("decided_by"), rs.getString("roles"), rs.getString("reason"),
                                rs.getObject("decided_at", OffsetDateTime.class))))
                .list();
        java.util.Map<Long, ApprovalDetail> byId = new java.util.HashMap<>();
        jdbc.sql("select * from approval_request where id = any (?)").param(array).query((rs, n) -> {
            Status status = Status.valueOf(rs.getString("status"));
            int next = status == Status.PENDING ? rs.getInt("levels_approved") + 1 : 0;
            long id = rs.getLong("id");
            return byId.put(id, new ApprovalDetail(id, rs.getString("kind"), rs.getLong("subject_id"), rs.getLong("case_id"),
                    rs.getLong("amount"), rs.getBoolean("touches_principal"), rs.getString("summary"), rs.getString("reason"), status,
                    rs.getInt("levels_required"), rs.getInt("levels_approved"), next, next == 0 ? null : policy.level(next).name(),
                    rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class),
                    rs.getObject("decided_at", OffsetDateTime.class), decisions.getOrDefault(id, List.of())));
        }).list();
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private OffsetDateTime now() {
        return clock.now().atOffset(ZoneOffset.UTC);
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            throw new InvalidInputException(field, stripped.substring(0, 40) + "…", field + " is at most " + MAX_TEXT + " characters");
        }
        return stripped;
    }
}
