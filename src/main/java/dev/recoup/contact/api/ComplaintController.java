package dev.recoup.contact.api;

import dev.recoup.contact.persistence.ComplaintService;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/** Complaints (R14): register, assign, answer within 24 hours, close with an outcome; contact is on hold while open. */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "Complaints")
class ComplaintController {

    private final ComplaintService complaints;
    private final BusinessClock clock;

    ComplaintController(ComplaintService complaints, BusinessClock clock) {
        this.complaints = complaints;
        this.clock = clock;
    }

    record NewComplaint(Long caseId, String channel, String category, String text, String receivedAt) {
    }

    record Assignment(String assignee) {
    }

    record Response(String note) {
    }

    record Closing(String outcome, String resolution) {
    }

    @PostMapping
    @Operation(summary = "Register a complaint: the 24-hour first-response clock starts at receipt and contact with the case is on hold",
            description = "channel: PHONE, SMS, EMAIL, LETTER, IN_PERSON, ONLINE, REGULATOR; category: HARASSMENT, THIRD_PARTY_DISCLOSURE, "
                    + "ABUSIVE_LANGUAGE, IMPERSONATION, WRONG_AMOUNT, PRIVACY, SERVICE, OTHER; receivedAt defaults to now.")
    ResponseEntity<ComplaintService.ComplaintView> register(@RequestBody NewComplaint c, Principal user) {
        if (c == null) {
            throw new InvalidInputException("body", null, "a JSON body is required");
        }
        ComplaintService.ComplaintView registered = complaints.register(Inputs.required("caseId", c.caseId()),
                Inputs.enumValue("channel", c.channel(), ComplaintService.Channel.class, null),
                Inputs.enumValue("category", c.category(), ComplaintService.Category.class, null), c.text(),
                Inputs.optionalInstant("receivedAt", c.receivedAt(), clock.zone()), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + registered.id())).body(registered);
    }

    @GetMapping
    @Operation(summary = "The open complaints by first-response due time (status=OPEN, default), or all (status=ALL), optionally of one case")
    List<ComplaintService.ComplaintView> list(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(required = false) Long caseId,
                                              @RequestParam(defaultValue = "200") int limit) {
        if (!"OPEN".equals(status) && !"ALL".equals(status)) {
            throw new InvalidInputException("status", status, "status must be OPEN or ALL");
        }
        return complaints.list("OPEN".equals(status), caseId, Inputs.limit(limit));
    }

    @GetMapping("/stats")
    @Operation(summary = "Complaint KPIs: open, overdue, escalated; answered within 24 hours in the last 30 days")
    ComplaintService.ComplaintStats stats() {
        return complaints.stats();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One complaint")
    ComplaintService.ComplaintView find(@PathVariable long id) {
        return complaints.find(id);
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Give a complaint to someone to handle")
    ComplaintService.ComplaintView assign(@PathVariable long id, @RequestBody Assignment a, Principal user) {
        return complaints.assign(id, a == null ? null : a.assignee(), user.getName());
    }

    @PostMapping("/{id}/respond")
    @Operation(summary = "Record the first response to the complainant (stops the 24-hour clock)")
    ComplaintService.ComplaintView respond(@PathVariable long id, @RequestBody Response r, Principal user) {
        return complaints.respond(id, r == null ? null : r.note(), user.getName());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close with an outcome (managers): UPHELD, PARTLY_UPHELD, NOT_UPHELD, WITHDRAWN; the contact hold ends")
    ComplaintService.ComplaintView close(@PathVariable long id, @RequestBody Closing c, Principal user) {
        return complaints.close(id, Inputs.enumValue("outcome", c == null ? null : c.outcome(), ComplaintService.Resolution.class, null),
                c == null ? null : c.resolution(), user.getName());
    }

    @PostMapping("/escalations")
    @Operation(summary = "Escalate now every open complaint whose first response is overdue (also runs every 5 minutes)")
    Map<String, Integer> escalate() {
        return Map.of("escalated", complaints.escalateOverdue());
    }
}
