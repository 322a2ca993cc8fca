package dev.recoup.contact.api;

import dev.recoup.contact.persistence.LedgerStore;
import org.springframework.security.core.Authentication;

/** Personal data shown in full only to those who may see it: agents see numbers masked (PIPL: minimum necessary). */
final class Views {

    private Views() {
    }

    static boolean seesFullNumbers(Authentication user) {
        return user != null && user.getAuthorities().stream().noneMatch(a -> "ROLE_AGENT".equals(a.getAuthority()));
    }

    static LedgerStore.AttemptView mask(LedgerStore.AttemptView view, Authentication user) {
        return seesFullNumbers(user) ? view : view.masked();
    }
}
