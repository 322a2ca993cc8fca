package dev.recoup.demo;

import dev.recoup.delinquency.domain.AccountDelinquency;
import dev.recoup.portfolio.domain.Checked;
import dev.recoup.portfolio.domain.IdNumber;
import dev.recoup.delinquency.domain.Instalment;
import dev.recoup.delinquency.domain.Repayment;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Generates one portfolio of a few thousand accounts and checks it the way the importer and the
 * daily run will read it: from the files.
 */
class DemoPortfolioGeneratorTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    static final int ACCOUNTS = 5000;

    @TempDir
    static Path directory;
    static GenerationSummary summary;
    static PortfolioFiles files;

    @BeforeAll
    static void generate() {
        summary = new DemoPortfolioGenerator().generate(directory, ACCOUNTS, 7, AS_OF);
        files = new PortfolioFiles(directory);
    }

    @Test
    void theSameSeedGivesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        new DemoPortfolioGenerator().generate(first, 300, 42, AS_OF, true);
        new DemoPortfolioGenerator().generate(second, 300, 42, AS_OF, true);

        List<String> names = fileNames(first);
        assertThat(names).containsExactlyInAnyOrder("customers.csv", "contacts.csv", "accounts.csv", "instalments.csv",
                "payments.csv", "collateral.csv", "portfolio.xlsx");
        assertThat(fileNames(second)).isEqualTo(names);
        for (String name : names) {
            assertThat(Files.readAllBytes(second.resolve(name))).as(name).isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
    }

    @Test
    void anotherSeedGivesAnotherPortfolio(@TempDir Path other) throws IOException {
        new DemoPortfolioGenerator().generate(other, ACCOUNTS, 8, AS_OF);

        assertThat(Files.readString(other.resolve("customers.csv"))).isNotEqualTo(Files.readString(directory.resolve("customers.csv")));
    }

    @Test
    void everyFileHasTheColumnsOfTheImportFormat() {
        assertThat(files.header("customers")).containsExactly("customer_id", "name", "id_number", "birth_date", "gender",
                "occupation", "employer", "region_code", "address");
        assertThat(files.header("contacts")).containsExactly("contact_id", "customer_id", "role", "name", "phone", "email",
                "address", "valid", "source");
        assertThat(files.header("accounts")).containsExactly("account_id", "customer_id", "product", "currency", "principal",
                "annual_rate", "start_date", "maturity_date");
        assertThat(files.header("instalments")).containsExactly("account_id", "seq", "due_date", "principal_due",
                "interest_due", "fee_due", "penalty_due");
        assertThat(files.header("payments")).containsExactly("payment_id", "account_id", "paid_on", "amount", "channel");
        assertThat(files.header("collateral")).containsExactly("collateral_id", "account_id", "type", "description",
                "appraised_value", "appraised_on");
    }

    @Test
    void theSummaryCountsTheRowsOfEveryFile() {
        assertThat(summary.accounts()).isEqualTo(ACCOUNTS).isEqualTo(files.accounts.size());
        assertThat(summary.customers()).isEqualTo(files.customers.size());
        assertThat(summary.contacts()).isEqualTo(files.contacts.size());
        assertThat(summary.instalments()).isEqualTo(files.instalments.size());
        assertThat(summary.payments()).isEqualTo(files.payments.size());
        assertThat(summary.collateral()).isEqualTo(files.collateral.size());
    }

    @Test
    void everyIdNumberHasAValidCheckDigitAndTheCustomersBirthDate() {
        Set<String> seen = new HashSet<>();
        for (Map<String, String> customer : files.customers) {
            String id = customer.get("id_number");
            assertThat(id).matches("\\d{17}[\\dX]");
            assertThat(IdNumber.parse(id)).as(id).isInstanceOf(Checked.Valid.class);
            assertThat(id.substring(0, 6)).isEqualTo(customer.get("region_code"));
            assertThat(id.substring(6, 14)).isEqualTo(customer.get("birth_date").replace("-", ""));
            int sequence = Integer.parseInt(id.substring(14, 17));
            assertThat(sequence % 2 == 1 ? "M" : "F").as(id).isEqualTo(customer.get("gender"));
            assertThat(seen.add(id)).as("%s issued twice", id).isTrue();
        }
    }

    @Test
    void customersAreAdultsWithChineseNamesLivingInRealCounties() {
        Pattern chineseName = Pattern.compile("\\p{IsHan}{2,4}");
        Set<String> knownCodes = Regions.ALL.items().stream().map(Regions.Region::code).collect(Collectors.toSet());
        Map<String, Regions.Region> regions = Regions.ALL.items().stream()
                .collect(Collectors.toMap(Regions.Region::code, Function.identity()));
        for (Map<String, String> customer : files.customers) {
            assertThat(customer.get("name")).matches(chineseName);
            assertThat(knownCodes).contains(customer.get("region_code"));
            assertThat(customer.get("address")).startsWith(regions.get(customer.get("region_code")).addressPrefix());
            int age = LocalDate.parse(customer.get("birth_date")).until(AS_OF).getYears();
            assertThat(age).isBetween(21, 60);
            assertThat(customer.get("occupation")).isNotBlank();
        }
        assertThat(files.customers.stream().map(c -> c.get("region_code")).distinct().count()).isGreaterThan(100);
        assertThat(files.customers.stream().map(c -> c.get("name").substring(0, 1)).distinct().count()).isGreaterThan(50);
    }

    @Test
    void everyMobileNumberHasElevenDigitsStartingWith13To19() {
        assertThat(files.contacts).allSatisfy(contact -> assertThat(contact.get("phone")).matches("1[3-9]\\d{9}"));
    }

    @Test
    void everyReferenceResolves() {
        Set<String> customerIds = ids(files.customers, "customer_id");
        Set<String> accountIds = ids(files.accounts, "account_id");

        assertThat(unresolved(files.contacts, "customer_id", customerIds)).isEmpty();
        assertThat(unresolved(files.accounts, "customer_id", customerIds)).isEmpty();
        assertThat(unresolved(files.instalments, "account_id", accountIds)).isEmpty();
        assertThat(unresolved(files.payments, "account_id", accountIds)).isEmpty();
        assertThat(unresolved(files.collateral, "account_id", accountIds)).isEmpty();
        // and nothing dangles the other way: every customer has an account, every account a schedule
        assertThat(ids(files.accounts, "customer_id")).isEqualTo(customerIds);
        assertThat(ids(files.instalments, "account_id")).isEqualTo(accountIds);
    }

    @Test
    void everyIdIsUniqueAndShapedLikeTheExamples() {
        assertUniqueIds(files.customers, "customer_id", "C\\d{8}");
        assertUniqueIds(files.contacts, "contact_id", "CT\\d{8}");
        assertUniqueIds(files.accounts, "account_id", "A\\d{8}");
        assertUniqueIds(files.payments, "payment_id", "P\\d{9}");
        assertUniqueIds(files.collateral, "collateral_id", "COL\\d{7}");
        Set<String> instalmentKeys = new HashSet<>();
        assertThat(files.instalments).allSatisfy(row ->
                assertThat(instalmentKeys.add(row.get("account_id") + "#" + row.get("seq"))).isTrue());
    }

    @Test
    void everyAmountIsNonNegativeWithAtMostTwoDecimals() {
        Pattern amount = Pattern.compile("\\d+(\\.\\d{1,2})?");
        assertThat(files.accounts).allSatisfy(row -> assertThat(row.get("principal")).matches(amount));
        assertThat(files.instalments).allSatisfy(row -> {
            for (String column : List.of("principal_due", "interest_due", "fee_due", "penalty_due")) {
                assertThat(row.get(column)).matches(amount);
            }
        });
        assertThat(files.payments).allSatisfy(row -> {
            assertThat(row.get("amount")).matches(amount);
            assertThat(PortfolioFiles.fen(row.get("amount"))).isPositive();
        });
        assertThat(files.collateral).allSatisfy(row -> assertThat(row.get("appraised_value")).matches(amount));
    }

    @Test
    void productsAmountsAndRatesAreWhatALenderOffers() {
        Map<String, long[]> principalBounds = Map.of(
                "consumer_loan", new long[] {1_000_00, 50_000_00}, "credit_card", new long[] {3_000_00, 100_000_00},
                "sme_loan", new long[] {100_000_00, 3_000_000_00L}, "secured_loan", new long[] {200_000_00, 5_000_000_00L});
        Map<String, double[]> rateBounds = Map.of(
                "consumer_loan", new double[] {0.10, 0.24}, "credit_card", new double[] {0.15, 0.1825},
                "sme_loan", new double[] {0.06, 0.12}, "secured_loan", new double[] {0.04, 0.06});
        for (Map<String, String> account : files.accounts) {
            String product = account.get("product");
            assertThat(account.get("currency")).isEqualTo("CNY");
            assertThat(PortfolioFiles.fen(account.get("principal"))).isBetween(principalBounds.get(product)[0], principalBounds.get(product)[1]);
            assertThat(Double.parseDouble(account.get("annual_rate"))).isBetween(rateBounds.get(product)[0], rateBounds.get(product)[1]);
            LocalDate start = LocalDate.parse(account.get("start_date"));
            assertThat(start).isAfter(AS_OF.minusMonths(37)).isBefore(AS_OF);
            if (product.equals("credit_card")) {
                assertThat(account.get("maturity_date")).isEmpty();
            } else {
                assertThat(LocalDate.parse(account.get("maturity_date"))).isAfter(start);
            }
        }
        Map<String, Long> products = files.accounts.stream().collect(Collectors.groupingBy(a -> a.get("product"), Collectors.counting()));
        assertThat(products.get("consumer_loan") + products.get("credit_card")).isGreaterThan(ACCOUNTS * 3L / 4);
        assertThat(products.get("sme_loan")).isBetween(ACCOUNTS / 20L, ACCOUNTS / 6L);
        assertThat(products.get("secured_loan")).isBetween(ACCOUNTS / 25L, ACCOUNTS / 8L);
    }

    @Test
    void instalmentPrincipalsSumToTheLoanPrincipal() {
        Map<String, List<Map<String, String>>> schedules = files.instalmentsByAccount();
        int complete = 0;
        for (Map<String, String> account : files.accounts) {
            if (account.get("product").equals("credit_card")) {
                continue;
            }
            List<Map<String, String>> schedule = schedules.get(account.get("account_id"));
            long principal = PortfolioFiles.fen(account.get("principal"));
            long scheduled = schedule.stream().mapToLong(row -> PortfolioFiles.fen(row.get("principal_due"))).sum();
            LocalDate lastDue = LocalDate.parse(schedule.getLast().get("due_date"));
            boolean startsAtTheFirstInstalment = schedule.getFirst().get("seq").equals("1");
            if (startsAtTheFirstInstalment && lastDue.equals(LocalDate.parse(account.get("maturity_date")))) {
                assertThat(scheduled).as(account.get("account_id")).isEqualTo(principal);
                complete++;
            } else {
                assertThat(scheduled).as(account.get("account_id")).isLessThanOrEqualTo(principal);
            }
        }
        assertThat(complete).as("accounts with their whole schedule written").isGreaterThan(ACCOUNTS / 10);
    }

    @Test
    void schedulesAreMonthlyAndStopAFewMonthsAfterTheAsOfDate() {
        files.instalmentsByAccount().forEach((account, schedule) -> {
            for (int i = 1; i < schedule.size(); i++) {
                assertThat(Integer.parseInt(schedule.get(i).get("seq"))).isEqualTo(Integer.parseInt(schedule.get(i - 1).get("seq")) + 1);
                assertThat(LocalDate.parse(schedule.get(i).get("due_date"))).isAfter(LocalDate.parse(schedule.get(i - 1).get("due_date")));
            }
            assertThat(LocalDate.parse(schedule.getLast().get("due_date"))).isBeforeOrEqualTo(AS_OF.plusMonths(3));
        });
        double rowsPerAccount = (double) files.instalments.size() / files.accounts.size();
        assertThat(rowsPerAccount).isBetween(6.0, 8.0);
    }

    @Test
    void noPaymentIsAfterTheAsOfDateOrBeforeTheLoanStarted() {
        Map<String, LocalDate> starts = files.accounts.stream()
                .collect(Collectors.toMap(a -> a.get("account_id"), a -> LocalDate.parse(a.get("start_date"))));
        assertThat(files.payments).allSatisfy(payment -> assertThat(LocalDate.parse(payment.get("paid_on")))
                .isBeforeOrEqualTo(AS_OF).isAfter(starts.get(payment.get("account_id"))));
        assertThat(files.payments.stream().map(p -> p.get("channel")).distinct())
                .containsExactlyInAnyOrder("withhold", "alipay", "wechat_pay", "bank_transfer", "counter");
    }

    @Test
    void theBehaviourMixFollowsTheCalibration() throws IOException {
        Properties figures = new Properties();
        try (InputStream in = getClass().getResourceAsStream(Calibration.RESOURCE)) {
            figures.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        double holders = Double.parseDouble(figures.getProperty("holders"));
        double seasoned = 1 - CustomerFactory.RECENT_NEW_SHARE;
        Map<String, String> keys = Map.of("on_time", "behaviour.never_late", "late_then_cured", "behaviour.late_then_cured",
                "partial_payer", "behaviour.partial_payer", "roll_forward", "behaviour.roll_forward");
        keys.forEach((behaviour, key) -> {
            double expected = seasoned * Double.parseDouble(figures.getProperty(key)) / holders;
            assertThat(share(summary.behaviours().get(behaviour))).as(behaviour).isCloseTo(expected, within(0.02));
        });
        assertThat(share(summary.behaviours().get("recent_new"))).isCloseTo(CustomerFactory.RECENT_NEW_SHARE, within(0.01));
    }

    /**
     * The behaviour is not a column; it must show in the payments. Read back from the files,
     * every account tells its behaviour, and the counts are the summary's.
     */
    @Test
    void eachAccountsBehaviourShowsInItsSchedulesAndPayments() {
        Map<String, Integer> daysPastDue = files.daysPastDue(AS_OF);
        Map<String, List<Map<String, String>>> schedules = files.instalmentsByAccount();
        Map<String, List<Map<String, String>>> payments = files.paymentsByAccount();
        Map<String, Long> seen = new HashMap<>();
        for (Map<String, String> account : files.accounts) {
            String id = account.get("account_id");
            List<Map<String, String>> schedule = schedules.get(id);
            boolean charged = schedule.stream().anyMatch(row -> PortfolioFiles.fen(row.get("fee_due")) + PortfolioFiles.fen(row.get("penalty_due")) > 0);
            String behaviour;
            if (daysPastDue.get(id) > 0) {
                LocalDate oldestOpen = AS_OF.minusDays(daysPastDue.get(id));
                boolean stillPaying = payments.getOrDefault(id, List.of()).stream()
                        .anyMatch(payment -> !LocalDate.parse(payment.get("paid_on")).isBefore(oldestOpen));
                behaviour = stillPaying ? "partial_payer" : "roll_forward";
                assertThat(charged).as("%s is late and charged for it", id).isTrue();
            } else if (charged) {
                behaviour = "late_then_cured";
            } else if (LocalDate.parse(account.get("start_date")).isAfter(AS_OF.minusMonths(2))) {
                behaviour = "recent_new";
            } else {
                behaviour = "on_time";
            }
            seen.merge(behaviour, 1L, Long::sum);
        }
        assertThat(seen).isEqualTo(summary.behaviours());
    }

    @Test
    void onTheAsOfDateMostAccountsAreCurrentSomeAreM1ToM3AndATailIsFurtherBehind() {
        Map<String, Long> buckets = files.daysPastDue(AS_OF).values().stream()
                .collect(Collectors.groupingBy(days -> GenerationSummary.BUCKETS[GenerationSummary.bucket(days)], Collectors.counting()));
        for (String bucket : GenerationSummary.BUCKETS) {
            assertThat(buckets.getOrDefault(bucket, 0L)).as(bucket).isEqualTo(summary.daysPastDue().get(bucket));
        }
        assertThat(share(buckets.get("M0"))).isBetween(0.70, 0.85);
        assertThat(share(buckets.get("M1") + buckets.get("M2") + buckets.get("M3"))).isBetween(0.12, 0.28);
        assertThat(buckets.get("M4") + buckets.get("M5") + buckets.get("M6")).isPositive();
        assertThat(buckets.get("M7+")).isPositive();
    }

    /** The daily run's own rules (module delinquency) must see what the generator meant. */
    @Test
    void theDailyRunsDelinquencyRulesSeeTheSameDaysPastDueAndNoOverpayment() {
        Map<String, Integer> intended = files.daysPastDue(AS_OF);
        Map<String, List<Map<String, String>>> schedules = files.instalmentsByAccount();
        Map<String, List<Map<String, String>>> payments = files.paymentsByAccount();
        int settledLate = 0;
        for (Map<String, String> account : files.accounts) {
            String id = account.get("account_id");
            List<Instalment> schedule = schedules.get(id).stream().map(row -> new Instalment(
                    Integer.parseInt(row.get("seq")), LocalDate.parse(row.get("due_date")),
                    PortfolioFiles.fen(row.get("principal_due")), PortfolioFiles.fen(row.get("interest_due")),
                    PortfolioFiles.fen(row.get("fee_due")), PortfolioFiles.fen(row.get("penalty_due")))).toList();
            List<Repayment> repayments = payments.getOrDefault(id, List.of()).stream()
                    .map(row -> new Repayment(LocalDate.parse(row.get("paid_on")), PortfolioFiles.fen(row.get("amount")))).toList();

            AccountDelinquency delinquency = AccountDelinquency.assess(schedule, repayments, AS_OF);

            assertThat(delinquency.daysPastDue()).as(id).isEqualTo(intended.get(id));
            assertThat(delinquency.credit()).as("%s paid more than it owed", id).isZero();
            if (delinquency.maxDaysLateSettled() > 0) {
                settledLate++;
            }
        }
        assertThat(settledLate).as("accounts with a late instalment since paid")
                .isGreaterThanOrEqualTo(summary.behaviours().get("late_then_cured").intValue());
    }

    @Test
    void everyCustomerHasTheirOwnNumberAndOneToThreeOtherContactsSomeNoLongerValid() {
        Map<String, List<Map<String, String>>> byCustomer = files.contacts.stream()
                .collect(Collectors.groupingBy(c -> c.get("customer_id")));
        Map<String, String> names = files.customers.stream().collect(Collectors.toMap(c -> c.get("customer_id"), c -> c.get("name")));
        byCustomer.forEach((customer, contacts) -> {
            assertThat(contacts.getFirst().get("role")).isEqualTo("self");
            assertThat(contacts.getFirst().get("name")).isEqualTo(names.get(customer));
            assertThat(contacts.subList(1, contacts.size())).hasSizeBetween(1, 3)
                    .allSatisfy(c -> assertThat(c.get("role")).isIn("spouse", "relative", "colleague", "emergency", "other"));
        });
        assertThat(byCustomer).hasSameSizeAs(files.customers);
        long invalid = files.contacts.stream().filter(c -> c.get("valid").equals("false")).count();
        assertThat((double) invalid / files.contacts.size()).isBetween(0.02, 0.10);
        assertThat(files.contacts).allSatisfy(c -> assertThat(c.get("valid")).isIn("true", "false"));
    }

    @Test
    void securedLoansAndSomeSmallBusinessLoansHaveCollateral() {
        Map<String, String> products = files.accounts.stream().collect(Collectors.toMap(a -> a.get("account_id"), a -> a.get("product")));
        Map<String, String> collateralTypes = files.collateral.stream().collect(Collectors.toMap(c -> c.get("account_id"), c -> c.get("type")));
        products.forEach((account, product) -> {
            switch (product) {
                case "secured_loan" -> assertThat(collateralTypes.get(account)).isIn("real_estate", "vehicle");
                case "sme_loan" -> assertThat(collateralTypes.get(account)).isIn(null, "equity", "receivable", "other");
                default -> assertThat(collateralTypes).doesNotContainKey(account);
            }
        });
        assertThat(collateralTypes.values()).contains("real_estate", "vehicle", "equity", "receivable");
        assertThat(files.collateral).allSatisfy(c -> assertThat(c.get("description")).isNotBlank());
    }

    @Test
    void theWorkbookHasOneSheetPerKindWithTheRowsOfTheCsvFiles(@TempDir Path small) throws IOException {
        new DemoPortfolioGenerator().generate(small, 120, 3, AS_OF, true);
        PortfolioFiles csv = new PortfolioFiles(small);

        try (ReadableWorkbook workbook = new ReadableWorkbook(small.resolve("portfolio.xlsx").toFile())) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName)
                    .containsExactly("customers", "contacts", "accounts", "instalments", "payments", "collateral");
            for (Sheet sheet : sheets) {
                List<Row> rows = sheet.read();
                List<String> header = csv.header(sheet.getName());
                assertThat(cells(rows.getFirst(), header.size())).isEqualTo(header);
                List<Map<String, String>> expected = csv.rows(sheet.getName());
                assertThat(rows).hasSize(expected.size() + 1);
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(cells(rows.get(i + 1), header.size())).isEqualTo(header.stream().map(expected.get(i)::get).toList());
                }
            }
        }
    }

    @Test
    void aWorkbookIsOnlyWrittenForSmallPortfolios(@TempDir Path big) {
        assertThatThrownBy(() -> new DemoPortfolioGenerator().generate(big, DemoPortfolioGenerator.MAX_WORKBOOK_ACCOUNTS + 1, 1, AS_OF, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workbook");
        assertThat(big).isEmptyDirectory();
    }

    private static List<String> cells(Row row, int columns) {
        List<String> values = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            values.add(row.getCellAsString(column).orElse(""));
        }
        return values;
    }

    private static double share(long count) {
        return (double) count / ACCOUNTS;
    }

    private static Set<String> ids(List<Map<String, String>> rows, String column) {
        return rows.stream().map(row -> row.get(column)).collect(Collectors.toSet());
    }

    private static Set<String> unresolved(List<Map<String, String>> rows, String column, Set<String> ids) {
        Set<String> missing = new HashSet<>(ids(rows, column));
        missing.removeAll(ids);
        return missing;
    }

    private static void assertUniqueIds(List<Map<String, String>> rows, String column, String shape) {
        assertThat(rows).allSatisfy(row -> assertThat(row.get(column)).matches(shape));
        assertThat(ids(rows, column)).hasSameSizeAs(rows);
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> paths = Files.list(directory)) {
            return paths.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
