package dev.recoup.contact.api;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Direction;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.contact.persistence.CallButton;
import dev.recoup.contact.persistence.LedgerStore;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import dev.recoup.access.CaseScope;
import dev.recoup.access.Viewer;
import dev.recoup.access.PersonalData;
import dev.recoup.access.Viewers;
import dev.recoup.shared.ForbiddenException;

import java.time.Instant;
import java.util.List;

/** The contact ledger: recording attempts, their outcomes, history per case and per person; the agent's call button. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Contact ledger")
class LedgerController {

    private final LedgerStore ledger;
    private final CallButton button;
    private final BusinessClock clock;
    private final Viewers viewers;
    private final PersonalData personalData;
    private final CaseScope scope;

    LedgerController(LedgerStore ledger, CallButton button, BusinessClock clock, Viewers viewers, CaseScope scope, PersonalData personalData) {
        this.personalData = personalData;
        this.ledger = ledger;
        this.button = button;
        this.clock = clock;
        this.viewers = viewers;
        this.scope = scope;
    }

    record NewAttempt(Long caseId, Long contactId, String channel, String direction, String endpoint, String at, String outcome, String purpose,
                      List<Long> accountIds, List<Long> discussedAccountIds, Integer staff, Long inResponseTo, String madeBy, String consent) {
    }

    record OutcomeReport(String outcome, String at) {
    }

    record CallRequest(Long contactId, String purpose) {
    }

    @PostMapping("/contact-attempts")
    @Operation(summary = "Record an attempt or conversation that happened", description = """
            Any channel and direction (an inbound call is AGENT_CALL with direction INBOUND). outcome: CONVERSATION_DEBTOR, \
            CONVERSATION_THIRD_PARTY, NO_ANSWER, BUSY, NOT_IN_SERVICE, VOICEMAIL, WRONG_NUMBER, DROPPED, DELIVERED, BOUNCED, OPTED_OUT, or none \
            while pending. endpoint defaults to the contact's phone, e-mail or address for the channel; caseId to the customer's open case; \
            madeBy to you. Recording does not ask the gate: to START a call use POST /cases/{id}/calls.""")
    ResponseEntity<LedgerStore.AttemptView> record(@RequestBody NewAttempt a, Authentication user) {
        if (a == null) {
            throw new InvalidInputException("body", null, "a JSON body is required");
        }
        // The case is in the body, not the path, so the access interceptor cannot see it: a case worker records contact
        // only on the cases of its scope (issue 6).
        Viewer viewer = viewers.current();
        if (!viewer.seesAllCases()) {
            Long caseId = ledger.caseOf(Inputs.required("contactId", a.contactId()), a.caseId());
            if (caseId == null || !scope.maySeeCase(viewer, caseId)) {
                throw new ForbiddenException("Contact " + a.contactId() + " is not of a case of user '" + viewer.username() + "'");
            }
        }
        LedgerStore.AttemptView stored = ledger.insert(new LedgerStore.Entry(a.caseId(), Inputs.required("contactId", a.contactId()),
                Inputs.enumValue("channel", a.channel(), Channel.class, null), Inputs.enumValue("direction", a.direction(), Direction.class, Direction.OUTBOUND),
                a.endpoint(), Inputs.instant("at", a.at(), clock.zone(), null), Inputs.optionalEnum("outcome", a.outcome(), Outcome.class),
                Inputs.enumValue("purpose", a.purpose(), Purpose.class, Purpose.COLLECTION), Inputs.ids(a.accountIds()), Inputs.ids(a.discussedAccountIds()),
                a.staff() == null ? 0 : a.staff(), a.inResponseTo(), a.madeBy() == null || a.madeBy().isBlank() ? user.getName() : a.madeBy(),
                a.consent(), LedgerStore.Via.RECORDED, null));
        return ResponseEntity.created(URI.create("/api/v1/contact-attempts/" + stored.id())).body(Views.mask(stored, unmasked()));
    }

    @GetMapping("/contact-attempts/{id}")
    @Operation(summary = "One ledger entry")
    LedgerStore.AttemptView find(@PathVariable long id) {
        return Views.mask(ledger.find(id), unmasked());
    }

    @PostMapping("/contact-attempts/{id}/outcome")
    @Operation(summary = "Record the outcome of a pending attempt (a call result, a delivery receipt)")
    LedgerStore.AttemptView outcome(@PathVariable long id, @RequestBody OutcomeReport r) {
        Outcome outcome = Inputs.enumValue("outcome", r == null ? null : r.outcome(), Outcome.class, null);
        ledger.outcome(id, outcome, Inputs.instant("at", r.at(), clock.zone(), clock.now()));
        return Views.mask(ledger.find(id), unmasked());
    }

    @GetMapping("/cases/{id}/contacts")
    @Operation(summary = "A case's contact history, newest first")
    List<LedgerStore.AttemptView> ofCase(@PathVariable long id, @RequestParam(defaultValue = "200") int limit) {
        boolean unmasked = unmasked();
        return ledger.ofCase(id, Inputs.limit(limit)).stream().map(v -> Views.mask(v, unmasked)).toList();
    }

    @GetMapping("/contacts/{id}/attempts")
    @Operation(summary = "One person's contact history between two instants (default: the last 30 days), newest first")
    List<LedgerStore.AttemptView> ofContact(@PathVariable long id, @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String until, @RequestParam(defaultValue = "200") int limit) {
        Instant to = Inputs.instant("until", until, clock.zone(), clock.now().plusSeconds(1));
        Instant since = Inputs.instant("from", from, clock.zone(), to.minus(Duration.ofDays(30)));
        if (!since.isBefore(to)) {
            throw new InvalidInputException("from", from, "from must be before until");
        }
        boolean unmasked = unmasked();
        return ledger.ofContact(id, since, to, Inputs.limit(limit)).stream().map(v -> Views.mask(v, unmasked)).toList();
    }

    @PostMapping("/cases/{id}/calls")
    @Operation(summary = "The agent's call button: call a contact of the case now, if the gate allows", description = """
            Decides AGENT_CALL now; when allowed records a pending attempt and returns it (201) — dial it, then POST its outcome. When \
            refused: 409 (allowed later: nextAllowedAt) or 422 (never as asked, or waiting for a hold to end) with every rule and reason. \
            purpose defaults to COLLECTION; for a relative or colleague use CALL_BACK_REQUEST.""")
    ResponseEntity<LedgerStore.AttemptView> call(@PathVariable long id, @RequestBody CallRequest r, Authentication user) {
        long contactId = Inputs.required("contactId", r == null ? null : r.contactId());
        LedgerStore.AttemptView attempt = button.call(id, contactId, Inputs.enumValue("purpose", r.purpose(), Purpose.class, Purpose.COLLECTION),
                user.getName());
        return ResponseEntity.created(URI.create("/api/v1/contact-attempts/" + attempt.id())).body(Views.mask(attempt, unmasked()));
    }

    /** Whether the signed-in user sees ID and phone numbers in full. */
    private boolean unmasked() {
        return personalData.seesUnmasked(viewers.current());
    }
}
