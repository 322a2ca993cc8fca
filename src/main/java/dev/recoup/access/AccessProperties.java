package dev.recoup.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Login and access settings ({@code recoup.security}): the demo users created or updated in the
 * database at start, lockout after repeated failed logins, and how long an idle page session lasts.
 */
@ConfigurationProperties("recoup.security")
public record AccessProperties(List<DemoUser> demoUsers, Lockout lockout, Duration sessionTimeout, Duration passwordCacheTtl) {

    public AccessProperties {
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
        lockout = lockout == null ? new Lockout(5, Duration.ofMinutes(15)) : lockout;
        sessionTimeout = sessionTimeout == null ? Duration.ofMinutes(30) : sessionTimeout;
        passwordCacheTtl = passwordCacheTtl == null ? Duration.ofMinutes(5) : passwordCacheTtl;
    }

    /**
     * A demo user: {@code role} (one) or {@code roles} (several); {@code agentRef}/{@code agencyRef} link
     * it to allocation's agent or agency, {@code teams} are the team codes a team lead leads.
     */
    public record DemoUser(String username, String password, String role, List<String> roles, String agentRef, String agencyRef,
                           List<String> teams, String description) {

        public DemoUser {
            teams = teams == null ? List.of() : List.copyOf(teams);
        }

        public List<Role> roleSet() {
            List<String> names = roles != null && !roles.isEmpty() ? roles : role == null ? List.of() : List.of(role);
            return names.stream().map(String::trim).map(Role::valueOf).distinct().toList();
        }
    }

    /** After {@code maxFailures} wrong passwords in a row the account is locked for {@code duration}. */
    public record Lockout(int maxFailures, Duration duration) {

        public Lockout {
            maxFailures = maxFailures <= 0 ? 5 : maxFailures;
            duration = duration == null ? Duration.ofMinutes(15) : duration;
        }
    }
}
