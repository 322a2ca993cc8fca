/**
 * Contact: every contact with a debtor or someone who knows them made lawful and recorded (R10–R14)
 * — the contact ledger (every attempt and conversation on every channel), one compliance gate that
 * answers "may we contact this person now, on this channel, for this purpose?" with every rule that
 * decided and the next time it would be allowed, the rule packs chosen per portfolio (China by
 * default, US Regulation F, UK CONC 7), message templates, the channels that send through an
 * outbox, and complaints that put contact on hold.
 *
 * <p>The decision engine is plain Java in {@link dev.recoup.contact.domain}: the persistence layer
 * loads the facts (time zones, consents, holds, the recent ledger) and asks
 * {@link dev.recoup.contact.domain.ContactGate#decide}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contact")
package dev.recoup.contact;
