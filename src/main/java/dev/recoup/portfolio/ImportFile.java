package dev.recoup.portfolio;

import java.nio.file.Path;
import java.util.Objects;

/** One CSV file of an import and what it holds. */
public record ImportFile(ImportKind kind, Path path) {

    public ImportFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }
}
