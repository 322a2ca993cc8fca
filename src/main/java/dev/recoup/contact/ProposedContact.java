package dev.recoup.contact;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Purpose;

import java.time.Instant;

/**
 * A contact someone (a person, the dialer, the SMS sender, task creation) wants to make; the gate
 * loads everything else (contact role, time zones, ledger, holds, consents, the portfolio's pack).
 *
 * @param caseId             the case (or null when only the account is known)
 * @param accountId          the account (or null when the case is given)
 * @param contactId          the contact to reach
 * @param carriesDebtDetails whether the message/template names the debt (third parties: never)
 * @param staff              people on a visit (0 otherwise)
 */
public record ProposedContact(Long caseId, Long accountId, long contactId, Channel channel, Instant at, Purpose purpose,
                              boolean carriesDebtDetails, int staff) {
}
