package dev.recoup.demo;

import dev.recoup.demo.CustomerFactory.Customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a synthetic, realistic portfolio in the Recoup import format: customers.csv,
 * contacts.csv, accounts.csv, instalments.csv, payments.csv and collateral.csv, and optionally
 * portfolio.xlsx with the same rows.
 *
 * <p>Deterministic: the same seed, account count and as-of date give byte-identical files.
 * Streaming: customers are generated and written one at a time, so any size runs in the same
 * memory (apart from 16 bytes a customer to keep ID numbers unique). Plain Java, no Spring; safe
 * to call from several threads on different directories.
 */
public final class DemoPortfolioGenerator {

    /** The workbook is for small demos: above this many accounts a sheet could exceed Excel's row limit. */
    public static final int MAX_WORKBOOK_ACCOUNTS = 100_000;

    private final Calibration calibration = Calibration.load();

    /** Writes the six CSV files into {@code directory} (created if missing; files of the same name replaced). */
    public GenerationSummary generate(Path directory, int accounts, long seed, LocalDate asOf) {
        return generate(directory, accounts, seed, asOf, false);
    }

    /** As {@link #generate(Path, int, long, LocalDate)}, and with {@code workbook} also portfolio.xlsx. */
    public GenerationSummary generate(Path directory, int accounts, long seed, LocalDate asOf, boolean workbook) {
        if (accounts < 1) {
            throw new IllegalArgumentException("accounts must be at least 1, was " + accounts);
        }
        if (workbook && accounts > MAX_WORKBOOK_ACCOUNTS) {
            throw new IllegalArgumentException("a workbook is written for at most " + MAX_WORKBOOK_ACCOUNTS
                    + " accounts, was " + accounts + "; use the CSV files");
        }
        long started = System.nanoTime();
        long[] behaviours = new long[Behaviour.values().length];
        long[] buckets = new long[GenerationSummary.BUCKETS.length];
        Map<String, Long> rows = new LinkedHashMap<>();
        try {
            Files.createDirectories(directory);
            CustomerFactory customers = new CustomerFactory(calibration, asOf);
            try (PortfolioCsvWriter out = new PortfolioCsvWriter(directory)) {
                int remaining = accounts;
                for (long customerNumber = 1; remaining > 0; customerNumber++) {
                    DemoRandom random = DemoRandom.forCustomer(seed, customerNumber);
                    Customer customer = customers.create(random, Math.min(CustomerFactory.accountCount(random), remaining));
                    out.write(customer);
                    for (Account account : customer.accounts()) {
                        behaviours[account.behaviour.ordinal()]++;
                        buckets[GenerationSummary.bucket(account.daysPastDue(asOf))]++;
                    }
                    remaining -= customer.accounts().size();
                }
                for (PortfolioFile file : PortfolioFile.values()) {
                    rows.put(file.kind, out.rows(file));
                }
            }
            if (workbook) {
                PortfolioWorkbook.write(directory, asOf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo portfolio to " + directory, e);
        }
        Map<String, Long> byBehaviour = new LinkedHashMap<>();
        for (Behaviour behaviour : Behaviour.values()) {
            byBehaviour.put(behaviour.code(), behaviours[behaviour.ordinal()]);
        }
        Map<String, Long> byBucket = new LinkedHashMap<>();
        for (int i = 0; i < buckets.length; i++) {
            byBucket.put(GenerationSummary.BUCKETS[i], buckets[i]);
        }
        return new GenerationSummary(directory, seed, asOf, rows, byBehaviour, byBucket, workbook,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
