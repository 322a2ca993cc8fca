package dev.recoup.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The users Recoup starts with until the full user administration exists (a later issue).
 * Their logins are printed at start so a new user can sign in.
 */
@ConfigurationProperties("recoup.security")
public record DemoUsersProperties(List<DemoUser> demoUsers) {

    public DemoUsersProperties {
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    public record DemoUser(String username, String password, String role, String description) {
    }
}
