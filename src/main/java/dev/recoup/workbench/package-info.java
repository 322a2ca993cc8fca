/**
 * The agent's workbench (issue 6, R12/R30): my queue, the case page with everything about the case,
 * the call panel (the contact gate, the identity check before any debt detail, dispositions, talk
 * tracks, promises), notes, keyboard shortcuts. Reads in SQL over the other modules' tables (a
 * read model: one screen is a handful of indexed queries); changes go through the owning modules'
 * services. docs/adr/0018-agent-workbench-and-browser-tests.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package dev.recoup.workbench;
