package dev.recoup.access.api;

import dev.recoup.access.ApiTokens;
import dev.recoup.access.AuditTrail;
import dev.recoup.access.PersonalData;
import dev.recoup.access.Role;
import dev.recoup.access.UserAccounts;
import dev.recoup.access.Viewers;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users (administrators), my API tokens (everyone), the audit log (compliance, administrators) and revealing
 * a customer's ID or phone number with a reason. Who may call what: docs/permissions.md.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users, tokens, audit log")
class AccessController {

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final AuditTrail trail;
    private final PersonalData personalData;
    private final Viewers viewers;
    private final JdbcClient jdbc;

    AccessController(UserAccounts accounts, ApiTokens tokens, AuditTrail trail, PersonalData personalData, Viewers viewers, JdbcClient jdbc) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.trail = trail;
        this.personalData = personalData;
        this.viewers = viewers;
        this.jdbc = jdbc;
    }

    record UserRequest(String username, String password, String displayName, List<String> roles, String agentRef, String agencyRef,
                       List<String> teams) {
    }

    record PasswordRequest(String password) {
    }

    record TokenRequest(String name, Integer validDays) {
    }

    record RevealRequest(String field, String reason) {
    }

    @GetMapping("/users")
    @Operation(summary = "All users with roles, links and state (administrators)")
    List<UserAccounts.UserView> users() {
        return accounts.all();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a user (administrators); the password is hashed with BCrypt")
    UserAccounts.UserView create(@RequestBody UserRequest body) {
        return accounts.create(viewers.current(), body.username(), body.password(), profile(body));
    }

    @PutMapping("/users/{id}")
    @Operation(summary = "Changes a user's roles, agent/agency link and teams (administrators); takes effect at the user's next request")
    UserAccounts.UserView update(@PathVariable long id, @RequestBody UserRequest body) {
        return accounts.update(viewers.current(), id, profile(body));
    }

    @PostMapping("/users/{id}/disable")
    @Operation(summary = "Disables a user (administrators): no login, no API access from the next request on, tokens included")
    UserAccounts.UserView disable(@PathVariable long id) {
        return accounts.setEnabled(viewers.current(), id, false);
    }

    @PostMapping("/users/{id}/enable")
    @Operation(summary = "Enables a user again and lifts a lockout (administrators)")
    UserAccounts.UserView enable(@PathVariable long id) {
        return accounts.setEnabled(viewers.current(), id, true);
    }

    @PostMapping("/users/{id}/password")
    @Operation(summary = "Sets a new password for a user (administrators)")
    UserAccounts.UserView password(@PathVariable long id, @RequestBody PasswordRequest body) {
        return accounts.resetPassword(viewers.current(), id, body == null ? null : body.password());
    }

    @GetMapping("/me/tokens")
    @Operation(summary = "My API tokens (never the tokens themselves)")
    List<ApiTokens.TokenView> myTokens() {
        return tokens.of(viewers.current());
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates an API token for scripts: shown this once; send it as 'Authorization: Bearer <token>'")
    ApiTokens.CreatedToken createToken(@RequestBody TokenRequest body) {
        return tokens.create(viewers.current(), body == null ? null : body.name(), body == null ? null : body.validDays());
    }

    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revokes one of my API tokens, at once")
    void revoke(@PathVariable long id) {
        tokens.revoke(viewers.current(), id);
    }

    @GetMapping("/audit-events")
    @Operation(summary = "The audit log, newest first (compliance officers, administrators); times ISO-8601 instants")
    AuditTrail.Page audit(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
                          @RequestParam(name = "subject-type", required = false) String subjectType,
                          @RequestParam(name = "subject-id", required = false) String subjectId,
                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new InvalidInputException(page < 0 ? "page" : "size", String.valueOf(page < 0 ? page : size), "page ≥ 0, size 1–1000");
        }
        return trail.search(new AuditTrail.Filter(blank(username), blank(action), blank(subjectType), blank(subjectId), instant("from", from),
                instant("to", to)), page, size);
    }

    @PostMapping("/customers/{customerId}/reveal")
    @Operation(summary = "A customer's ID number ('idNumber'), own phone ('phone') or a contact's ('phone:<contact id>') in full, "
            + "with a reason; audited. Not for agency users")
    Map<String, String> reveal(@PathVariable String customerId, @RequestBody RevealRequest body) {
        long id = jdbc.sql("select id from customer where customer_ref = ?").param(customerId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        String field = body == null ? null : body.field();
        String value = personalData.reveal(viewers.current(), id, field, body == null ? null : body.reason());
        return Map.of("customerId", customerId, "field", field, "value", value == null ? "" : value);
    }

    static UserAccounts.Profile profile(UserRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", null, "a user (JSON) is needed");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : body.roles() == null ? List.<String>of() : body.roles()) {
            roles.add(Arrays.stream(Role.values()).filter(x -> x.name().equals(r)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("roles", r, "one of " + Arrays.toString(Role.values()))));
        }
        return new UserAccounts.Profile(body.displayName(), roles, body.agentRef(), body.agencyRef(), body.teams());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, value, "an ISO-8601 instant such as 2026-11-23T00:00:00Z");
        }
    }
}
