package dev.recoup.documents;

import java.util.Map;

/** Generating a document for a case from the current version of its kind's template. */
public interface Documents {

    /** Renders, stores (with its SHA-256) and returns the document, in the caller's transaction. */
    StoredDocument generate(DocumentRequest request);

    enum Kind { REPAYMENT_COMMITMENT, INSTALMENT_AGREEMENT, WAIVER_APPLICATION, DEMAND_LETTER, LAWYERS_LETTER }

    /**
     * @param variables display values by the template's variable names (amounts already formatted by
     *                  the caller, or fen with a {@code Fen} suffix — see the template's variable list)
     * @param language  {@code zh-CN} (default) or {@code en}
     */
    record DocumentRequest(Kind kind, long caseId, Map<String, String> variables, String language, String requestedBy) {
    }

    record StoredDocument(long id, Kind kind, long caseId, int templateVersion, String sha256, long sizeBytes) {
    }
}
