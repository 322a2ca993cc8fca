package dev.recoup.contact.api;

import dev.recoup.contact.persistence.LedgerAudit;
import dev.recoup.shared.BusinessClock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;

/** The independent re-check of the ledger (compliance; managers). */
@RestController
@Tag(name = "Contact gate")
class LedgerAuditController {

    private final LedgerAudit audit;
    private final BusinessClock clock;

    LedgerAuditController(LedgerAudit audit, BusinessClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/v1/contact-audit")
    @Operation(summary = "Re-check the ledger in SQL against the China pack: quiet hours, daily caps, holds, third parties, visit staff",
            description = "Independent of the gate's engine. from/until: ISO date-times (default the last 30 days). Counts per check and up to 100 examples.")
    LedgerAudit.Report audit(@RequestParam(required = false) String from, @RequestParam(required = false) String until) {
        Instant to = Inputs.instant("until", until, clock.zone(), clock.now());
        return audit.audit(Inputs.instant("from", from, clock.zone(), to.minus(Duration.ofDays(30))), to);
    }
}
