package dev.recoup.contact.channel.letter;

import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Letters: the day's batches, their PDF (one letter per page) and the tracking numbers of the post. */
@RestController
@RequestMapping("/api/v1/letter-batches")
@Tag(name = "Letters")
class LetterController {

    private final LetterBatches batches;

    LetterController(LetterBatches batches) {
        this.batches = batches;
    }

    record Entry(Long messageId, String trackingNumber, String postedAt) {
    }

    record TrackingNumbers(List<Entry> letters) {
    }

    @GetMapping
    @Operation(summary = "Letter batches, latest day first, with how many letters have a tracking number")
    List<LetterBatch> list(@RequestParam(defaultValue = "30") int limit) {
        return batches.list(Math.max(1, Math.min(limit, 365)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A batch and its letters")
    LetterBatch find(@PathVariable long id) {
        return batches.find(id);
    }

    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The batch as one printable PDF, one letter per A4 page")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        LetterBatch batch = batches.find(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("letters-" + batch.businessDate() + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(batches.pdf(id));
    }

    @PostMapping("/{id}/tracking-numbers")
    @Operation(summary = "Record the post's tracking numbers", description = "{\"letters\": [{\"messageId\": 42, \"trackingNumber\": \"EMS123456789CN\", "
            + "\"postedAt\": \"2026-11-23T10:00:00+08:00\"}]}. Each letter enters the contact ledger as a LETTER attempt; recording the same number "
            + "again changes nothing.")
    LetterBatch track(@PathVariable long id, @RequestBody TrackingNumbers body, Principal user) {
        List<Entry> entries = body == null || body.letters() == null ? List.of() : body.letters();
        return batches.recordTracking(id, entries.stream().map(e -> {
            if (e.messageId() == null) {
                throw new InvalidInputException("messageId", null, "every entry needs a messageId");
            }
            return new LetterBatches.Tracking(e.messageId(), e.trackingNumber(), posted(e.postedAt()));
        }).toList(), user.getName());
    }

    private static java.time.Instant posted(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("postedAt", text, "postedAt is an ISO-8601 time with offset, e.g. 2026-11-23T10:00:00+08:00");
        }
    }
}
