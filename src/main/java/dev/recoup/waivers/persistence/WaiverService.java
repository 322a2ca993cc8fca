package dev.recoup.waivers.persistence;

import dev.recoup.approvals.ApprovalDecided;
import dev.recoup.approvals.Approvals;
import dev.recoup.documents.Documents;
import dev.recoup.payments.Adjustments;
import dev.recoup.payments.AmountComponent;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.MinorUnits;
import dev.recoup.shared.NotFoundException;
import dev.recoup.waivers.KpiExclusions;
import dev.recoup.waivers.domain.EvidenceFile;
import dev.recoup.waivers.domain.WaiverAmounts;
import dev.recoup.waivers.domain.WaiverKind;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Waivers and settlements (R17). A request starts as a draft, gathers its proof of hardship, and is
 * submitted for approval (at least one file); the approval's levels follow from its amount and
 * whether it forgives principal. When the last level approves, in that same transaction, each
 * forgiven component is posted as an adjustment (idempotent per waiver and component) and the case
 * is left out of KPIs if the request said so; a rejection at any level ends it.
 */
@Service
public class WaiverService implements KpiExclusions {

    private static final int MAX_REASON = 2000;
    private static final Set<String> KINDS = Set.of("WAIVER", "SETTLEMENT");

    private final JdbcClient jdbc;
    private final Approvals approvals;
    private final Adjustments adjustments;
    private final Documents documents;
    private final WaiverProperties properties;
    private final BusinessClock clock;

    WaiverService(JdbcClient jdbc, Approvals approvals, Adjustments adjustments, Documents documents, WaiverProperties properties, BusinessClock clock) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.adjustments = adjustments;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    public WaiverProperties properties() {
        return properties;
    }

