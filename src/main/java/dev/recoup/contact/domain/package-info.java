/**
 * The contact compliance engine as plain Java (no Spring, no SQL, no web).
 *
 * <p>A {@link dev.recoup.contact.domain.ContactRequest} (who, which channel, what for, when) and the
 * {@link dev.recoup.contact.domain.ContactFacts} the decision needs (the person's possible time
 * zones, consents, holds, times and places they called inconvenient, the recent ledger) go in; a
 * {@link dev.recoup.contact.domain.Decision} comes out: allowed, or denied with every
 * {@link dev.recoup.contact.domain.RuleHit} (rule id, reason in zh-CN and en, parameters) and the
 * earliest instant at which the same contact would be allowed ({@code null} when no such time is
 * known). Rules are small immutable values with ids, grouped in a
 * {@link dev.recoup.contact.domain.RulePack}: {@link dev.recoup.contact.domain.ChinaPack} (the
 * default), {@link dev.recoup.contact.domain.RegulationFPack}, {@link dev.recoup.contact.domain.ConcPack}.
 * See docs/adr/0009-contact-compliance-engine.md.
 */
@org.springframework.modulith.NamedInterface("domain")
package dev.recoup.contact.domain;
