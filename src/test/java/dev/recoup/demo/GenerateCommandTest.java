package dev.recoup.demo;

import dev.recoup.shared.BusinessClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {

    /** 2026-03-01 00:30 in Shanghai is still February in UTC: the default must use Shanghai's date. */
    static final BusinessClock SHANGHAI = new BusinessClock(
            Clock.fixed(Instant.parse("2026-02-28T16:30:00Z"), ZoneId.of("Asia/Shanghai")));

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsAJsonSummaryWithTheRowsOfEveryKindAndTheSeconds(@TempDir Path directory) {
        int status = run("--accounts", "40", "--seed", "5", "--as-of", "2026-11-20", "--out", directory.toString());

        assertThat(status).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"seed\": 5", "\"asOf\": \"2026-11-20\"", "\"accounts\": 40", "\"customers\": ",
                "\"contacts\": ", "\"instalments\": ", "\"payments\": ", "\"collateral\": ", "\"daysPastDue\": {\"M0\": ",
                "\"behaviours\": {\"on_time\": ", "\"workbook\": null", "\"seconds\": ");
        assertThat(directory.resolve("accounts.csv")).exists();
        assertThat(directory.resolve("portfolio.xlsx")).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void optionsMayAlsoBeWrittenWithAnEqualsSignAndTheWorkbookIsOptional(@TempDir Path directory) {
        int status = run("--accounts=25", "--as-of=2026-11-20", "--out=" + directory, "--xlsx");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"accounts\": 25", "\"workbook\": \"portfolio.xlsx\"");
        assertThat(directory.resolve("portfolio.xlsx")).exists();
    }

    @Test
    void withoutAnAsOfDateItUsesTodayInShanghaiAndWarnsThatTheFilesDependOnIt(@TempDir Path directory) {
        int status = run("--accounts", "10", "--out", directory.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"asOf\": \"2026-03-01\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no --as-of", "2026-03-01", "depend");
        assertThat(new PortfolioFiles(directory).payments)
                .allSatisfy(payment -> assertThat(payment.get("paid_on")).isLessThanOrEqualTo("2026-03-01"));
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage(@TempDir Path directory) {
        int status = run("--acounts", "10", "--out", directory.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--acounts'", "usage:");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void badValuesAreRefusedNamingTheOptionAndTheValue() {
        assertThat(run("--accounts", "many")).isEqualTo(2);
        assertThat(run("--accounts", "0")).isEqualTo(2);
        assertThat(run("--as-of", "20.11.2026")).isEqualTo(2);
        assertThat(run("--seed")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--accounts must be a whole number, was 'many'", "--accounts must be between 1",
                        "--as-of must be a date as yyyy-MM-dd, was '20.11.2026'", "--seed needs a value");
    }

    @Test
    void aWorkbookForMoreThanAHundredThousandAccountsIsRefusedBeforeWritingAnything(@TempDir Path directory) {
        int status = run("--accounts", "100001", "--xlsx", "--as-of", "2026-11-20", "--out", directory.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--xlsx is for at most 100000 accounts");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--accounts N", "--as-of", "depend on the day");
    }

    private int run(String... args) {
        return GenerateCommand.run(args, SHANGHAI, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
