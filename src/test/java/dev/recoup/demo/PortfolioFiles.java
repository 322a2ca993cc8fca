package dev.recoup.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A generated portfolio read back from its CSV files, the way an importer would see it. */
final class PortfolioFiles {

    final Path directory;
    final List<Map<String, String>> customers;
    final List<Map<String, String>> contacts;
    final List<Map<String, String>> accounts;
    final List<Map<String, String>> instalments;
    final List<Map<String, String>> payments;
    final List<Map<String, String>> collateral;

    PortfolioFiles(Path directory) {
        this.directory = directory;
        customers = read("customers");
        contacts = read("contacts");
        accounts = read("accounts");
        instalments = read("instalments");
        payments = read("payments");
        collateral = read("collateral");
    }

    List<Map<String, String>> rows(String kind) {
        return switch (kind) {
            case "customers" -> customers;
            case "contacts" -> contacts;
            case "accounts" -> accounts;
            case "instalments" -> instalments;
            case "payments" -> payments;
            case "collateral" -> collateral;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    List<String> header(String kind) {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                .ofNamedCsvRecord(directory.resolve(kind + ".csv"), StandardCharsets.UTF_8)) {
            return reader.stream().findFirst().map(NamedCsvRecord::getHeader).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, List<Map<String, String>>> instalmentsByAccount() {
        return instalments.stream().collect(Collectors.groupingBy(row -> row.get("account_id"), LinkedHashMap::new, Collectors.toList()));
    }

    Map<String, List<Map<String, String>>> paymentsByAccount() {
        return payments.stream().collect(Collectors.groupingBy(row -> row.get("account_id"), HashMap::new, Collectors.toList()));
    }

    /**
     * Days past due on the as-of date worked out from the files alone: payments allocated to the
     * instalments oldest first; the oldest instalment due and not covered sets the days.
     */
    Map<String, Integer> daysPastDue(LocalDate asOf) {
        Map<String, List<Map<String, String>>> schedules = instalmentsByAccount();
        Map<String, List<Map<String, String>>> paid = paymentsByAccount();
        Map<String, Integer> days = new LinkedHashMap<>();
        for (Map<String, String> account : accounts) {
            String id = account.get("account_id");
            long available = paid.getOrDefault(id, List.of()).stream().mapToLong(p -> fen(p.get("amount"))).sum();
            List<Map<String, String>> schedule = new ArrayList<>(schedules.get(id));
            schedule.sort(Comparator.comparingInt(row -> Integer.parseInt(row.get("seq"))));
            int dpd = 0;
            for (Map<String, String> row : schedule) {
                LocalDate due = LocalDate.parse(row.get("due_date"));
                if (due.isAfter(asOf)) {
                    break;
                }
                long total = fen(row.get("principal_due")) + fen(row.get("interest_due")) + fen(row.get("fee_due"))
                        + fen(row.get("penalty_due"));
                if (available >= total) {
                    available -= total;
                } else {
                    dpd = (int) (asOf.toEpochDay() - due.toEpochDay());
                    break;
                }
            }
            days.put(id, dpd);
        }
        return days;
    }

    static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    private List<Map<String, String>> read(String kind) {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                .ofNamedCsvRecord(directory.resolve(kind + ".csv"), StandardCharsets.UTF_8)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (NamedCsvRecord record : reader) {
                rows.add(record.getFieldsAsMap());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
