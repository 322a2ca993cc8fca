package dev.recoup.portfolio.imports;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.StringArrayHandler;
import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.domain.Layout;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file: UTF-8 (with or without a byte-order mark), a header row, comma-separated, quotes
 * as RFC 4180. Bytes that are not UTF-8 (a GBK export, say) make the whole file unusable rather
 * than turning into replacement characters in names and addresses. They are found row by row (as
 * replacement characters) rather than by the decoder, which reads ahead and could not say which
 * row is at fault.
 *
 * @param firstRowNumber the number of the first row after the header: 2 for a file (as a
 *                       spreadsheet shows it), 1 for rows taken from a JSON array
 */
public record CsvSource(ImportKind kind, Path path, String file, String sheet, int firstRowNumber,
                        List<String> ignoredFields) implements ImportSource {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** What the decoder puts where bytes are not UTF-8. */
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    /** A file as a user hands it over. */
    public static CsvSource of(ImportKind kind, Path path, String fileName) {
        return new CsvSource(kind, path, fileName, null, 2, List.of());
    }

    @Override
    public RowStream open(Layout layout) throws IOException {
        return new Rows(this);
    }

    private static final class Rows implements RowStream {

        private final CsvSource source;
        private final CsvReader<String[]> reader;
        private final CloseableIterator<String[]> records;
        private final List<String> header;
        private long rowNumber;
        private String[] fields;

        Rows(CsvSource source) throws IOException {
            this.source = source;
            Reader text = new InputStreamReader(Files.newInputStream(source.path()), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
            // Empty lines are kept (and skipped later) so that row numbers match what a spreadsheet shows.
            this.reader = CsvReader.builder()
                    .skipEmptyLines(false)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .build(StringArrayHandler.of(), text);
            this.records = reader.iterator();
            this.rowNumber = source.firstRowNumber() - 1;
            String[] first = read();
            if (first == null) {
                this.header = null;
            } else {
                if (first.length > 0 && !first[0].isEmpty() && first[0].charAt(0) == BYTE_ORDER_MARK) {
                    first[0] = first[0].substring(1);
                }
                requireUtf8(first, null);
                this.header = Arrays.asList(first);
            }
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public boolean next() {
            fields = read();
            if (fields == null) {
                return false;
            }
            rowNumber++;
            requireUtf8(fields, header);
            return true;
        }

        private void requireUtf8(String[] cells, List<String> names) {
            for (int i = 0; i < cells.length; i++) {
                if (cells[i].indexOf(REPLACEMENT_CHARACTER) >= 0) {
                    String column = names != null && i < names.size() ? " (column " + names.get(i) + ")" : "";
                    throw new UnusableFileException(source.label(), "not UTF-8 text: row " + rowNumber + column
                            + " has bytes that are no UTF-8 character; save the file as \"CSV UTF-8\"");
                }
            }
        }

        private String[] read() {
            try {
                return records.hasNext() ? records.next() : null;
            } catch (UncheckedIOException | CsvParseException e) {
                throw new UnusableFileException(source.label(), "not readable as CSV after row " + rowNumber + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public long rowNumber() {
            return rowNumber;
        }

        @Override
        public String[] fields() {
            return fields;
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