    /**
     * A new draft waiver or settlement for one account of the case's customer.
     *
     * @throws InvalidInputException for principal outside a settlement, an amount above what the account's schedule holds of a
     *                               component, a missing reason, or an account of another customer
     */
    @Transactional
    public Waiver create(long caseId, String accountRef, WaiverAmounts amounts, String reason, boolean excludeFromKpis, String user) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", reason, "describe the hardship (说明困难情况)");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", why.substring(0, 40) + "…", "reason is at most " + MAX_REASON + " characters");
        }
        Long customer = jdbc.sql("select customer_id from collection_case where id = ?").param(caseId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("case", caseId));
        if (accountRef == null || accountRef.isBlank()) {
            throw new InvalidInputException("accountRef", accountRef, "the account whose debt is waived is required");
        }
        record Account(long id, long customerId) {
        }
        Account account = jdbc.sql("select id, customer_id from account where account_ref = ?").param(accountRef.strip()).query(Account.class)
                .optional().orElseThrow(() -> new InvalidInputException("accountRef", accountRef, "no such account"));
        if (account.customerId() != customer) {
            throw new InvalidInputException("accountRef", accountRef, "the account is not the case's customer's");
        }
        record Due(long fee, long penalty, long interest, long principal) {
        }
        Due due = jdbc.sql("""
                        select coalesce(sum(fee_due), 0) as fee, coalesce(sum(penalty_due), 0) as penalty, coalesce(sum(interest_due), 0) as interest,
                               coalesce(sum(principal_due), 0) as principal
                        from instalment where account_id = ?""").param(account.id()).query(Due.class).single();
        over("feeFen", amounts.fee(), due.fee());
        over("penaltyFen", amounts.penalty(), due.penalty());
        over("interestFen", amounts.interest(), due.interest());
        over("principalFen", amounts.principal(), due.principal());
        long id = jdbc.sql("""
                        insert into waiver (kind, case_id, account_id, fee, penalty, interest, principal, settlement_amount, reason, exclude_from_kpis,
                                            status, requested_by, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?) returning id""")
                .params(amounts.kind().name(), caseId, account.id(), amounts.fee(), amounts.penalty(), amounts.interest(), amounts.principal(),
                        amounts.settlementAmount(), why, excludeFromKpis, user, now())
                .query(Long.class).single();
        return find(id);
    }

    private static void over(String field, long asked, long due) {
        if (asked > due) {
            throw new InvalidInputException(field, Long.toString(asked), "the account's schedule has only " + due + " fen of it; a waiver cannot exceed it");
        }
    }

    /** Adds a proof-of-hardship file (PDF, JPEG or PNG) to a draft or pending waiver; the same file twice is kept once. */
    @Transactional
    public Waiver.Evidence addEvidence(long waiverId, String fileName, byte[] content, String user) {
        String status = lockedStatus(waiverId);
        if (!status.equals("DRAFT") && !status.equals("PENDING")) {
            throw new ConflictException("Waiver " + waiverId + " is " + status + ": evidence can no longer be added");
        }
        EvidenceFile file = EvidenceFile.of(fileName, content, properties.evidenceMaxFileSize().toBytes());
        long files = jdbc.sql("select count(*) from waiver_evidence where waiver_id = ?").param(waiverId).query(Long.class).single();
        String sha256 = sha256(file.content());
        Long existing = jdbc.sql("select id from waiver_evidence where waiver_id = ? and sha256 = ?").params(waiverId, sha256).query(Long.class)
                .optional().orElse(null);
        if (existing == null) {
            if (files >= properties.evidenceMaxFiles()) {
                throw new InvalidInputException("file", file.fileName(), "a waiver has at most " + properties.evidenceMaxFiles() + " files");
            }
            existing = jdbc.sql("""
                            insert into waiver_evidence (waiver_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(waiverId, file.fileName(), file.contentType(), file.content().length, sha256, file.content(), user, now())
                    .query(Long.class).single();
        }
        long id = existing;
        return evidence(waiverId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** Submits a draft for approval; it needs at least one proof-of-hardship file. */
    @Transactional
    public Waiver submit(long waiverId, String user) {
        String status = lockedStatus(waiverId);
        if (!status.equals("DRAFT")) {
            throw new ConflictException("Waiver " + waiverId + " is " + status + ", not a draft: it was submitted already");
        }
        if (evidence(waiverId).isEmpty()) {
            throw new InvalidInputException("evidence", "0", "upload proof of hardship before submitting (提交前请上传困难证明)");
        }
        Waiver waiver = find(waiverId);
        String summary = summary(waiver);
        Approvals.ApprovalRequest request = approvals.request(new Approvals.NewApproval(waiver.kind(), waiverId, waiver.caseId(), waiver.totalFen(),
                summary, waiver.requestedBy(), waiver.reason(), waiver.principalFen() > 0));
        jdbc.sql("update waiver set status = 'PENDING', approval_id = ? where id = ?").params(request.id(), waiverId).update();
        return find(waiverId);
    }

    /** Withdraws a draft or pending waiver (and its approval request). */
    @Transactional
    public Waiver withdraw(long waiverId, String user) {
        String status = lockedStatus(waiverId);
        if (!status.equals("DRAFT") && !status.equals("PENDING")) {
            throw new ConflictException("Waiver " + waiverId + " is " + status + ": nothing to withdraw");
        }
        Long approvalId = jdbc.sql("select approval_id from waiver where id = ?").param(waiverId).query(Long.class).optional().orElse(null);
        if (approvalId != null) {
            approvals.withdraw(approvalId, user);
        }
        jdbc.sql("update waiver set status = 'WITHDRAWN', decided_by = ?, decided_at = ? where id = ?").params(user, now(), waiverId).update();
        return find(waiverId);
    }

    /**
     * The final decision on a waiver's or settlement's approval, in the deciding transaction: an
     * approval posts each forgiven component as an adjustment and, when asked, leaves the case out of
     * KPIs. If an adjustment is refused (the account owes less of a component by now), the whole
     * decision fails and nothing is recorded.
     */
    @EventListener
    void decided(ApprovalDecided decision) {
        if (!KINDS.contains(decision.kind())) {
            return;
        }
        record Row(long id, String status, Long approvalId, long accountId, long caseId, long fee, long penalty, long interest, long principal,
                   boolean excludeFromKpis, String reason, String kind) {
        }
        Row waiver = jdbc.sql("""
                        select id, status, approval_id, account_id, case_id, fee, penalty, interest, principal, exclude_from_kpis, reason, kind
                        from waiver where id = ? for update""")
                .param(decision.subjectId()).query(Row.class).optional().orElse(null);
        if (waiver == null || !"PENDING".equals(waiver.status()) || waiver.approvalId() == null || waiver.approvalId() != decision.approvalId()) {
            return;
        }
        if (!decision.approved()) {
            jdbc.sql("update waiver set status = 'REJECTED', decided_by = ?, decision_reason = ?, decided_at = ? where id = ?")
                    .params(decision.decidedBy(), decision.reason(), now(), waiver.id()).update();
            return;
        }
        Map<AmountComponent, Long> forgiven = new LinkedHashMap<>();
        forgiven.put(AmountComponent.FEE, waiver.fee());
        forgiven.put(AmountComponent.PENALTY, waiver.penalty());
        forgiven.put(AmountComponent.INTEREST, waiver.interest());
        forgiven.put(AmountComponent.PRINCIPAL, waiver.principal());
        String label = (waiver.kind().equals("SETTLEMENT") ? "settlement" : "waiver") + " #" + waiver.id() + " approved (approval #"
                + decision.approvalId() + "): " + waiver.reason();
        forgiven.forEach((component, amount) -> {
            if (amount > 0) {
                adjustments.post(new Adjustments.AdjustmentRequest(waiver.accountId(), component, amount, truncate(label, 500), waiver.kind(),
                        waiver.id(), decision.decidedBy()));
            }
        });
        jdbc.sql("update waiver set status = 'APPROVED', decided_by = ?, decision_reason = ?, decided_at = ? where id = ?")
                .params(decision.decidedBy(), decision.reason(), now(), waiver.id()).update();
        if (waiver.excludeFromKpis()) {
            jdbc.sql("""
                            insert into case_kpi_exclusion (case_id, waiver_id, reason, excluded_by, excluded_at) values (?, ?, ?, ?, ?)
                            on conflict (case_id) do nothing""")
                    .params(waiver.caseId(), waiver.id(), truncate(label, 500), decision.decidedBy(), now()).update();
        }
    }

    /** Generates the customer's waiver application (R19) for this waiver, kept with the case. */
    @Transactional
    public Documents.StoredDocument application(long waiverId, String language, String user) {
        Waiver waiver = find(waiverId);
        List<String> parts = new ArrayList<>();
        boolean zh = !"en".equals(language);
        if (waiver.penaltyFen() > 0) {
            parts.add(zh ? "罚息" : "penalty interest");
        }
        if (waiver.feeFen() > 0) {
            parts.add(zh ? "费用" : "fees");
        }
        if (waiver.interestFen() > 0) {
            parts.add(zh ? "利息" : "interest");
        }
        if (waiver.principalFen() > 0) {
            parts.add(zh ? "部分本金（和解结清）" : "part of the principal (settlement)");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("waiverAmountFen", Long.toString(waiver.totalFen()));
        variables.put("waiverComponents", String.join(zh ? "、" : ", ", parts));
        variables.put("hardshipReason", waiver.reason());
        if (waiver.settlementAmountFen() != null) {
            variables.put("settlementAmountFen", waiver.settlementAmountFen().toString());
        }
        return documents.generate(new Documents.DocumentRequest(Documents.Kind.WAIVER_APPLICATION, waiver.caseId(), variables, language, user));
    }

    public Waiver find(long waiverId) {
        return jdbc.sql(SELECT + " where w.id = ?").param(waiverId).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("waiver", waiverId));
    }

    public List<Waiver> list(long caseId) {
        return jdbc.sql(SELECT + " where w.case_id = ? order by w.id desc").param(caseId).query((rs, n) -> row(rs)).list();
    }

    public byte[] evidenceContent(long waiverId, long evidenceId) {
        return jdbc.sql("select content from waiver_evidence where waiver_id = ? and id = ?").params(waiverId, evidenceId).query(byte[].class)
                .optional().orElseThrow(() -> new NotFoundException("evidence of waiver " + waiverId, evidenceId));
    }

    @Override
    public boolean isExcluded(long caseId) {
        return jdbc.sql("select exists (select 1 from case_kpi_exclusion where case_id = ?)").param(caseId).query(Boolean.class).single();
    }

    @Override
    public List<Exclusion> all() {
        return jdbc.sql("select case_id, waiver_id, reason, excluded_by, excluded_at from case_kpi_exclusion order by case_id")
                .query((rs, n) -> new Exclusion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    private static final String SELECT = """
            select w.*, a.account_ref from waiver w join account a on a.id = w.account_id""";

    private Waiver row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        long approvalId = rs.getLong("approval_id");
        boolean hasApproval = !rs.wasNull();
        long settlement = rs.getLong("settlement_amount");
        Long settlementAmount = rs.wasNull() ? null : settlement;
        return new Waiver(id, rs.getString("kind"), rs.getLong("case_id"), rs.getString("account_ref"), rs.getLong("fee"), rs.getLong("penalty"),
                rs.getLong("interest"), rs.getLong("principal"), rs.getLong("total"), settlementAmount, rs.getString("reason"),
                rs.getBoolean("exclude_from_kpis"), rs.getString("status"), hasApproval ? approvalId : null, rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getString("decision_reason"),
                rs.getObject("decided_at", OffsetDateTime.class), evidence(id), hasApproval ? approvals.detail(approvalId) : null);
    }

    private List<Waiver.Evidence> evidence(long waiverId) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at from waiver_evidence where waiver_id = ? order by id""")
                .param(waiverId)
                .query((rs, n) -> new Waiver.Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    private String lockedStatus(long waiverId) {
        return jdbc.sql("select status from waiver where id = ? for update").param(waiverId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("waiver", waiverId));
    }

    private static String summary(Waiver waiver) {
        StringBuilder text = new StringBuilder(waiver.kind().equals("SETTLEMENT") ? "和解结清 settlement" : "减免 waiver");
        text.append(" ").append(waiver.accountRef()).append(":");
        append(text, "罚息 penalty", waiver.penaltyFen());
        append(text, "费用 fee", waiver.feeFen());
        append(text, "利息 interest", waiver.interestFen());
        append(text, "本金 principal", waiver.principalFen());
        if (waiver.settlementAmountFen() != null) {
            text.append("; 客户支付 customer pays ").append(MinorUnits.format(waiver.settlementAmountFen(), 2));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String label, long fen) {
        if (fen > 0) {
            text.append(" ").append(label).append(" ").append(MinorUnits.format(fen, 2));
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private OffsetDateTime now() {
        return clock.now().atOffset(ZoneOffset.UTC);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static WaiverKind kind(String text) {
        try {
            return WaiverKind.valueOf(text == null ? "WAIVER" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", text, "kind is WAIVER or SETTLEMENT");
        }
    }
}
