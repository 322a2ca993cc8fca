package dev.recoup.portfolio.imports;

import dev.recoup.portfolio.domain.Column;
import dev.recoup.portfolio.domain.Layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which cell of a file row holds which column of the format. Columns may come in any order;
 * columns the format does not know are ignored (and reported); a file without a header, with a
 * required column missing or with a column twice is unusable.
 */
public final class HeaderMapping {

    private final int[] fileIndexByColumn;
    private final int headerWidth;
    private final List<String> ignoredColumns;

    private HeaderMapping(int[] fileIndexByColumn, int headerWidth, List<String> ignoredColumns) {
        this.fileIndexByColumn = fileIndexByColumn;
        this.headerWidth = headerWidth;
        this.ignoredColumns = ignoredColumns;
    }

    public static HeaderMapping of(ImportSource source, List<String> header, Layout layout) {
        if (header == null) {
            throw new UnusableFileException(source.label(), "empty file: no header row");
        }
        int[] fileIndex = new int[layout.size()];
        Arrays.fill(fileIndex, -1);
        List<String> ignored = new ArrayList<>();
        int width = 0;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            width = i + 1;
            Optional<Column> column = layout.find(name);
            if (column.isEmpty()) {
                ignored.add(name);
            } else if (fileIndex[column.get().index()] >= 0) {
                throw new UnusableFileException(source.label(), "the header has the column " + column.get().name() + " twice");
            } else {
                fileIndex[column.get().index()] = i;
            }
        }
        if (width == 0) {
            throw new UnusableFileException(source.label(), "no header: the first row is empty");
        }
        List<String> missing = layout.columns().stream()
                .filter(c -> c.required() && fileIndex[c.index()] < 0).map(Column::name).toList();
        if (!missing.isEmpty()) {
            throw new UnusableFileException(source.label(), "the header lacks the required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (required for " + source.kind().key() + ": "
                    + String.join(", ", layout.columns().stream().filter(Column::required).map(Column::name).toList()) + ")");
        }
        ignored.addAll(source.ignoredFields());
        return new HeaderMapping(fileIndex, width, List.copyOf(ignored));
    }

    /** Puts the cells of a file row in format order; absent columns and missing cells are null. */
    public void arrange(String[] fields, String[] byColumn) {
        for (int c = 0; c < fileIndexByColumn.length; c++) {
            int i = fileIndexByColumn[c];
            byColumn[c] = i >= 0 && i < fields.length ? fields[i] : null;
        }
    }

    /** The number of cells a row has beyond the header when some of them are not blank, else 0. */
    public int cellsBeyondHeader(String[] fields) {
        for (int i = fields.length - 1; i >= headerWidth; i--) {
            if (fields[i] != null && !fields[i].isBlank()) {
                return i + 1;
            }
        }
        return 0;
    }

    public int headerWidth() {
        return headerWidth;
    }

    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    public static boolean blank(String[] fields) {
        for (String field : fields) {
            if (field != null && !field.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
