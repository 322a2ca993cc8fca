package dev.recoup.portfolio.imports;

import java.io.Closeable;
import java.util.List;

/** The rows of a source, one at a time: nothing holds a whole file. */
public interface RowStream extends Closeable {

    /** The header cells, or null when the source has no row at all. Read before {@link #next()}. */
    List<String> header();

    /** Moves to the next row; false at the end. */
    boolean next();

    /** The current row's number as a spreadsheet user counts (the header is row 1). */
    long rowNumber();

    /** The current row's cells in file order; may be shorter or longer than the header. */
    String[] fields();

    @Override
    void close();
}
