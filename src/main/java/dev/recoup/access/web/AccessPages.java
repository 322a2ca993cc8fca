package dev.recoup.access.web;

import static dev.recoup.shared.PageActions.attempt;

import dev.recoup.access.ApiTokens;
import dev.recoup.access.AuditTrail;
import dev.recoup.access.Role;
import dev.recoup.access.UserAccounts;
import dev.recoup.access.Viewers;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The administrator's users page, everyone's "my API tokens" page and the audit log page (compliance, administrators). */
@Controller
class AccessPages {

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final AuditTrail trail;
    private final Viewers viewers;
    private final BusinessClock clock;
    private final dev.recoup.access.PersonalData personalData;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    AccessPages(UserAccounts accounts, ApiTokens tokens, AuditTrail trail, Viewers viewers, BusinessClock clock,
                dev.recoup.access.PersonalData personalData, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.personalData = personalData;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.trail = trail;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Role.values());
        return "access/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String displayName, @RequestParam(required = false) List<String> roles,
                  @RequestParam(required = false) String agentRef, @RequestParam(required = false) String agencyRef,
                  @RequestParam(required = false) String teams, RedirectAttributes redirect) {
        attempt(redirect, "users.done.created", () -> accounts.create(viewers.current(), username, password,
                new UserAccounts.Profile(displayName, roles(roles), agentRef, agencyRef, teams(teams))));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String displayName, @RequestParam(required = false) List<String> roles,
                  @RequestParam(required = false) String agentRef, @RequestParam(required = false) String agencyRef,
                  @RequestParam(required = false) String teams, RedirectAttributes redirect) {
        attempt(redirect, "users.done.saved", () -> accounts.update(viewers.current(), id,
                new UserAccounts.Profile(displayName, roles(roles), agentRef, agencyRef, teams(teams))));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        attempt(redirect, "users.done.disabled", () -> accounts.setEnabled(viewers.current(), id, false));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        attempt(redirect, "users.done.enabled", () -> accounts.setEnabled(viewers.current(), id, true));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/password")
    String password(@PathVariable long id, @RequestParam(required = false) String password, RedirectAttributes redirect) {
        attempt(redirect, "users.done.password", () -> accounts.resetPassword(viewers.current(), id, password));
        return "redirect:/admin/users";
    }

    @GetMapping("/me/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.of(viewers.current()));
        model.addAttribute("zone", clock.zone());
        return "access/tokens";
    }

    @PostMapping("/me/tokens")
    String createToken(@RequestParam(required = false) String name, @RequestParam(required = false) Integer validDays, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("created", tokens.create(viewers.current(), name, validDays));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        }
        return "redirect:/me/tokens";
    }

    @PostMapping("/me/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        attempt(redirect, "tokens.done.revoked", () -> {
            tokens.revoke(viewers.current(), id);
            return null;
        });
        return "redirect:/me/tokens";
    }

    /** Reveals the case's customer's ID number or own phone on the case page, with a reason (audited; 403 for roles that may not). */
    @PostMapping("/cases/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam(required = false) String field, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        long customerId = jdbc.sql("select customer_id from collection_case where id = ?").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("case", id));
        try {
            String value = personalData.reveal(viewers.current(), customerId, field, reason);
            redirect.addFlashAttribute("revealed", java.util.Map.of("field", field, "value", value == null ? "—" : value));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("revealError", e.field() + ": " + e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        var filter = new AuditTrail.Filter(blank(username), blank(action), blank(subjectType), blank(subjectId),
                fromDay == null ? null : fromDay.atStartOfDay(clock.zone()).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(clock.zone()).toInstant());
        model.addAttribute("filter", filter);
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        model.addAttribute("actions", trail.actions());
        model.addAttribute("result", trail.search(filter, Math.max(0, page), 100));
        model.addAttribute("zone", clock.zone());
        return "access/audit";
    }

    private static LocalDate day(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(n -> Arrays.stream(Role.values()).filter(r -> r.name().equals(n)).forEach(roles::add));
        }
        return roles;
    }

    private static List<String> teams(String teams) {
        return teams == null ? List.of() : Arrays.stream(teams.split("[,，\\s]+")).filter(t -> !t.isBlank()).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
