package dev.recoup.access;

/**
 * Which cases a viewer may see. An agent sees the cases currently assigned to it (allocation's
 * case_assignment), an agency user the cases placed with its agency, a team lead the cases of its
 * teams; managers, compliance and legal officers and administrators see all.
 */
public interface CaseScope {

    /** Throws ForbiddenException (shared, HTTP 403) when the case is out of the viewer's scope. */
    void requireCase(Viewer viewer, long caseId);

    boolean maySeeCase(Viewer viewer, long caseId);

    /**
     * The condition that keeps only the viewer's cases, over {@code caseIdColumn} (e.g. "c.id"); its
     * parameter names start with "scope" so they do not clash with the query's own.
     */
    ScopeCondition casesVisibleTo(Viewer viewer, String caseIdColumn);
}
