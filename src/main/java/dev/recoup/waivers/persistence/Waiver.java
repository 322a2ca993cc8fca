package dev.recoup.waivers.persistence;

import dev.recoup.approvals.ApprovalDetail;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A waiver or settlement as the API and pages show it: amounts in fen, its evidence (without the
 * bytes), its approval with every decision, and whether the case is left out of KPIs.
 */
public record Waiver(long id, String kind, long caseId, String accountRef, long feeFen, long penaltyFen, long interestFen, long principalFen,
                     long totalFen, Long settlementAmountFen, String reason, boolean excludeFromKpis, String status, Long approvalId,
                     String requestedBy, OffsetDateTime requestedAt, String decidedBy, String decisionReason, OffsetDateTime decidedAt,
                     List<Evidence> evidence, ApprovalDetail approval) {

    public record Evidence(long id, String fileName, String contentType, long sizeBytes, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
    }
}
