/**
 * Management (issue 6, R25, R30): what team leads and managers work with — team queues with
 * reassignment, today's figures by agent and team (the dashboard with charts), and Excel exports of
 * the lists they take away, masked and audited through the access module. It only reads other
 * modules' tables (set-based, one statement per figure group) and changes nothing itself: moves go
 * through allocation's {@link dev.recoup.allocation.CaseReassignments}. ADR 0019.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Management")
package dev.recoup.management;
