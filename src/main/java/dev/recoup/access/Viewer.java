package dev.recoup.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The person (or script, through a token) a request is made for, with what scopes their data:
 * the allocation agent they are ({@code agentId}), the agency they work for ({@code agencyId}) and
 * the teams they lead ({@code teamIds}); ids of allocation's agent, agency and team tables.
 */
public record Viewer(long userId, String username, Set<Role> roles, Long agentId, Long agencyId, Set<Long> teamIds) {

    /** Roles that see every case: nothing narrows them. */
    private static final Set<Role> ALL_CASES = EnumSet.of(Role.MANAGER, Role.COMPLIANCE, Role.LEGAL, Role.ADMIN);

    public Viewer {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(roles);
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Managers, compliance and legal officers and administrators see every case. */
    public boolean seesAllCases() {
        for (Role role : roles) {
            if (ALL_CASES.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
