package dev.recoup.agreements;

import java.time.LocalDate;
import java.util.List;

/**
 * A promise to record on a case.
 *
 * @param amountMinor fen
 * @param channel     PHONE, SMS, EMAIL, LETTER, VISIT, IN_PERSON, ONLINE or OTHER
 * @param agentId     the allocation agent who obtained it (agent ref, e.g. A0001); null: the case's current agent, if any
 * @param accountIds  the lender's account ids it covers; empty: every account of the case's customer
 */
public record NewPromise(LocalDate promisedOn, Long amountMinor, String channel, String agentId, List<String> accountIds, String note) {
}
