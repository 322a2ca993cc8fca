package dev.recoup.access;

/**
 * The audit trail (table audit_event): every sensitive read (case page, customer, reveal, exports)
 * and every change, with who, what and on which subject. Written in its own small insert; never
 * holds personal data in full (mask it in {@code detail}).
 */
public interface AuditLog {

    void record(Viewer actor, String action, String subjectType, String subjectId, String detail);
}
