package dev.recoup.approvals.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Set;
import java.util.stream.Collectors;

/** The roles of the signed-in person, as approval levels name them (ADMIN, MANAGER, TEAM_LEAD, …). */
public final class DeciderRoles {

    private DeciderRoles() {
    }

    public static Set<String> of(Authentication user) {
        if (user == null) {
            return Set.of();
        }
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet());
    }
}
