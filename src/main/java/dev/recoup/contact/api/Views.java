package dev.recoup.contact.api;

import dev.recoup.contact.persistence.LedgerStore;
import org.springframework.security.core.Authentication;

/**
 * Personal data shown in full only to those who may see it (docs/permissions.md, access/PersonalData): managers,
 * compliance and legal officers, administrators and the dialer; agents, team leads and agency users see numbers masked.
 */
final class Views {

    private static final java.util.Set<String> FULL = java.util.Set.of("ROLE_MANAGER", "ROLE_COMPLIANCE", "ROLE_LEGAL", "ROLE_ADMIN", "ROLE_DIALER");

    private Views() {
    }

    static boolean seesFullNumbers(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> FULL.contains(a.getAuthority()));
    }

    static LedgerStore.AttemptView mask(LedgerStore.AttemptView view, Authentication user) {
        return seesFullNumbers(user) ? view : view.masked();
    }
}
