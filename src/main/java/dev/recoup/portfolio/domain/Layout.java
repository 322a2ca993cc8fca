package dev.recoup.portfolio.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of one kind of file, in the order the format documents them. */
public final class Layout {

    private final List<Column> columns = new ArrayList<>();

    Layout() {
    }

    Column required(String name) {
        return add(name, true, false);
    }

    Column optional(String name) {
        return add(name, false, false);
    }

    Column requiredDate(String name) {
        return add(name, true, true);
    }

    Column optionalDate(String name) {
        return add(name, false, true);
    }

    private Column add(String name, boolean required, boolean date) {
        Column column = new Column(columns.size(), name, required, date);
        columns.add(column);
        return column;
    }

    public List<Column> columns() {
        return Collections.unmodifiableList(columns);
    }

    public int size() {
        return columns.size();
    }

    /** The column a header cell names; case and surrounding blanks do not matter. */
    public Optional<Column> find(String headerName) {
        String wanted = headerName.strip().toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().equals(wanted)).findFirst();
    }
}
