package dev.recoup.portfolio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file (or sheet, or JSON array) of an import holds. Declared in dependency order: an
 * import applies the kinds in this order whatever order they arrive in, so that a contact can
 * name a customer of the same import.
 */
public enum ImportKind {
    CUSTOMERS, CONTACTS, ACCOUNTS, INSTALMENTS, PAYMENTS, COLLATERAL;

    /** The name used for parts, sheets, files and JSON keys: {@code customers}, {@code contacts}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All keys for messages: {@code customers, contacts, accounts, instalments, payments, collateral}. */
    public static String allKeys() {
        return String.join(", ", Arrays.stream(values()).map(ImportKind::key).toList());
    }

    /** The kind a part, sheet or file is named after; case and surrounding blanks do not matter. */
    public static Optional<ImportKind> byKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        for (ImportKind kind : values()) {
            if (kind.key().equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
