package dev.recoup.contact.persistence;

import dev.recoup.contact.domain.Decision;
import dev.recoup.contact.domain.RuleHit;

import java.util.stream.Collectors;

/**
 * The gate refused a contact someone tried to start (the call button). Rendered as a problem with
 * every rule and the next allowed time: 409 when it will be allowed later, 422 when never as asked.
 */
public class ContactRefusedException extends RuntimeException {

    private final transient GateService.Verdict verdict;

    public ContactRefusedException(GateService.Verdict verdict) {
        super("Contact refused: " + verdict.decision().hits().stream().map(h -> h.ruleId() + " (" + h.reasonEn() + ")")
                .collect(Collectors.joining("; ")));
        this.verdict = verdict;
    }

    public GateService.Verdict verdict() {
        return verdict;
    }

    public Decision decision() {
        return verdict.decision();
    }

    public java.util.List<RuleHit> hits() {
        return verdict.decision().hits();
    }
}
