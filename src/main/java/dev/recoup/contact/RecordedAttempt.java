package dev.recoup.contact;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.domain.Purpose;

import java.time.Instant;
import java.util.Set;

/**
 * One attempt or conversation for the contact ledger (R10).
 *
 * @param outcome    null while pending (an SMS handed to the gateway, awaiting its receipt)
 * @param accountIds the debts it concerned
 * @param madeBy     user name, "robot", "dialer" or "sms-gateway"
 * @param consent    consent the person gave in it ("call me Monday 19:00"), or null
 */
public record RecordedAttempt(Long caseId, long contactId, Channel channel, String endpoint, Instant at, Outcome outcome,
                              Purpose purpose, Set<Long> accountIds, String madeBy, String consent) {
}
