package dev.recoup.portfolio;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Published at the end of an import, inside its transaction, after every kind is applied: other
 * modules bring what they keep about the portfolio in line before the import commits (the payments
 * module allocates the payments it brought). Every row the import inserted or changed carries
 * {@code updated_at = stampedAt}; rows it found unchanged keep theirs.
 *
 * @param kinds the kinds the import read
 */
public record PortfolioImported(long importId, OffsetDateTime stampedAt, Set<ImportKind> kinds) {

    public PortfolioImported {
        kinds = Set.copyOf(kinds);
    }
}
