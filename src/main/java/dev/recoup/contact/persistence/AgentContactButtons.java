package dev.recoup.contact.persistence;

import dev.recoup.contact.AgentContacts;
import dev.recoup.contact.OutboundMessages;
import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.ProposedContact;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Decision;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.templates.TemplateSummary;
import dev.recoup.contact.templates.domain.Audience;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
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
    private final MessageTemplates templates;

    AgentContactButtons(CallButton button, GateService gate, OutboundMessages outbox, BusinessClock clock, MessageTemplates templates) {
        this.templates = templates;
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
        TemplateSummary template = templates.byCode(templateCode).filter(t -> t.channel() == Channel.SMS && t.currentVersion() > 0)
                .orElseThrow(() -> new InvalidInputException("templateCode", templateCode, "not an SMS template in use"));
        // As the outbox will ask before sending: the template's purpose, and whether it speaks of the debt.
        boolean debtDetails = template.audience() == Audience.DEBTOR || templates.version(template.id(), template.currentVersion()).usesDebtVariables();
        Decision decision = gate.decide(new ProposedContact(caseId, null, contactId, Channel.SMS, now, template.kind().purpose(), debtDetails, 0));
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
