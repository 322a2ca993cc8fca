/**
 * Casework: the collection case — one per customer with anything overdue, grouping all the
 * customer's accounts — opened and closed by the daily run, read by people and the API. Stages,
 * tasks and their flow come with the strategy issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package dev.recoup.casework;
