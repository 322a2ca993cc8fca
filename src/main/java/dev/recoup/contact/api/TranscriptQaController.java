package dev.recoup.contact.api;

import dev.recoup.contact.persistence.TranscriptQa;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;

/** Transcript QA (R12): upload a call's transcript; findings go to the compliance review queue. */
@RestController
@Tag(name = "Transcript QA")
class TranscriptQaController {

    private final TranscriptQa qa;

    TranscriptQaController(TranscriptQa qa) {
        this.qa = qa;
    }

    record Upload(String text, String source) {
    }

    record Resolution(String decision, String note) {
    }

    @PostMapping("/api/v1/contact-attempts/{id}/transcript")
    @Operation(summary = "Upload a call's transcript: it is scanned for forbidden wording and a missing identity check", description = """
            text: one turn a line, "坐席：…" / "客户：…" or "Agent: …" / "Customer: …" (only our side is scanned). source: UPLOAD (default) or \
            SPEECH_TO_TEXT (an adapter posting what it transcribed). Findings: FORBIDDEN_WORDING (threats, insults, impersonating police, \
            courts or lawyers, false legal consequences, shaming — with a third party also disclosing the debt) and MISSING_IDENTITY_CHECK \
            (a detail of the debt before our side asked who they were speaking to), each with its passage.""")
    ResponseEntity<TranscriptQa.TranscriptView> upload(@PathVariable long id, @RequestBody Upload body, Principal user) {
        if (body == null) {
            throw new InvalidInputException("body", null, "a JSON body is required");
        }
        TranscriptQa.TranscriptView view = qa.upload(id, body.text(), Inputs.enumValue("source", body.source(), TranscriptQa.Source.class,
                TranscriptQa.Source.UPLOAD), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/contact-attempts/" + id + "/transcript")).body(view);
    }

    @GetMapping("/api/v1/contact-attempts/{id}/transcript")
    @Operation(summary = "A call's transcript with its findings")
    TranscriptQa.TranscriptView transcript(@PathVariable long id) {
        return qa.transcriptOf(id);
    }

    @GetMapping("/api/v1/qa/reviews")
    @Operation(summary = "The compliance review queue: open findings oldest first (status=OPEN, default) or all")
    List<TranscriptQa.Review> reviews(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "200") int limit) {
        if (!"OPEN".equals(status) && !"ALL".equals(status)) {
            throw new InvalidInputException("status", status, "status must be OPEN or ALL");
        }
        return qa.reviews("OPEN".equals(status), Inputs.limit(limit));
    }

    @PostMapping("/api/v1/qa/reviews/{id}/resolve")
    @Operation(summary = "Decide a finding (managers): CONFIRMED (a breach) or DISMISSED, with a note")
    TranscriptQa.Review resolve(@PathVariable long id, @RequestBody Resolution body, Principal user) {
        return qa.resolve(id, Inputs.enumValue("decision", body == null ? null : body.decision(), TranscriptQa.Decision.class, null),
                body == null ? null : body.note(), user.getName());
    }
}
