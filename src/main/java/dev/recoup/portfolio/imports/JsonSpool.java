package dev.recoup.portfolio.imports;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.domain.Column;
import dev.recoup.portfolio.domain.Layout;
import dev.recoup.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON import body — {@code {"customers": [{...}], "accounts": [...]}} — as a stream and
 * writes each array to a CSV file of its own, so that a large body never sits in memory and the
 * kinds can then be applied in dependency order whatever order the body has them in. Rows are
 * numbered by their position in the array, from 1.
 */
public final class JsonSpool {

    /** How the body is named in reports. */
    public static final String FILE_NAME = "request.json";
    private static final int MAX_IGNORED_FIELDS = 50;
    private static final JsonFactory JSON = new JsonFactory();

    private JsonSpool() {
    }

    /**
     * Spools the body into {@code directory}, one CSV file per kind.
     *
     * @throws InvalidInputException when the body is not an object of arrays of flat objects, or names an unknown kind
     */
    public static List<ImportSource> spool(InputStream body, Path directory) {
        List<ImportSource> sources = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("the body must be a JSON object like {\"customers\": [...], \"accounts\": [...]}");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                ImportKind kind = ImportKind.byKey(name).orElseThrow(() -> new InvalidInputException("kind", name,
                        "unknown kind " + name + "; the kinds are " + ImportKind.allKeys()));
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw invalid(name + " must be an array of objects");
                }
                sources.add(spoolArray(parser, kind, StagedKind.of(kind, List.of()).layout(), directory.resolve(kind.key() + "-" + sources.size() + ".csv")));
            }
        } catch (JacksonException e) {
            throw invalid("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static ImportSource spoolArray(JsonParser parser, ImportKind kind, Layout layout, Path file) throws IOException {
        Set<String> ignored = new LinkedHashSet<>();
        List<Column> columns = layout.columns();
        String[] row = new String[columns.size()];
        long position = 0;
        try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
            csv.writeRecord(columns.stream().map(Column::name).toList());
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                position++;
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw invalid(kind.key() + "[" + position + "] must be an object");
                }
                Arrays.fill(row, "");
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    var column = layout.find(field);
                    if (column.isEmpty()) {
                        if (ignored.size() < MAX_IGNORED_FIELDS) {
                            ignored.add(field);
                        }
                        parser.skipChildren();
                        continue;
                    }
                    row[column.get().index()] = switch (value) {
                        case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getString();
                        case VALUE_TRUE -> "true";
                        case VALUE_FALSE -> "false";
                        case VALUE_NULL -> "";
                        default -> throw invalid(kind.key() + "[" + position + "]." + field
                                + " must be a string, a number, true, false or null");
                    };
                }
                csv.writeRecord(row);
            }
        }
        return new CsvSource(kind, file, FILE_NAME, kind.key(), 1, List.copyOf(ignored));
    }

    private static InvalidInputException invalid(String reason) {
        return new InvalidInputException("body", FILE_NAME, reason);
    }
}
