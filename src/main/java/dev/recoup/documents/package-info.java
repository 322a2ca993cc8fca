/**
 * Documents: repayment commitment letters, instalment agreements, waiver applications, demand
 * letters and lawyer's letters generated as PDF from versioned templates, stored with the case with
 * their SHA-256, signed by the customer through a one-time link (R19).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package dev.recoup.documents;
