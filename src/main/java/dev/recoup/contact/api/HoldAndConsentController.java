package dev.recoup.contact.api;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.ConsentSource;
import dev.recoup.contact.domain.Medium;
import dev.recoup.contact.domain.Place;
import dev.recoup.contact.persistence.ConsentStore;
import dev.recoup.contact.persistence.HoldStore;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;

/** Holds (stops and narrowings of contact) and consents (times and places a person asked to be contacted). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Contact holds and consents")
class HoldAndConsentController {

    private final HoldStore holds;
    private final ConsentStore consents;
    private final BusinessClock clock;

    HoldAndConsentController(HoldStore holds, ConsentStore consents, BusinessClock clock) {
        this.holds = holds;
        this.consents = consents;
        this.clock = clock;
    }

    record NewHold(String level, Long caseId, Long customerId, Long contactId, String kind, String medium, String endpoint, String place,
                   List<Long> accountIds, String receivedAt, String until, String note) {
    }

    record Lift(String reason) {
    }

    record NewConsent(String source, String receivedAt, List<String> channels, List<Long> accountIds, List<String> days, String windowStart,
                      String windowEnd, String zone, String endpoint, String validUntil, String note, Long attemptId) {
    }

    @PostMapping("/contact-holds")
    @Operation(summary = "Place a hold on a case, a customer or a contact, effective from receipt of the notice", description = """
            level: CASE (caseId), CUSTOMER (customerId) or CONTACT (contactId). kind: DISPUTE_OPEN (DISPUTE), DECEASED, BANKRUPT, \
            ATTORNEY_REPRESENTS (LAWYER), CEASE_COMMUNICATION, MEDIUM_OPT_OUT (+ medium TELEPHONE, TEXT_MESSAGE, EMAIL, MAIL, IN_PERSON, optionally \
            one endpoint), WORKPLACE_BAN, INCONVENIENT_PLACE (+ place HOME or WORK), BREATHING_SPACE. Complaint holds come with complaints. \
            receivedAt: when the notice was received (default now): the hold stops contact from that instant.""")
    ResponseEntity<HoldStore.HoldView> place(@RequestBody NewHold h, Principal user) {
        if (h == null) {
            throw new InvalidInputException("body", null, "a JSON body is required");
        }
        HoldStore.HoldView placed = holds.place(new HoldStore.NewHold(Inputs.enumValue("level", h.level(), HoldStore.Level.class, null),
                h.caseId(), h.customerId(), h.contactId(), HoldStore.kind(h.kind()), Inputs.optionalEnum("medium", h.medium(), Medium.class),
                h.endpoint(), Inputs.optionalEnum("place", h.place(), Place.class), Inputs.ids(h.accountIds()),
                Inputs.optionalInstant("receivedAt", h.receivedAt(), clock.zone()), Inputs.optionalInstant("until", h.until(), clock.zone()), h.note()),
                user.getName());
        return ResponseEntity.created(URI.create("/api/v1/contact-holds/" + placed.id())).body(placed);
    }

    @GetMapping("/contact-holds/{id}")
    @Operation(summary = "One hold")
    HoldStore.HoldView hold(@PathVariable long id) {
        return holds.view(id);
    }

    @PostMapping("/contact-holds/{id}/lift")
    @Operation(summary = "Lift a hold now, with a reason (managers; a complaint's hold is lifted by closing the complaint)")
    HoldStore.HoldView lift(@PathVariable long id, @RequestBody Lift body, Principal user) {
        return holds.lift(id, body == null ? null : body.reason(), user.getName());
    }

    @GetMapping("/cases/{id}/holds")
    @Operation(summary = "Every hold protecting the case's customer and their contacts, newest first")
    List<HoldStore.HoldView> ofCase(@PathVariable long id) {
        return holds.ofCase(id);
    }

    @GetMapping("/contacts/{id}/holds")
    @Operation(summary = "The holds that apply to one contact")
    List<HoldStore.HoldView> ofContact(@PathVariable long id) {
        return holds.ofContact(id);
    }

    @PostMapping("/contacts/{id}/consents")
    @Operation(summary = "Record a consent the person gave", description = """
            e.g. {"channels":["AGENT_CALL"],"days":["MONDAY"],"windowStart":"19:00","windowEnd":"20:00"}. A window opens that time on those days \
            even in quiet hours; without a window a consent opens no time. source: DEBTOR_DIRECT (default), VIA_CREDITOR, COURT.""")
    ResponseEntity<ConsentStore.ConsentView> consent(@PathVariable long id, @RequestBody NewConsent c, Principal user) {
        if (c == null) {
            throw new InvalidInputException("body", null, "a JSON body is required");
        }
        ConsentStore.ConsentView added = consents.add(id, new ConsentStore.NewConsent(
                Inputs.enumValue("source", c.source(), ConsentSource.class, ConsentSource.DEBTOR_DIRECT),
                Inputs.optionalInstant("receivedAt", c.receivedAt(), clock.zone()), Inputs.enums("channels", c.channels(), Channel.class),
                Inputs.ids(c.accountIds()), Inputs.days("days", c.days()), Inputs.time("windowStart", c.windowStart()),
                Inputs.time("windowEnd", c.windowEnd()), c.zone(), c.endpoint(), Inputs.optionalInstant("validUntil", c.validUntil(), clock.zone()),
                c.note(), c.attemptId()), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/consents/" + added.id())).body(added);
    }

    @GetMapping("/contacts/{id}/consents")
    @Operation(summary = "A person's consents, newest first")
    List<ConsentStore.ConsentView> consents(@PathVariable long id) {
        return consents.ofContact(id);
    }

    @PostMapping("/consents/{id}/revoke")
    @Operation(summary = "The person withdrew a consent: it ends now")
    ConsentStore.ConsentView revoke(@PathVariable long id) {
        return consents.revoke(id);
    }
}
