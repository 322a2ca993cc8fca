package dev.recoup.waivers;

import java.util.List;

/**
 * Cases to leave out of collection KPIs because an approved waiver or settlement said so. The same
 * facts are in the table {@code case_kpi_exclusion} (case_id, waiver_id, reason, excluded_at) for
 * reports written in SQL.
 */
public interface KpiExclusions {

    boolean isExcluded(long caseId);

    List<Exclusion> all();

    record Exclusion(long caseId, long waiverId, String reason, String excludedBy, java.time.OffsetDateTime excludedAt) {
    }
}
