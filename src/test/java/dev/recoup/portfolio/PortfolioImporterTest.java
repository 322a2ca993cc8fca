package dev.recoup.portfolio;

import dev.recoup.demo.DemoPortfolioGenerator;
import dev.recoup.portfolio.ImportReport.Counts;
import dev.recoup.portfolio.ImportReport.FileReport;
import dev.recoup.portfolio.ImportReport.Rejection;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.PortfolioWriteLock;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@RecoupIntegrationTest
class PortfolioImporterTest {

    static final Path SAMPLES = Path.of("samples", "import");
    static final Path SAMPLES_WITH_ERRORS = Path.of("samples", "import-with-errors");
    static final String CUSTOMERS_HEADER = "customer_id,name,id_number,birth_date,gender,occupation,employer,region_code,address\n";

    @Autowired PortfolioImporter importer;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @TempDir Path temp;

    @BeforeEach
    void cleanDatabase() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void theSamplePortfolioIsImportedWhole() {
        ImportReport report = importer.importDirectory(SAMPLES);

        assertThat(report.rejections()).isEmpty();
        // The directory lists accounts.csv first; customers must still be applied first.
        assertThat(report.files()).extracting(FileReport::kind)
                .containsExactly("customers", "contacts", "accounts", "instalments", "payments", "collateral");
        assertThat(report.total()).isEqualTo(new Counts(196, 196, 0, 196, 0, 0));
        assertThat(count("customer")).isEqualTo(10);
        assertThat(count("contact")).isEqualTo(16);
        assertThat(count("account")).isEqualTo(12);
        assertThat(count("instalment")).isEqualTo(144);
        assertThat(count("payment")).isEqualTo(10);
        assertThat(count("collateral")).isEqualTo(4);
    }

