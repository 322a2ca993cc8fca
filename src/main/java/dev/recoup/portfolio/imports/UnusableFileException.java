package dev.recoup.portfolio.imports;

/**
 * A file that cannot be imported at all (not UTF-8, no header, a required column missing, a
 * corrupt workbook). The whole import is refused and nothing changes.
 */
public class UnusableFileException extends RuntimeException {

    private final String file;

    public UnusableFileException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public UnusableFileException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
