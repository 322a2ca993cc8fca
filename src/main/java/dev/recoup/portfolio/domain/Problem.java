package dev.recoup.portfolio.domain;

import java.util.List;

/**
 * One reason a row is rejected.
 *
 * @param column the column at fault, or null when the row as a whole is wrong
 * @param value  the cell as read (stripped)
 */
public record Problem(Column column, String value, ReasonCode code, List<String> args) {
}
