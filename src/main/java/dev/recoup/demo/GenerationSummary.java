package dev.recoup.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a generation run wrote.
 *
 * @param directory   where the files are
 * @param rows        data rows per kind (customers, contacts, accounts, instalments, payments, collateral), headers not counted
 * @param behaviours  accounts per repayment behaviour ({@link Behaviour#code()})
 * @param daysPastDue accounts per bucket on the as-of date: M0 (current), M1 (1–30 days) … M6 (151–180), M7+ (over 180)
 * @param workbook    whether portfolio.xlsx was written too
 * @param elapsed     wall-clock time of the run
 */
public record GenerationSummary(Path directory, long seed, LocalDate asOf, Map<String, Long> rows,
                                Map<String, Long> behaviours, Map<String, Long> daysPastDue, boolean workbook,
                                Duration elapsed) {

    public GenerationSummary {
        rows = Map.copyOf(rows);
        behaviours = Map.copyOf(behaviours);
        daysPastDue = Map.copyOf(daysPastDue);
    }

    public long customers() {
        return rows.get("customers");
    }

    public long contacts() {
        return rows.get("contacts");
    }

    public long accounts() {
        return rows.get("accounts");
    }

    public long instalments() {
        return rows.get("instalments");
    }

    public long payments() {
        return rows.get("payments");
    }

    public long collateral() {
        return rows.get("collateral");
    }

    /** One JSON object, keys in a fixed order, for the command line and logs. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"directory\": ").append(quote(directory.toString())).append(",\n");
        json.append("  \"seed\": ").append(seed).append(",\n");
        json.append("  \"asOf\": ").append(quote(asOf.toString())).append(",\n");
        json.append("  \"rows\": ").append(object(rows, PortfolioFile.values().length, i -> PortfolioFile.values()[i].kind)).append(",\n");
        json.append("  \"behaviours\": ").append(object(behaviours, Behaviour.values().length, i -> Behaviour.values()[i].code())).append(",\n");
        json.append("  \"daysPastDue\": ").append(object(daysPastDue, BUCKETS.length, i -> BUCKETS[i])).append(",\n");
        json.append("  \"workbook\": ").append(workbook ? quote(PortfolioWorkbook.FILE_NAME) : "null").append(",\n");
        json.append("  \"seconds\": ").append(String.format(Locale.ROOT, "%.3f", elapsed.toNanos() / 1e9)).append('\n');
        return json.append('}').toString();
    }

    static final String[] BUCKETS = {"M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7+"};

    /** The bucket of a number of days past due, as in R3: M1 = 1–30, ..., M7+ = over 180. */
    static int bucket(int daysPastDue) {
        return daysPastDue <= 0 ? 0 : Math.min(7, (daysPastDue - 1) / 30 + 1);
    }

    private static String object(Map<String, Long> values, int size, java.util.function.IntFunction<String> key) {
        return java.util.stream.IntStream.range(0, size).mapToObj(key)
                .map(name -> quote(name) + ": " + values.getOrDefault(name, 0L))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
