package dev.recoup.contact.persistence;

import dev.recoup.contact.AgentContacts;
import dev.recoup.contact.OutboundMessages;
import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.ProposedContact;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Decision;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.shared.BusinessClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.Set;

/** The case page's call and SMS buttons over the call button and the outbox: a refusal is an answer, not an error. */
@Service
class AgentContactButtons implements AgentContacts {

    private final CallButton button;
    private final GateService gate;
    private final OutboundMessages outbox;
    private final BusinessClock clock;

    AgentContactButtons(CallButton button, GateService gate, OutboundMessages outbox, BusinessClock clock) {
        this.button = button;
        this.gate = gate;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Started call(long caseId, long contactId, String agent) {
        CallButton.Attempted attempted = button.attempt(new ProposedContact(caseId, null, contactId, Channel.AGENT_CALL, clock.now(), Purpose.COLLECTION,
                true, 0), agent, LedgerStore.Via.CALL_BUTTON);
        return new Started(attempted.attempt() == null ? null : attempted.attempt().id(), attempted.verdict().decision());
    }

    @Override
    @Transactional
    public Started sms(long caseId, long contactId, String templateCode, String language, String agent, Map<String, String> variables) {
        var now = clock.now();
        Decision decision = gate.decide(new ProposedContact(caseId, null, contactId, Channel.SMS, now, Purpose.PAYMENT_REMINDER, true, 0));
        if (!decision.allowed()) {
            return new Started(null, decision);
        }
        // One message per person, template and minute: a double click sends one.
        String key = "workbench/" + caseId + "/" + contactId + "/" + templateCode + "/" + now.getEpochSecond() / 60;
        var enqueued = outbox.enqueue(new OutboundRequest(key, caseId, Set.of(), contactId, Channel.SMS, templateCode, null, null, language,
                variables, agent));
        return new Started(enqueued.messageId(), decision);
    }
}
