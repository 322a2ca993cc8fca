package dev.recoup.agreements.api;

import dev.recoup.shared.RequestFields;
import dev.recoup.agreements.AgreementDocuments;
import dev.recoup.agreements.KeptRate;
import dev.recoup.agreements.NewPromise;
import dev.recoup.agreements.Promise;
import dev.recoup.agreements.Promises;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.documents.Documents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

/** Promises to pay (R15): record on a case, cancel, read; PTP kept rate per agent and team. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Agreements: promises to pay (承诺还款)")
class PromiseController {

    private final Promises promises;
    private final AgreementDocuments documents;
    private final BusinessClock clock;

    PromiseController(Promises promises, AgreementDocuments documents, BusinessClock clock) {
        this.promises = promises;
        this.documents = documents;
        this.clock = clock;
    }

    @PostMapping("/cases/{caseId}/promises")
    @Operation(summary = "Record a promise to pay on an open case",
            description = "Body: {promisedOn (YYYY-MM-DD, today to recoup.agreements.promises.max-days-ahead), amountMinor (fen), channel "
                    + "(PHONE|SMS|EMAIL|LETTER|VISIT|IN_PERSON|ONLINE|OTHER), agentId (agent ref; default: the case's agent), accountIds "
                    + "(the lender's account ids; default: all the customer's), note}. One open promise per case (409). The case moves to "
                    + "NEGOTIATION. Kept when at least keep-percent (95%) of the amount is paid by the date plus grace-days (3).")
    ResponseEntity<Promise> record(@PathVariable long caseId, @RequestBody(required = false) JsonNode body, Principal user) {
        RequestFields f = new RequestFields(body);
        Promise promise = promises.record(caseId, new NewPromise(f.date("promisedOn"), f.whole("amountMinor"), f.text("channel"), f.text("agentId"),
                f.texts("accountIds"), f.text("note")), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/promises/" + promise.id())).body(promise);
    }

    @GetMapping("/cases/{caseId}/promises")
    @Operation(summary = "The case's promises, newest first")
    List<Promise> ofCase(@PathVariable long caseId) {
        return promises.ofCase(caseId);
    }

    @GetMapping("/promises/{id}")
    @Operation(summary = "A promise with its accounts, how it was judged, and the reminders sent")
    Promise find(@PathVariable long id) {
        return promises.find(id);
    }

    @GetMapping("/promises")
    @Operation(summary = "Promises, newest first; filter by status (OPEN|KEPT|PARTLY_KEPT|BROKEN|CANCELLED), agent ref, case")
    List<Promise> list(@RequestParam(required = false) String status, @RequestParam(required = false) String agentId,
                       @RequestParam(required = false) Long caseId, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "50") int size) {
        return promises.list(status, agentId, caseId, Math.max(page, 0), Math.clamp(size, 1, 500));
    }

    @PostMapping("/promises/{id}/cancel")
    @Operation(summary = "Cancel an open promise before its date, with a reason", description = "Body: {reason}")
    Promise cancel(@PathVariable long id, @RequestBody(required = false) JsonNode body, Principal user) {
        return promises.cancel(id, new RequestFields(body).text("reason"), user.getName());
    }

    @PostMapping("/promises/{id}/commitment-letter")
    @Operation(summary = "Generate the promise's repayment commitment letter (PDF, stored with the case; signed through the documents module's link)",
            description = "language=zh-CN (default) or en")
    ResponseEntity<Documents.StoredDocument> commitmentLetter(@PathVariable long id, @RequestParam(defaultValue = "zh-CN") String language,
                                                               Principal user) {
        Documents.StoredDocument stored = documents.commitmentLetter(id, language, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + stored.caseId() + "/documents/" + stored.id())).body(stored);
    }

    @GetMapping("/promises/kept-rate")
    @Operation(summary = "PTP kept rate per agent or team over promises due in a period",
            description = "by=agent|team, from, to (YYYY-MM-DD; default: the last 30 days). keptRate = kept ÷ (kept + partly kept + broken).")
    List<KeptRate> keptRate(@RequestParam(defaultValue = "agent") String by,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Promises.By grouping = switch (by.toLowerCase(java.util.Locale.ROOT)) {
            case "agent" -> Promises.By.AGENT;
            case "team" -> Promises.By.TEAM;
            default -> throw new InvalidInputException("by", by, "by must be agent or team");
        };
        LocalDate end = to != null ? to : clock.today();
        return promises.keptRates(grouping, from != null ? from : end.minusDays(30), end);
    }
}
