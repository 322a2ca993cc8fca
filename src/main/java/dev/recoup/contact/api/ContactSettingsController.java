package dev.recoup.contact.api;

import dev.recoup.contact.persistence.PackSettings;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.security.Principal;
import java.util.List;

/** Which rule pack decides, with which parameters: system-wide ("*") and per product. */
@RestController
@RequestMapping("/api/v1/contact-settings")
@Tag(name = "Contact gate")
class ContactSettingsController {

    private final PackSettings settings;

    ContactSettingsController(PackSettings settings) {
        this.settings = settings;
    }

    record SettingChange(String pack, JsonNode parameters) {
    }

    @GetMapping
    @Operation(summary = "The rule pack settings: system-wide ('*', China defaults when never set) and overrides per product")
    List<PackSettings.Setting> list() {
        return settings.settings();
    }

    @PutMapping("/{scope}")
    @Operation(summary = "Choose the rule pack and its parameters for a scope (managers)", description = """
            scope: * (every account) or a product (consumer_loan, credit_card, sme_loan, secured_loan). pack: CN, US-REGF, UK-CONC. parameters \
            override the pack's defaults and are validated: stricter than the law, never looser. CN: callsPerContactPerDay (1–20), \
            unansweredCallsPerNumberPerDay (0 = off), quietHours ("22:00-08:00" or wider), restHours (["12:00-13:30"]), workingDayPreference \
            (OFF, PREFER, REQUIRE), workingDayHours, thirdPartyPurposes, spouseOnDebtorSide, minimumVisitStaff, quietChannels. US-REGF: \
            maxCallsPerSevenDays, convenientHours, maxCallsPerDay, holdOnComplaint. UK-CONC: weekdayHours, weekendHours (null = closed), \
            timedChannels, callsPerDay, callsPerWeek. Takes effect at once.""")
    ResponseEntity<PackSettings.Setting> save(@PathVariable String scope, @RequestBody SettingChange change, Principal user) {
        if (change == null) {
            throw new InvalidInputException("body", null, "a JSON body is required");
        }
        return ResponseEntity.ok(settings.save(scope, change.pack(), change.parameters(), user.getName()));
    }

    @DeleteMapping("/{scope}")
    @Operation(summary = "Remove a scope's setting (managers): the product falls back to the system-wide pack, '*' to the China defaults")
    ResponseEntity<Void> remove(@PathVariable String scope) {
        settings.remove(scope);
        return ResponseEntity.noContent().build();
    }
}
