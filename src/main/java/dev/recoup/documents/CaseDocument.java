package dev.recoup.documents;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A document kept with a case, without its bytes.
 *
 * @param signature null until the customer signed it
 */
public record CaseDocument(long id, long caseId, Documents.Kind kind, int templateVersion, String language, String title,
                           Map<String, String> variables, String sha256, long sizeBytes, String status, String createdBy, OffsetDateTime createdAt,
                           Signature signature) {

    /**
     * How the customer signed: the typed name, from which address, when, the original's hash (which
     * must equal the document's) and the signed PDF's (the original with a signature page appended).
     */
    public record Signature(String signerName, String signerIp, String userAgent, OffsetDateTime signedAt, String originalSha256, String sha256,
                            long sizeBytes, long linkId) {
    }
}
