package dev.recoup.casework.api;

import dev.recoup.access.CaseScope;
import dev.recoup.access.PersonalData;
import dev.recoup.access.Viewers;
import dev.recoup.casework.CaseQueries;
import dev.recoup.casework.TaskStats;
import dev.recoup.casework.Tasks;
import dev.recoup.delinquency.domain.Bucket;
import dev.recoup.delinquency.domain.Tier;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Accounts, customers and cases as of the current daily run. Ids are the lender's ids from the import. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts, customers and cases")
class PortfolioReadController {

    private final CaseQueries queries;
    private final Tasks tasks;
    private final Viewers viewers;
    private final CaseScope scope;
    private final PersonalData personalData;

    PortfolioReadController(CaseQueries queries, Tasks tasks, Viewers viewers, CaseScope scope, PersonalData personalData) {
        this.queries = queries;
        this.tasks = tasks;
        this.viewers = viewers;
        this.scope = scope;
        this.personalData = personalData;
    }

    @GetMapping("/accounts/{accountId}")
    @Operation(summary = "An account: terms, schedule with what was paid, payments, collateral and its delinquency (amounts in fen)")
    Map<String, Object> account(@PathVariable String accountId) {
        return queries.account(accountId);
    }

    @GetMapping("/customers/{customerId}")
    @Operation(summary = "A customer with contacts, accounts, cases and their worst DPD and tier; ID number and phones masked for roles "
            + "that may not see them (docs/permissions.md); only customers with a case in the caller's scope")
    Map<String, Object> customer(@PathVariable String customerId) {
        return queries.customer(customerId, personalData.seesUnmasked(viewers.current()));
    }

    @GetMapping("/cases")
    @Operation(summary = "Cases by current tier and bucket, largest overdue first; only the cases in the caller's scope (an agent's assigned cases …)")
    CaseQueries.CasePage cases(@RequestParam(required = false) String tier, @RequestParam(required = false) String bucket,
                               @RequestParam(defaultValue = "OPEN") String status,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (tier != null && Arrays.stream(Tier.values()).noneMatch(t -> t.name().equals(tier))) {
            throw new InvalidInputException("tier", tier, "tier must be one of T1, T2, T3, T4");
        }
        if (bucket != null && Arrays.stream(Bucket.values()).noneMatch(b -> b.code().equals(bucket))) {
            throw new InvalidInputException("bucket", bucket, "bucket must be one of M0, M1 … M6, M7+ (write M7%2B in a URL)");
        }
        if (!status.equals("OPEN") && !status.equals("CLOSED")) {
            throw new InvalidInputException("status", status, "status must be OPEN or CLOSED");
        }
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidInputException(page < 0 ? "page" : "size", String.valueOf(page < 0 ? page : size),
                    "page must be 0 or more and size between 1 and 500");
        }
        return queries.cases(status, tier, bucket, page, size, scope.casesVisibleTo(viewers.current(), "c.id"));
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "A case with its customer's current status, accounts, events, flow stage and task timeliness and follow-up counts")
    Map<String, Object> caseDetail(@PathVariable long id) {
        Map<String, Object> detail = queries.caseDetail(id);
        TaskStats stats = tasks.stats(id);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("open", stats.open());
        counts.put("done", stats.done());
        counts.put("done_on_time", stats.doneOnTime());
        counts.put("done_late", stats.doneLate());
        counts.put("expired", stats.expired());
        counts.put("cancelled", stats.cancelled());
        counts.put("follow_ups", stats.followUps());
        detail.put("task_stats", counts);
        return detail;
    }
}
