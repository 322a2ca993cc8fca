package dev.recoup.contact;

import dev.recoup.contact.domain.Decision;

/**
 * The one gate (R10): every path that contacts a debtor or a third party asks here first — task
 * creation, the dialer call list, the SMS/e-mail sender, the agent's call button.
 */
public interface ContactDecisions {

    Decision decide(ProposedContact proposed);
}
