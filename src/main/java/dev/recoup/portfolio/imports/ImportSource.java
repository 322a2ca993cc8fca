package dev.recoup.portfolio.imports;

import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.domain.Layout;

import java.io.IOException;
import java.util.List;

/** Where the rows of one kind come from: a CSV file, a workbook sheet, a JSON array. */
public interface ImportSource {

    ImportKind kind();

    /** The file as the user named it. */
    String file();

    /** The sheet of a workbook or the array of a JSON body; null for a CSV file. */
    String sheet();

    /**
     * Opens the rows; may be called more than once (the header is checked before the import
     * starts, the rows are read inside it).
     *
     * @param layout the format of the kind, for sources that convert typed cells (workbook dates)
     */
    RowStream open(Layout layout) throws IOException;

    /**
     * Whether a row with non-empty cells beyond the header is rejected. In CSV such cells mean a
     * value with an unquoted comma has shifted the rest of the row; in a workbook they are only
     * notes in a column without a heading.
     */
    default boolean rejectsCellsBeyondHeader() {
        return true;
    }

    /** Fields the source met but did not pass on (JSON keys that are no column). */
    default List<String> ignoredFields() {
        return List.of();
    }

    /** How the file is named in reasons and errors: {@code customers.csv}, {@code book.xlsx [customers]}. */
    default String label() {
        return sheet() == null ? file() : file() + " [" + sheet() + "]";
    }
}