    @Test
    void valuesAreStoredNormalisedAmountsInFen() {
        importer.importDirectory(SAMPLES);

        assertThat(jdbc.sql("select contact_ref, phone from contact where contact_ref in ('K0002', 'K0003', 'K0004', 'K0007') order by 1")
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2))).list())
                .containsExactly(tuple("K0002", "13912345679"), tuple("K0003", "15021034567"),
                        tuple("K0004", "021-68881234"), tuple("K0007", "13757112233"));
        assertThat(jdbc.sql("select principal, annual_rate::text from account where account_ref = 'A0005'")
                .query((rs, n) -> tuple(rs.getLong(1), rs.getString(2))).single())
                .isEqualTo(tuple(30_000_000L, "0.083500"));
        assertThat(jdbc.sql("select fee_due, penalty_due from instalment i join account a on a.id = i.account_id "
                        + "where a.account_ref = 'A0003' and seq = 4")
                .query((rs, n) -> tuple(rs.getLong(1), rs.getLong(2))).single())
                .as("an empty fee_due or penalty_due means 0").isEqualTo(tuple(1500L, 0L));
        assertThat(jdbc.sql("select customer_ref, birth_date::text, gender from customer where customer_ref = 'C0002'")
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3))).single())
                .isEqualTo(tuple("C0002", "1990-07-22", "F"));
    }

    @Test
    void reimportingTheSameFilesChangesNothing() {
        importer.importDirectory(SAMPLES);
        Map<String, String> before = snapshot();

        ImportReport again = importer.importDirectory(SAMPLES);

        assertThat(again.total()).isEqualTo(new Counts(196, 196, 0, 0, 0, 196));
        assertThat(again.files()).allSatisfy(f -> assertThat(f.counts().unchanged()).isEqualTo(f.counts().read()));
        assertThat(snapshot()).as("every row, updated_at included").isEqualTo(before);
    }

    @Test
    void aChangedRowIsUpdatedAndTheOthersAreNotTouched() throws IOException {
        Path files = copyOfSamples();
        importer.importDirectory(files);
        Map<String, String> before = updatedAtOfCustomers();
        Path customers = files.resolve("customers.csv");
        Files.writeString(customers, Files.readString(customers).replace("四川省成都市武侯区国学巷37号", "四川省成都市武侯区人民南路四段1号"));

        ImportReport report = importer.importDirectory(files);

        assertThat(report.files().getFirst().counts()).isEqualTo(new Counts(10, 10, 0, 0, 1, 9));
        Map<String, String> after = updatedAtOfCustomers();
        assertThat(after.get("C0005")).isNotEqualTo(before.get("C0005"));
        after.remove("C0005");
        before.remove("C0005");
        assertThat(after).isEqualTo(before);
        assertThat(jdbc.sql("select address from customer where customer_ref = 'C0005'").query(String.class).single())
                .isEqualTo("四川省成都市武侯区人民南路四段1号");
    }

    @Test
    void instalmentsAreUpsertedByAccountAndSeq() throws IOException {
        Path files = copyOfSamples();
        importer.importDirectory(files);
        Path instalments = files.resolve("instalments.csv");
        Files.writeString(instalments, Files.readString(instalments).replace("A0001,2,2024-03-15,3000.00,495.00,,", "A0001,2,2024-03-20,3000.00,495.00,,"));

        ImportReport report = importer.importFiles(List.of(new ImportFile(ImportKind.INSTALMENTS, instalments)));

        assertThat(report.total()).isEqualTo(new Counts(144, 144, 0, 0, 1, 143));
        assertThat(count("instalment")).isEqualTo(144);
        assertThat(jdbc.sql("select due_date::text from instalment i join account a on a.id = i.account_id where account_ref = 'A0001' and seq = 2")
                .query(String.class).single()).isEqualTo("2024-03-20");
    }

    @Test
    void theErrorSampleRejectsEveryBadRowWithItsRowColumnAndReasonAndAppliesTheGoodOnes() {
        ImportReport report = importer.importDirectory(SAMPLES_WITH_ERRORS);

        assertThat(report.rejections()).extracting(Rejection::file, Rejection::row, Rejection::column, Rejection::value, Rejection::code)
                .containsExactly(
                        tuple("customers.csv", 3L, "id_number", "110105198001010020", "id_number_check_digit"),
                        tuple("customers.csv", 4L, "birth_date", "1989-07-05", "birth_date_mismatch"),
                        tuple("customers.csv", 5L, "name", "", "required"),
                        tuple("customers.csv", 6L, "customer_id", "E001", "duplicate"),
                        tuple("customers.csv", 7L, "gender", "X", "gender_invalid"),
                        tuple("customers.csv", 7L, "region_code", "12345", "region_code_invalid"),
                        tuple("contacts.csv", 3L, "customer_id", "E999", "unknown_customer"),
                        tuple("contacts.csv", 4L, "phone", "12345", "phone_invalid"),
                        tuple("contacts.csv", 5L, "role", "friend", "unknown_value"),
                        tuple("contacts.csv", 6L, "email", "lin.feng@", "email_invalid"),
                        tuple("contacts.csv", 7L, "customer_id", "E002", "unknown_customer"),
                        tuple("accounts.csv", 3L, "annual_rate", "18", "rate_looks_like_percentage"),
                        tuple("accounts.csv", 4L, "currency", "USD", "currency_not_accepted"),
                        tuple("accounts.csv", 5L, "principal", "-100", "negative_amount"),
                        tuple("accounts.csv", 6L, "start_date", "2024/03/01", "not_a_date"),
                        tuple("accounts.csv", 7L, "customer_id", "E404", "unknown_customer"),
                        tuple("accounts.csv", 8L, "principal", "1000.123", "too_many_decimals"),
                        tuple("instalments.csv", 3L, "principal_due", "", "required"),
                        tuple("instalments.csv", 4L, "seq", "0", "not_a_positive_whole_number"),
                        tuple("instalments.csv", 5L, "account_id", "EA99", "unknown_account"),
                        tuple("instalments.csv", 6L, "seq", "1", "duplicate"),
                        tuple("payments.csv", 3L, "amount", "0", "amount_not_positive"),
                        tuple("payments.csv", 4L, "paid_on", "2024-13-01", "not_a_date"),
                        tuple("payments.csv", 5L, "account_id", "EA02", "unknown_account"),
                        tuple("collateral.csv", 3L, "type", "boat", "unknown_value"),
                        tuple("collateral.csv", 4L, "account_id", "EA77", "unknown_account"));
        assertThat(report.rejectionCount()).isEqualTo(26);
        assertThat(report.files()).extracting(f -> f.kind(), f -> f.counts())
                .containsExactly(
                        tuple("customers", new Counts(7, 2, 5, 2, 0, 0)),
                        tuple("contacts", new Counts(6, 1, 5, 1, 0, 0)),
                        tuple("accounts", new Counts(7, 1, 6, 1, 0, 0)),
                        tuple("instalments", new Counts(6, 2, 4, 2, 0, 0)),
                        tuple("payments", new Counts(4, 1, 3, 1, 0, 0)),
                        tuple("collateral", new Counts(3, 1, 2, 1, 0, 0)));
        assertThat(jdbc.sql("select customer_ref from customer order by 1").query(String.class).list()).containsExactly("E001", "E006");
        assertThat(jdbc.sql("select account_ref from account").query(String.class).list()).containsExactly("EA01");
    }

    @Test
    void aContactOfAnUnknownCustomerIsRejectedWithItsRowAndColumn() {
        ImportReport report = importer.importDirectory(SAMPLES_WITH_ERRORS);

        assertThat(report.rejections()).filteredOn(r -> r.file().equals("contacts.csv") && r.row() == 3).singleElement()
                .satisfies(r -> {
                    assertThat(r.column()).isEqualTo("customer_id");
                    assertThat(r.reason()).isEqualTo("no customer E999 in this import or the portfolio");
                    assertThat(r.reasonZh()).isEqualTo("本次导入和现有组合中都没有客户 E999");
                });
    }

    @Test
    void reasonsTellTheUserWhatToWrite() {
        ImportReport report = importer.importDirectory(SAMPLES_WITH_ERRORS);

        assertThat(reason(report, "accounts.csv", 3)).isEqualTo("looks like a percentage; write 0.18 for 18%");
        assertThat(reason(report, "accounts.csv", 4)).isEqualTo("currency USD is not accepted; accepted: CNY");
        assertThat(reason(report, "customers.csv", 6)).isEqualTo("duplicate: same customer_id as row 2 of customers.csv");
        assertThat(reason(report, "instalments.csv", 6)).isEqualTo("duplicate: same account_id and seq as row 2 of instalments.csv");
        assertThat(reason(report, "customers.csv", 3)).isEqualTo("wrong check digit: the first 17 digits call for 4");
        assertThat(reason(report, "customers.csv", 4)).isEqualTo("birth date 1989-07-05 differs from 1989-07-04 in the ID number");
        assertThat(reason(report, "contacts.csv", 5)).isEqualTo("must be one of self|spouse|relative|colleague|emergency|other");
    }

    @Test
    void theIdNumberFillsAnEmptyBirthDateAndGender() {
        importer.importDirectory(SAMPLES_WITH_ERRORS);

        assertThat(jdbc.sql("select birth_date::text, gender from customer where customer_ref = 'E006'")
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2))).single())
                .isEqualTo(tuple("1987-05-19", "M"));
    }

    @Test
    void kindsAreAppliedInDependencyOrderWhateverOrderTheyArriveIn() {
        List<ImportFile> backwards = new ArrayList<>();
        for (ImportKind kind : List.of(ImportKind.values()).reversed()) {
            backwards.add(new ImportFile(kind, SAMPLES.resolve(kind.key() + ".csv")));
        }

        ImportReport report = importer.importFiles(backwards);

        assertThat(report.total().rejected()).isZero();
        assertThat(report.files()).extracting(FileReport::kind)
                .containsExactly("customers", "contacts", "accounts", "instalments", "payments", "collateral");
    }

    @Test
    void referencesToRowsAlreadyInThePortfolioAreAccepted() {
        importer.importFiles(List.of(new ImportFile(ImportKind.CUSTOMERS, SAMPLES.resolve("customers.csv"))));

        ImportReport accounts = importer.importFiles(List.of(new ImportFile(ImportKind.ACCOUNTS, SAMPLES.resolve("accounts.csv"))));

        assertThat(accounts.total()).isEqualTo(new Counts(12, 12, 0, 12, 0, 0));
    }

    @Test
    void aFileThatIsNotUtf8ChangesNothing() throws IOException {
        Path files = copyOfSamples();
        Path contacts = files.resolve("contacts.csv");
        Files.writeString(contacts, Files.readString(contacts), Charset.forName("GBK"));

        assertThatThrownBy(() -> importer.importDirectory(files))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("contacts.csv")
                .hasMessageContaining("not UTF-8")
                .hasMessageContaining("row 2");
        assertNothingChanged();
    }

    @Test
    void bytesThatAreNotUtf8DeepInALargeFileStillChangeNothing() throws IOException {
        Path files = copyOfSamples();
        StringBuilder customers = new StringBuilder(CUSTOMERS_HEADER);
        for (int i = 1; i <= 20_000; i++) {
            customers.append("X").append(i).append(",Customer ").append(i).append(",,,,,,,\n");
        }
        Path file = files.resolve("customers.csv");
        Files.writeString(file, customers);
        Files.write(file, "X0,\u5f20\u4e09,,,,,,,\n".getBytes(Charset.forName("GBK")), java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> importer.importDirectory(files))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("customers.csv: not UTF-8 text: row 20002 (column name)");
        assertNothingChanged();
    }

    @Test
    void aRequiredColumnMissingFromTheHeaderChangesNothing() throws IOException {
        Path files = copyOfSamples();
        Path accounts = files.resolve("accounts.csv");
        Files.writeString(accounts, Files.readString(accounts).replace(",annual_rate,", ",rate,"));

        assertThatThrownBy(() -> importer.importDirectory(files))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("accounts.csv: the header lacks the required column annual_rate");
        assertNothingChanged();
    }

    @Test
    void anEmptyFileChangesNothing() throws IOException {
        Path files = copyOfSamples();
        Files.writeString(files.resolve("payments.csv"), "");

        assertThatThrownBy(() -> importer.importDirectory(files))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("payments.csv: empty file: no header row");
        assertNothingChanged();
    }

    @Test
    void aCsvFileNamedAfterNoKindChangesNothing() throws IOException {
        Path files = copyOfSamples();
        Files.writeString(files.resolve("guarantors.csv"), "guarantor_id\nG1\n");

        assertThatThrownBy(() -> importer.importDirectory(files))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("guarantors.csv: the file name names no kind");
        assertNothingChanged();
    }

    @Test
    void columnsMayComeInAnyOrderAfterAByteOrderMarkAndUnknownColumnsAreReportedAsIgnored() throws IOException {
        Path file = temp.resolve("customers.csv");
        Files.writeString(file, "\uFEFFname,Customer_ID,nickname\n张三,C1,小张\n");

        ImportReport report = importer.importFiles(List.of(new ImportFile(ImportKind.CUSTOMERS, file)));

        assertThat(report.files().getFirst().ignoredColumns()).containsExactly("nickname");
        assertThat(report.total().inserted()).isEqualTo(1);
        assertThat(jdbc.sql("select name from customer where customer_ref = 'C1'").query(String.class).single()).isEqualTo("张三");
    }

    @Test
    void rowNumbersAreThoseASpreadsheetShows() throws IOException {
        Path file = temp.resolve("customers.csv");
        // Row 2 spans two lines (a quoted line break), row 3 is empty: the bad row is row 4.
        Files.writeString(file, CUSTOMERS_HEADER + "C1,张三,,,,,,,\"北京市朝阳区\n建国路88号\"\n\nC2,李四,,1990-02-30,,,,,\n");

        ImportReport report = importer.importFiles(List.of(new ImportFile(ImportKind.CUSTOMERS, file)));

        assertThat(report.rejections()).extracting(Rejection::row, Rejection::column, Rejection::code)
                .containsExactly(tuple(4L, "birth_date", "not_a_date"));
        assertThat(report.total().read()).as("the empty row is not counted").isEqualTo(2);
        assertThat(jdbc.sql("select address from customer where customer_ref = 'C1'").query(String.class).single())
                .isEqualTo("北京市朝阳区\n建国路88号");
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsRejectedAsAWhole() throws IOException {
        Path file = temp.resolve("customers.csv");
        Files.writeString(file, CUSTOMERS_HEADER + "C1,张三,,,,,,,北京市朝阳区,建国路88号\nC2,李四,,,,,,,,\n");

        ImportReport report = importer.importFiles(List.of(new ImportFile(ImportKind.CUSTOMERS, file)));

        assertThat(report.rejections()).extracting(Rejection::row, Rejection::column, Rejection::code, Rejection::reason)
                .containsExactly(tuple(2L, null, "too_many_fields",
                        "the row has 10 cells but the header has 9 columns; a value with a comma needs quotes"));
        assertThat(report.total().inserted()).as("a trailing empty cell is harmless").isEqualTo(1);
    }

    @Test
    void thousandsOfRejectedRowsAreAllKeptAndDoNotStopTheGoodOnes() throws IOException {
        Path file = temp.resolve("customers.csv");
        StringBuilder rows = new StringBuilder(CUSTOMERS_HEADER);
        for (int i = 1; i <= 12_000; i++) {
            // Every third row lacks its name.
            rows.append("C").append(i).append(',').append(i % 3 == 0 ? "" : "客户" + i).append(",,,,,,,\n");
        }
        Files.writeString(file, rows);

        ImportReport report = importer.importFiles(List.of(new ImportFile(ImportKind.CUSTOMERS, file)));

        assertThat(report.total()).isEqualTo(new Counts(12_000, 8_000, 4_000, 8_000, 0, 0));
        assertThat(report.rejectionCount()).isEqualTo(4_000);
        assertThat(report.rejections()).hasSize(ImportReport.INLINE_REJECTIONS)
                .extracting(Rejection::row).startsWith(4L, 7L, 10L);
        assertThat(importer.rejections(report.id(), 39, 100).rejections()).extracting(Rejection::row).endsWith(12_001L);
        assertThat(count("customer")).isEqualTo(8_000);
    }

    @Test
    void theDemoSampleImportsWithoutRejectionsAndItsWorkbookHoldsTheSameRows() {
        Path demo = Path.of("samples", "demo-small");

        ImportReport csv = importer.importDirectory(demo);
        ImportReport workbook = importer.importWorkbook(demo.resolve("portfolio.xlsx"));

        assertThat(csv.rejections()).isEmpty();
        assertThat(csv.files()).hasSize(6).as("the workbook is not read with the CSV files").allSatisfy(f -> assertThat(f.sheet()).isNull());
        assertThat(csv.total().inserted()).isEqualTo(csv.total().read()).isPositive();
        assertThat(workbook.rejections()).isEmpty();
        assertThat(workbook.total().unchanged()).as("every sheet row equals its CSV row").isEqualTo(csv.total().read());
    }

    @Test
    void anImportWaitsForAnotherOneAndThenFindsTheKeysItInserted() throws Exception {
        Future<ImportReport> second;
        try (ExecutorService thread = Executors.newSingleThreadExecutor(); Connection first = dataSource.getConnection()) {
            // An import in progress: it holds the import lock and has inserted C0001, not yet committed.
            first.setAutoCommit(false);
            try (var statement = first.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + PortfolioWriteLock.IMPORT_KEY + ")");
                statement.execute("insert into customer (customer_ref, name) values ('C0001', 'inserted by the first import')");
            }
            second = thread.submit(() -> importer.importDirectory(SAMPLES));
            awaitImportLockWaiter();
            assertThat(second.isDone()).as("the second import waits for the first").isFalse();
            first.commit();
        }

        // Had it not waited, it would have found customer empty, inserted C0001 too and failed on the unique key.
        ImportReport report = second.get(60, TimeUnit.SECONDS);
        assertThat(report.files().getFirst().counts()).isEqualTo(new Counts(10, 10, 0, 9, 1, 0));
        assertThat(report.total()).isEqualTo(new Counts(196, 196, 0, 195, 1, 0));
        assertThat(jdbc.sql("select name from customer where customer_ref = 'C0001'").query(String.class).single())
                .isNotEqualTo("inserted by the first import");
    }

    @Test
    void twoImportsOfTheSameNewRowsAtOnceBothSucceedOneAfterTheOther() throws Exception {
        // Large enough (about 33,000 rows) for the two to overlap if they were not serialised.
        Path files = temp.resolve("demo");
        long rows = new DemoPortfolioGenerator().generate(files, 2_000, 7, LocalDate.parse("2026-11-20")).rows().values().stream()
                .mapToLong(Long::longValue).sum();
        var start = new CyclicBarrier(2);
        List<Counts> totals = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<ImportReport>> imports = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                imports.add(threads.submit(() -> {
                    start.await();
                    return importer.importDirectory(files);
                }));
            }
            for (var running : imports) {
                totals.add(running.get(120, TimeUnit.SECONDS).total());
            }
        }

        assertThat(totals).containsExactlyInAnyOrder(new Counts(rows, rows, 0, rows, 0, 0), new Counts(rows, rows, 0, 0, 0, rows));
    }

    /** Waits until some session waits for the import lock (the 64-bit key is split into two 32-bit halves). */
    private void awaitImportLockWaiter() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("""
                        select count(*) from pg_locks where locktype = 'advisory' and not granted
                          and classid = cast(? as oid) and objid = cast(? as oid) and objsubid = 1""")
                .params(PortfolioWriteLock.IMPORT_KEY >>> 32, PortfolioWriteLock.IMPORT_KEY & 0xFFFF_FFFFL)
                .query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("an import waiting for the import lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aFirstLoadLeavesTheForeignKeysAsTheyWereAndTheyStillHold() {
        List<String> before = foreignKeys();
        assertThat(before).hasSizeGreaterThanOrEqualTo(5);

        ImportReport report = importer.importDirectory(SAMPLES_WITH_ERRORS);

        assertThat(report.rejections()).extracting(Rejection::file, Rejection::column)
                .contains(tuple("contacts.csv", "customer_id"));
        assertThat(foreignKeys()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from pg_constraint where contype = 'f' and not convalidated").query(Long.class).single())
                .isZero();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into instalment (account_id, seq, due_date, principal_due, interest_due, fee_due, penalty_due, updated_at)
                values (-1, 1, date '2026-01-01', 0, 0, 0, 0, now())""").update())
                .hasMessageContaining("violates foreign key constraint");
    }

    @Test
    void aFirstLoadThatFailsWhileTheForeignKeysAreDroppedBringsThemBack() {
        List<String> before = foreignKeys();
        // The failure also says which locks the import holds at that point on payment and on customer, which
        // no import alters itself: dropping contact's and account's keys on it took the lock.
        jdbc.sql("""
                create function fail_import() returns trigger language plpgsql as $$ begin
                    raise exception 'failed on purpose holding %', (select string_agg(cast(cast(relation as regclass) as text) || ' ' || mode,
                        ', ' order by 1) from pg_locks where pid = pg_backend_pid() and relation in (cast('customer' as regclass),
                        cast('payment' as regclass)) and granted);
                end $$""").update();
        jdbc.sql("create trigger fail_import before insert on payment for each statement execute function fail_import()").update();
        try {
            assertThatThrownBy(() -> importer.importDirectory(SAMPLES)).hasStackTraceContaining("failed on purpose")
                    .hasStackTraceContaining("customer AccessExclusiveLock").hasStackTraceContaining("payment AccessExclusiveLock");
        } finally {
            jdbc.sql("drop trigger fail_import on payment").update();
            jdbc.sql("drop function fail_import()").update();
        }

        assertThat(foreignKeys()).isEqualTo(before);
        assertNothingChanged();
    }

    private List<String> foreignKeys() {
        return jdbc.sql("select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where contype = 'f' order by 1")
                .query(String.class).list();
    }

    @Test
    void aReportCanBeReadAgainLater() {
        ImportReport report = importer.importDirectory(SAMPLES_WITH_ERRORS);

        ImportReport again = importer.report(report.id());

        assertThat(again).isEqualTo(report);
        assertThat(again.requestedBy()).isEqualTo("system");
    }

    private void assertNothingChanged() {
        for (String table : List.of("customer", "contact", "account", "instalment", "payment", "collateral",
                "portfolio_import", "portfolio_import_file", "portfolio_import_rejection")) {
            assertThat(count(table)).as(table).isZero();
        }
    }

    private static String reason(ImportReport report, String file, long row) {
        return report.rejections().stream().filter(r -> r.file().equals(file) && r.row() == row)
                .map(Rejection::reason).findFirst().orElseThrow();
    }

    private Path copyOfSamples() throws IOException {
        Path copy = Files.createDirectories(temp.resolve("samples"));
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName().toString()));
            }
        }
        return copy;
    }

    /** Every row of every portfolio table as text, by table. */
    private Map<String, String> snapshot() {
        var tables = new java.util.TreeMap<String, String>();
        for (String table : List.of("customer", "contact", "account", "instalment", "payment", "collateral")) {
            tables.put(table, jdbc.sql("select coalesce(string_agg(t::text, E'\\n' order by t::text), '') from " + table + " t")
                    .query(String.class).single());
        }
        return tables;
    }

    private Map<String, String> updatedAtOfCustomers() {
        var byRef = new java.util.HashMap<String, String>();
        jdbc.sql("select customer_ref, updated_at::text from customer")
                .query((rs, n) -> byRef.put(rs.getString(1), rs.getString(2))).list();
        return byRef;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
