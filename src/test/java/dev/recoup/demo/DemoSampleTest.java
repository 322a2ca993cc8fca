package dev.recoup.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed sample in samples/demo-small is exactly what its command in the README regenerates. */
class DemoSampleTest {

    static final Path SAMPLE = Path.of("samples", "demo-small");
    static final List<String> CSV_FILES = List.of("customers.csv", "contacts.csv", "accounts.csv", "instalments.csv",
            "payments.csv", "collateral.csv");

    @Test
    void regeneratingTheCommittedSampleGivesTheSameBytes(@TempDir Path regenerated) throws Exception {
        GenerationSummary summary = new DemoPortfolioGenerator().generate(regenerated, 100, 42, LocalDate.of(2026, 11, 20), true);

        assertThat(summary.customers()).isEqualTo(73);
        for (String file : CSV_FILES) {
            assertThat(Files.readAllBytes(regenerated.resolve(file))).as(file).isEqualTo(Files.readAllBytes(SAMPLE.resolve(file)));
        }
        // The workbook is compared entry by entry, uncompressed: its content is fixed by the seed, but
        // the compressed bytes could differ with another zlib than the one the sample was made with.
        assertThat(entries(regenerated.resolve("portfolio.xlsx"))).isEqualTo(entries(SAMPLE.resolve("portfolio.xlsx")));
    }

    /** Entry name and time → SHA-256 of the uncompressed content. */
    private static Map<String, String> entries(Path workbook) throws IOException, NoSuchAlgorithmException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
                    entries.put(entry.getName() + " @" + entry.getTimeLocal(), HexFormat.of().formatHex(digest));
                }
            }
        }
        return entries;
    }
}
