package dev.recoup.access;

/**
 * What a user does in Recoup; a user may have several. Spring authorities are {@code ROLE_<name>},
 * so {@code hasAnyRole("MANAGER", …)} matchers read these names. docs/permissions.md says what each may do.
 */
public enum Role {
    AGENT, TEAM_LEAD, MANAGER, COMPLIANCE, LEGAL, AGENCY, ADMIN, DIALER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role of a Spring authority ("ROLE_AGENT"), or null for authorities that are no role. */
    public static Role ofAuthority(String authority) {
        if (authority == null || !authority.startsWith("ROLE_")) {
            return null;
        }
        try {
            return valueOf(authority.substring(5));
        } catch (IllegalArgumentException notARole) {
            return null;
        }
    }
}
