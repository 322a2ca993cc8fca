/**
 * Approvals: requests that need one or more people's approval before they take effect — waivers and
 * settlements (two levels: team lead, then manager; thresholds configurable) and instalment plans
 * beyond the product's limits (R16, R17). A final decision is published as {@link
 * dev.recoup.approvals.ApprovalDecided}; the module that asked acts on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approvals")
package dev.recoup.approvals;
