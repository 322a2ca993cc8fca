package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.Instant;
import java.util.Set;

/**
 * One ledger entry as the rules see it: an attempt or conversation, outbound or inbound.
 *
 * @param id              the ledger id (inbound entries are answered by id, see {@link ContactRequest#inResponseTo()})
 * @param at              when it was placed, sent or received
 * @param contactId       the person it was with
 * @param channel         the channel (an inbound call is {@link Channel#AGENT_CALL}, {@link Direction#INBOUND})
 * @param direction       who started it
 * @param outcome         what came of it
 * @param debtIds         the debts it was placed in connection with — the ones a Regulation F call
 *                        counts toward (an unanswered call counts toward the debt the collector
 *                        assigned it to, comment 14(b)(4)-2.i); empty counts toward every debt
 * @param discussedDebtIds for a conversation, the debts discussed (whoever raised them, comment
 *                        14(b)(4)-2.vi); empty means the same as {@code debtIds}
 * @param purpose         what it was for
 * @param endpoint        the number or address, or null
 * @param inResponseTo    the inbound entry it answered, or null
 * @param staffCount      for a visit, how many staff went
 */
public record Attempt(String id, Instant at, String contactId, Channel channel, Direction direction, Outcome outcome,
                      Set<String> debtIds, Set<String> discussedDebtIds, Purpose purpose, Endpoint endpoint,
                      String inResponseTo, int staffCount) {

    public Attempt {
        if (at == null || contactId == null || channel == null || direction == null || outcome == null) {
            throw new InvalidInputException("attempt", String.valueOf(id), "a ledger entry needs at, contact, channel, direction and outcome");
        }
        debtIds = debtIds == null ? Set.of() : Set.copyOf(debtIds);
        discussedDebtIds = discussedDebtIds == null || discussedDebtIds.isEmpty() ? debtIds : Set.copyOf(discussedDebtIds);
        purpose = purpose == null ? Purpose.COLLECTION : purpose;
    }

    /** An outbound attempt on {@code channel} with {@code outcome}; refine with the withers. */
    public static Attempt outbound(String id, Instant at, String contactId, Channel channel, Outcome outcome) {
        return new Attempt(id, at, contactId, channel, Direction.OUTBOUND, outcome, Set.of(), Set.of(), Purpose.COLLECTION,
                null, null, 0);
    }

    /** A contact the person started (a call to us, an e-mail to us). */
    public static Attempt inbound(String id, Instant at, String contactId, Channel channel, Outcome outcome) {
        return new Attempt(id, at, contactId, channel, Direction.INBOUND, outcome, Set.of(), Set.of(), Purpose.COLLECTION,
                null, null, 0);
    }

    public Attempt concerning(String... debts) {
        return new Attempt(id, at, contactId, channel, direction, outcome, Set.of(debts), Set.of(), purpose, endpoint,
                inResponseTo, staffCount);
    }

    /** The debts discussed in a conversation, when they differ from the ones the call was placed about. */
    public Attempt discussing(String... debts) {
        return new Attempt(id, at, contactId, channel, direction, outcome, debtIds, Set.of(debts), purpose, endpoint,
                inResponseTo, staffCount);
    }

    public Attempt purpose(Purpose value) {
        return new Attempt(id, at, contactId, channel, direction, outcome, debtIds, discussedDebtIds, value, endpoint,
                inResponseTo, staffCount);
    }

    public Attempt to(Endpoint value) {
        return new Attempt(id, at, contactId, channel, direction, outcome, debtIds, discussedDebtIds, purpose, value,
                inResponseTo, staffCount);
    }

    public Attempt answering(String inboundId) {
        return new Attempt(id, at, contactId, channel, direction, outcome, debtIds, discussedDebtIds, purpose, endpoint,
                inboundId, staffCount);
    }

    public Attempt staff(int count) {
        return new Attempt(id, at, contactId, channel, direction, outcome, debtIds, discussedDebtIds, purpose, endpoint,
                inResponseTo, count);
    }

    public boolean outbound() {
        return direction == Direction.OUTBOUND;
    }

    /** Whether this entry concerned {@code debt} (an entry naming no debt concerns every debt). */
    boolean placedAbout(String debt) {
        return debtIds.isEmpty() || debt.isEmpty() || debtIds.contains(debt);
    }

    boolean discussed(String debt) {
        return discussedDebtIds.isEmpty() || debt.isEmpty() || discussedDebtIds.contains(debt);
    }
}
