package dev.recoup.contact.api;

import dev.recoup.contact.ProposedContact;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.contact.persistence.GateService;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The gate over HTTP: may we contact this person now, on this channel, for this purpose? */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Contact gate")
class ContactDecisionController {

    private final GateService gate;
    private final BusinessClock clock;

    ContactDecisionController(GateService gate, BusinessClock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * @param carriesDebtDetails whether the message or script names the debt; default: true when the purpose is collection
     * @param staff              people on a visit
     */
    record Question(Long accountId, Long caseId, Long contactId, String channel, String at, String purpose, Boolean carriesDebtDetails,
                    Integer staff) {
    }

    @PostMapping("/contact-decisions")
    @Operation(summary = "Ask the gate whether a contact is allowed", description = """
            {accountId or caseId, contactId, channel, at, purpose} → allowed or denied with every rule that decided (id, reason in zh-CN and en) and \
            the next time it would be allowed. channel: AGENT_CALL, ROBOT_CALL, SMS, EMAIL, LETTER, VISIT; purpose: COLLECTION (default), \
            PAYMENT_REMINDER, PROMISE_REMINDER, CALL_BACK_REQUEST, LOCATION_INFO, CEASE_NOTICE, OPT_OUT_CONFIRMATION, COMPLAINT_RESPONSE; at: \
            ISO date-time (default now; without an offset, Beijing time). Deciding records nothing.""")
    DecisionViews.DecisionView decide(@RequestBody Question q) {
        if (q == null) {
            throw new InvalidInputException("body", null, "a JSON body is required");
        }
        long contactId = Inputs.required("contactId", q.contactId());
        Channel channel = Inputs.enumValue("channel", q.channel(), Channel.class, null);
        Purpose purpose = Inputs.enumValue("purpose", q.purpose(), Purpose.class, Purpose.COLLECTION);
        ProposedContact proposed = new ProposedContact(q.caseId(), q.accountId(), contactId, channel,
                Inputs.instant("at", q.at(), clock.zone(), clock.now()), purpose,
                q.carriesDebtDetails() == null ? purpose.collects() : q.carriesDebtDetails(), q.staff() == null ? 0 : q.staff());
        return DecisionViews.DecisionView.of(gate.evaluate(proposed), channel.name(), purpose.name());
    }
}
