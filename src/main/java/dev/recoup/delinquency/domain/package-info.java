/**
 * Delinquency arithmetic as plain Java: how payments pay instalments, how late an account is,
 * which bucket and tier it falls in. No Spring, no SQL, no web: the rules can be read and tested
 * on their own.
 */
@org.springframework.modulith.NamedInterface("domain")
package dev.recoup.delinquency.domain;
