package dev.recoup.access;

import dev.recoup.access.persistence.UserStore;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The administrator's user management: create users, change their roles and links, disable and enable them,
 * reset passwords. Every change is audited and makes logins forget the user at once ({@link UserChanged}),
 * so a disabled user loses API access with their next request.
 */
@Service
public class UserAccounts {

    public static final int MIN_PASSWORD_LENGTH = 8;

    /** A user as the administrator sees it (never the password hash). */
    public record UserView(long id, String username, String displayName, Set<Role> roles, String agentRef, String agencyRef,
                           List<String> teams, boolean enabled, boolean demo, boolean locked, Instant lockedUntil, Instant updatedAt) {
    }

    /** What an administrator sets: roles, the agent or agency it is, the teams it leads. */
    public record Profile(String displayName, Set<Role> roles, String agentRef, String agencyRef, List<String> teams) {

        public Profile {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            teams = teams == null ? List.of() : teams.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
            agentRef = blankToNull(agentRef);
            agencyRef = blankToNull(agencyRef);
            displayName = displayName == null ? "" : displayName.strip();
        }
    }

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    UserAccounts(UserStore users, PasswordEncoder encoder, BusinessClock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    public List<UserView> all() {
        Instant now = clock.now();
        return users.all().stream().map(u -> view(u, now)).toList();
    }

    public UserView find(long id) {
        return users.byId(id).map(u -> view(u, clock.now())).orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional
    public UserView create(Viewer actor, String username, String password, Profile profile) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new InvalidInputException("username", username, "2 to 64 letters, digits or . _ @ -");
        }
        checkPassword(password);
        check(profile);
        if (users.byUsername(username).isPresent()) {
            throw new ConflictException("A user named '" + username + "' exists already");
        }
        long id = users.insert(username, profile.displayName(), encoder.encode(password), profile.roles(), profile.agentRef(),
                profile.agencyRef(), profile.teams(), false, clock.now());
        audit.record(actor, "USER_CREATED", "user", username, describe(profile));
        return find(id);
    }

    @Transactional
    public UserView update(Viewer actor, long id, Profile profile) {
        var user = users.byId(id).orElseThrow(() -> new NotFoundException("user", id));
        check(profile);
        if (user.username().equals(actor.username()) && !profile.roles().contains(Role.ADMIN) && user.roles().contains(Role.ADMIN)) {
            throw new ConflictException("An administrator cannot take the administrator role from themself");
        }
        users.update(id, profile.displayName(), profile.roles(), profile.agentRef(), profile.agencyRef(), profile.teams(), clock.now());
        audit.record(actor, "USER_CHANGED", "user", user.username(), describe(profile));
        events.publishEvent(new UserChanged(user.username()));
        return find(id);
    }

    /** Disables (or enables again) a user; enabling also lifts a lockout. */
    @Transactional
    public UserView setEnabled(Viewer actor, long id, boolean enabled) {
        var user = users.byId(id).orElseThrow(() -> new NotFoundException("user", id));
        if (!enabled && user.username().equals(actor.username())) {
            throw new ConflictException("An administrator cannot disable themself");
        }
        users.setEnabled(id, enabled, clock.now());
        audit.record(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", "user", user.username(), null);
        events.publishEvent(new UserChanged(user.username()));
        return find(id);
    }

    @Transactional
    public UserView resetPassword(Viewer actor, long id, String password) {
        var user = users.byId(id).orElseThrow(() -> new NotFoundException("user", id));
        checkPassword(password);
        users.setPassword(id, encoder.encode(password), clock.now());
        audit.record(actor, "PASSWORD_RESET", "user", user.username(), null);
        events.publishEvent(new UserChanged(user.username()));
        return find(id);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw new InvalidInputException("password", null, "at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static void check(Profile profile) {
        if (profile.roles().isEmpty()) {
            throw new InvalidInputException("roles", "", "at least one role");
        }
        if (profile.roles().contains(Role.AGENCY) && profile.agencyRef() == null) {
            throw new InvalidInputException("agencyRef", null, "an agency user needs its agency");
        }
    }

    private static String describe(Profile p) {
        List<String> parts = new ArrayList<>();
        parts.add("roles=" + (p.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(p.roles())));
        if (p.agentRef() != null) {
            parts.add("agent=" + p.agentRef());
        }
        if (p.agencyRef() != null) {
            parts.add("agency=" + p.agencyRef());
        }
        if (!p.teams().isEmpty()) {
            parts.add("teams=" + p.teams());
        }
        return String.join(" ", parts);
    }

    private static UserView view(UserStore.StoredUser u, Instant now) {
        boolean locked = u.lockedUntil() != null && u.lockedUntil().isAfter(now);
        return new UserView(u.id(), u.username(), u.displayName(), u.roles(), u.agentRef(), u.agencyRef(), u.teamCodes(), u.enabled(),
                u.demo(), locked, locked ? u.lockedUntil() : null, u.updatedAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
