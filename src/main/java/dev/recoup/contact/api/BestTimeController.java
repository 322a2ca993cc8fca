package dev.recoup.contact.api;

import dev.recoup.contact.persistence.BestTimes;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Best time to contact (R11): the learned rates by region, weekday and hour. */
@RestController
@RequestMapping("/api/v1/contact-rates")
@Tag(name = "Best time to contact")
class BestTimeController {

    private final BestTimes bestTimes;

    BestTimeController(BestTimes bestTimes) {
        this.bestTimes = bestTimes;
    }

    @GetMapping
    @Operation(summary = "Learned rates[weekday-1][hour] (Beijing time) for a region (province code, e.g. 31; default all regions)",
            description = "metric: rpc (right-party contact, default) or connect")
    BestTimes.Heatmap rates(@RequestParam(required = false) String region, @RequestParam(defaultValue = "rpc") String metric) {
        if (!"rpc".equals(metric) && !"connect".equals(metric)) {
            throw new InvalidInputException("metric", metric, "metric must be rpc or connect");
        }
        return bestTimes.heatmap(region, "rpc".equals(metric));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Relearn the rates from the ledger now (managers; also nightly)")
    Map<String, Long> refresh() {
        return Map.of("calls", bestTimes.refresh());
    }
}
