package dev.recoup.contact.api;

import dev.recoup.contact.persistence.LedgerStore;

/**
 * A ledger row as the API shows it: numbers in full only to those who may see them (access/PersonalData,
 * docs/permissions.md), masked for everyone else.
 */
final class Views {

    private Views() {
    }

    static LedgerStore.AttemptView mask(LedgerStore.AttemptView view, boolean seesUnmasked) {
        return seesUnmasked ? view : view.masked();
    }
}
