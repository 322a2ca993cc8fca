/**
 * The strategy as plain Java: definitions, the condition compiler and evaluation, the default
 * strategy from the seeds. No Spring, no SQL.
 */
@org.springframework.modulith.NamedInterface("domain")
package dev.recoup.strategy.domain;
