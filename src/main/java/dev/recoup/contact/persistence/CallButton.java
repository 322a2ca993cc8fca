package dev.recoup.contact.persistence;

import dev.recoup.contact.ProposedContact;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Starting a contact through the gate: decide now and, only when allowed, record the attempt as
 * pending — in one transaction holding the person's lock, so two agents pressing the button for the
 * same person at once cannot both pass a cap that leaves room for one (nor can the button and a call
 * list being made: see {@link DialerService#callList}).
 */
@Service
public class CallButton {

    /** Advisory-lock class of per-contact locks (two-int form: its own key space). */
    static final int CONTACT_LOCK = 73_010;

    private final GateService gate;
    private final LedgerStore ledger;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    CallButton(GateService gate, LedgerStore ledger, JdbcClient jdbc, BusinessClock clock) {
        this.gate = gate;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An agent's call to a contact of a case, now. Returns the pending attempt to dial.
     *
     * @throws ContactRefusedException when the gate denies it
     */
    @Transactional
    public LedgerStore.AttemptView call(long caseId, long contactId, Purpose purpose, String agent) {
        return start(new ProposedContact(caseId, null, contactId, Channel.AGENT_CALL, clock.now(), purpose == null ? Purpose.COLLECTION : purpose,
                (purpose == null ? Purpose.COLLECTION : purpose).collects(), 0), agent, LedgerStore.Via.CALL_BUTTON);
    }

    /**
     * Decides {@code proposed} and, when allowed, records it as a pending attempt made by {@code madeBy}
     * (the outbox sends messages through here too: the send is recorded exactly when it is allowed).
     */
    @Transactional
    public LedgerStore.AttemptView start(ProposedContact proposed, String madeBy, LedgerStore.Via via) {
        Attempted attempted = attempt(proposed, madeBy, via);
        if (attempted.attempt() == null) {
            throw new ContactRefusedException(attempted.verdict());
        }
        return attempted.attempt();
    }

    /** The gate's verdict and, when it allowed, the pending attempt recorded; a refusal is an answer, not an exception. */
    public record Attempted(GateService.Verdict verdict, LedgerStore.AttemptView attempt) {
    }

    /**
     * As {@link #start}, but a refusal comes back as the verdict instead of an exception (so a caller's
     * transaction is not marked for rollback: the case page records its own rows with the attempt).
     */
    @Transactional
    public Attempted attempt(ProposedContact proposed, String madeBy, LedgerStore.Via via) {
        if (madeBy == null || madeBy.isBlank()) {
            throw new InvalidInputException("madeBy", madeBy, "who makes the contact is required");
        }
        lock(proposed.contactId());
        GateService.Verdict verdict = gate.evaluate(proposed);
        if (!verdict.decision().allowed()) {
            return new Attempted(verdict, null);
        }
        Target t = verdict.target();
        return new Attempted(verdict, ledger.insert(new LedgerStore.Entry(t.caseId(), t.contactId(), proposed.channel(), null,
                verdict.endpoint().address(), proposed.at(), null, proposed.purpose(), Arrays.stream(t.accountIds()).boxed().collect(Collectors.toSet()),
                null, proposed.staff(), null, madeBy, null, via, null)));
    }

    /** This person's lock, and the call-list lock shared (a list being made holds it exclusively). */
    void lock(long contactId) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?, 0), pg_advisory_xact_lock(?, ?)")
                .params(DialerService.CALL_LIST_LOCK, CONTACT_LOCK, (int) contactId).query((rs, n) -> 1).list();
    }
}
