package dev.recoup.approvals.domain;

import java.util.Set;

/**
 * One level of approval, in order (1 = first): its name (shown to people) and the roles whose
 * holders may decide at it.
 */
public record ApprovalLevel(int number, String name, Set<String> roles) {

    public ApprovalLevel {
        roles = Set.copyOf(roles);
    }

    public boolean allows(Set<String> userRoles) {
        return userRoles.stream().anyMatch(roles::contains);
    }
}
