package dev.recoup.payments;

import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.portfolio.ImportFile;
import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.PortfolioImporter;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.QuietStrategy;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Payments through the whole application: API, files, imports, reversals, adjustments, the daily run and the case they change. */
@RecoupIntegrationTest
@RecordApplicationEvents
class PaymentFlowTest {

    private static final LocalDate BUSINESS_DATE = LocalDate.parse("2026-03-20");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DailyRunService runs;
    @Autowired PortfolioImporter importer;
    @Autowired Adjustments adjustments;
    @Autowired ApplicationEvents events;
    @Autowired ObjectMapper json;

    long caseId;

    /** 李四 owes instalments of 2,000 yuan from 10 January; he paid the first. On 20 March two (4,000) are overdue, 38 days. */
    @BeforeEach
    void anOverdueCustomerWithACase() {
        TestDatabase.clean(jdbc);
        QuietStrategy.activate(jdbc);
        new PortfolioFixture(jdbc).customer("LS").account("LS-1", "LS", "2026-01-10", 6, 2000).payment("LS-1", "2026-01-10", 2000)
                .customer("WW").account("WW-1", "WW", "2026-02-01", 3, 100);
        runs.runToCompletion(BUSINESS_DATE, "test");
        caseId = jdbc.sql("select c.id from collection_case c join customer cu on cu.id = c.customer_id where cu.customer_ref = 'LS'")
                .query(Long.class).single();
    }

    private JsonNode caseStatus() throws Exception {
        String body = mvc.perform(get("/api/v1/cases/" + caseId).with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("status_now");
    }

    private String postPayment(String key, String account, long fen) throws Exception {
        return mvc.perform(post("/api/v1/payments").with(httpBasic("manager", "recoup-manager")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":\"" + account + "\",\"paidOn\":\"2026-03-21\",\"amountMinor\":" + fen + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aCasesOverdueAmountDropsTheMomentAPaymentIsPostedNotAtTheNextDailyRun() throws Exception {
        assertThat(caseStatus().get("overdue_total").asLong()).isEqualTo(4000_00L);
        assertThat(caseStatus().get("worst_days_past_due").asInt()).isEqualTo(38);

        postPayment("pay-1", "LS-1", 2500_00L);

        // Instalment 2 (10 Feb) is paid and 500 of instalment 3 (10 Mar): 1,500 overdue, 10 days.
        JsonNode now = caseStatus();
        assertThat(now.get("overdue_total").asLong()).isEqualTo(1500_00L);
        assertThat(now.get("worst_days_past_due").asInt()).isEqualTo(10);
        mvc.perform(get("/api/v1/accounts/LS-1").with(httpBasic("manager", "recoup-manager")))
                .andExpect(jsonPath("$.status.overdue_total").value(1500_00L))
                .andExpect(jsonPath("$.status.outstanding").value(12000_00L - 2000_00L - 2500_00L))
                .andExpect(jsonPath("$.instalments[1].settled_on").value("2026-03-21"))
                .andExpect(jsonPath("$.instalments[2].paid").value(500_00L));
        assertThat(events.stream(PaymentsPosted.class).toList()).singleElement()
                .satisfies(e -> assertThat(e.payments().getFirst().caseId()).isEqualTo(caseId));
    }

    @Test
    void theNextDailyRunAgreesWithWhatThePaymentChangedDuringTheDay() throws Exception {
        postPayment("pay-2", "LS-1", 2500_00L);
        Map<String, Object> intraday = accountStatus();

        runs.runToCompletion(BUSINESS_DATE.plusDays(1), "test");

        Map<String, Object> nightly = accountStatus();
        // Same amounts; the day moved on by one, so DPD counts one more.
        assertThat(nightly).containsEntry("overdue_total", intraday.get("overdue_total")).containsEntry("outstanding", intraday.get("outstanding"))
                .containsEntry("paid", intraday.get("paid")).containsEntry("credit", intraday.get("credit"))
                .containsEntry("repayments_made", intraday.get("repayments_made"))
                .containsEntry("days_past_due", (Integer) intraday.get("days_past_due") + 1);
    }

    private Map<String, Object> accountStatus() {
        return jdbc.sql("""
                select s.days_past_due, s.overdue_total, s.outstanding, s.paid, s.credit, s.repayments_made from account_status s
                join account a on a.id = s.account_id
                where a.account_ref = 'LS-1' and s.run_id = (select max(id) from daily_run where status = 'COMPLETED')""").query().singleRow();
    }

    @Test
    void aReversalUndoesTheAllocationExactlyAndTheOverdueComesBack() throws Exception {
        String posted = postPayment("pay-3", "LS-1", 2500_00L);
        long paymentId = json.readTree(posted).get("paymentId").asLong();
        List<Map<String, Object>> before = jdbc.sql("select seq, fee, penalty, interest, principal, credit from payment_allocation where payment_id = ? order by seq")
                .param(paymentId).query().listOfRows();

        mvc.perform(post("/api/v1/payments/" + paymentId + "/reversal").with(httpBasic("manager", "recoup-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"转账退回 bounced\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.undone.length()").value(before.size()));

        assertThat(jdbc.sql("select count(*) from payment_allocation where payment_id = ?").param(paymentId).query(Long.class).single()).isZero();
        assertThat(caseStatus().get("overdue_total").asLong()).isEqualTo(4000_00L);
        assertThat(events.stream(PaymentReversed.class)).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("转账退回 bounced"));
        mvc.perform(get("/api/v1/payments/" + paymentId).with(httpBasic("agent", "recoup-agent")))
                .andExpect(jsonPath("$.reversal.reason").value("转账退回 bounced"))
                .andExpect(jsonPath("$.allocations.length()").value(0));
        // Twice is refused; a reversal without a reason too.
        mvc.perform(post("/api/v1/payments/" + paymentId + "/reversal").with(httpBasic("manager", "recoup-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/payments/" + paymentId + "/reversal").with(httpBasic("manager", "recoup-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}")).andExpect(status().isBadRequest());

        // The daily run reads the journal too: the reversed payment counts for nothing.
        runs.runToCompletion(BUSINESS_DATE.plusDays(1), "test");
        assertThat(accountStatus()).containsEntry("overdue_total", 4000_00L).containsEntry("repayments_made", 1);
    }

    @Test
    void reversingAPaymentLetsCreditFromAnotherPaymentPayWhatIsOwedAgain() throws Exception {
        // 王五 owes 300 yuan in all; 200 pays instalments 1 and 2, then 150 pays instalment 3 and leaves 50 credit.
        long first = json.readTree(postPayment("ww-1", "WW-1", 200_00L)).get("paymentId").asLong();
        long second = json.readTree(postPayment("ww-2", "WW-1", 150_00L)).get("paymentId").asLong();
        assertThat(credit(second)).isEqualTo(50_00L);

        mvc.perform(post("/api/v1/payments/" + first + "/reversal").with(httpBasic("manager", "recoup-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"wrong account\"}")).andExpect(status().isCreated());

        // The 50 of credit now pays instalment 1: 150 is owed, and the second payment is wholly allocated.
        assertThat(credit(second)).isZero();
        assertThat(jdbc.sql("select sum(fee + penalty + interest + principal) from payment_allocation where payment_id = ?").param(second)
                .query(Long.class).single()).isEqualTo(150_00L);
        assertThat(jdbc.sql("select sum(fee + penalty + interest + principal) from payment_allocation where payment_id = ? and seq = 1")
                .param(second).query(Long.class).single()).isEqualTo(50_00L);
    }

    private long credit(long paymentId) {
        return jdbc.sql("select coalesce(sum(credit), 0) from payment_allocation where payment_id = ?").param(paymentId).query(Long.class).single();
    }

    @Test
    void anApprovedWaiverPostedAsAnAdjustmentLowersTheCasesOverdueAtOnce() throws Exception {
        jdbc.sql("update instalment set penalty_due = 300_00 where seq = 2 and account_id = (select id from account where account_ref = 'LS-1')").update();
        runs.runToCompletion(BUSINESS_DATE, "test");
        assertThat(caseStatus().get("overdue_total").asLong()).isEqualTo(4300_00L);
        long account = jdbc.sql("select id from account where account_ref = 'LS-1'").query(Long.class).single();

        adjustments.post(new Adjustments.AdjustmentRequest(account, AmountComponent.PENALTY, 300_00L, "hardship", "WAIVER", 42, "manager"));

        assertThat(caseStatus().get("overdue_total").asLong()).isEqualTo(4000_00L);
    }

    @Test
    void importedPaymentsAreAllocatedLikePostedOnesAndAChangedOneIsAllocatedAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("payments.csv");
        Files.writeString(file, "payment_id,account_id,paid_on,amount\nIMP-1,LS-1,2026-02-10,2000.00\nIMP-2,LS-1,2026-03-10,500\n");
        importer.importFiles(List.of(new ImportFile(ImportKind.PAYMENTS, file)));

        assertThat(allocatedPlusCredit("IMP-1")).isEqualTo(2000_00L);
        assertThat(allocatedPlusCredit("IMP-2")).isEqualTo(500_00L);
        assertThat(events.stream(PaymentsPosted.class).toList()).hasSize(1);

        Files.writeString(file, "payment_id,account_id,paid_on,amount\nIMP-1,LS-1,2026-02-10,2000.00\nIMP-2,LS-1,2026-03-10,700\n");
        importer.importFiles(List.of(new ImportFile(ImportKind.PAYMENTS, file)));
        assertThat(allocatedPlusCredit("IMP-1")).isEqualTo(2000_00L);
        assertThat(allocatedPlusCredit("IMP-2")).isEqualTo(700_00L);

        runs.runToCompletion(BUSINESS_DATE, "test");
        assertThat(accountStatus()).containsEntry("overdue_total", 4000_00L - 2700_00L);
    }

    private long allocatedPlusCredit(String ref) {
        return jdbc.sql("""
                select coalesce(sum(fee + penalty + interest + principal + credit), 0) from payment_allocation
                where payment_id = (select id from payment where payment_ref = ?)""").param(ref).query(Long.class).single();
    }

    @Test
    void aPaymentFileIsPostedWithARowReportAndPostingTheSameFileAgainPostsNothing() throws Exception {
        String csv = """
                payment_id,account_id,paid_on,amount,channel
                F-1,LS-1,2026-03-21,2000.00,bank
                F-2,NOBODY,2026-03-21,10
                F-3,LS-1,2026-02-30,10
                F-1,LS-1,2026-03-21,99
                F-4,WW-1,2099-01-01,10
                F-5,WW-1,2026-03-21,-5
                F-6,WW-1,2026-03-21,50.5
                F-7,"NO""BODY\\x",2026-03-21,10
                """;
        var file = new MockMultipartFile("file", "bank.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(multipart("/api/v1/payment-files").file(file).with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rowsRead").value(8))
                .andExpect(jsonPath("$.rowsPosted").value(2))
                .andExpect(jsonPath("$.rowsRejected").value(6))
                .andExpect(jsonPath("$.amountPosted").value(2050_50L))
                .andReturn().getResponse().getContentAsString();
        JsonNode rejections = json.readTree(body).get("rejections");
        assertThat(rejections.findValuesAsString("code")).containsExactly("unknown_account", "not_a_date", "duplicate", "paid_in_future",
                "negative_amount", "unknown_account");
        // Quotes and backslashes in a value survive the report's COPY and text[] layers.
        assertThat(rejections.get(5).get("value").asString()).isEqualTo("NO\"BODY\\x");
        assertThat(rejections.get(0).get("row").asLong()).isEqualTo(3);
        assertThat(rejections.get(0).get("column").asString()).isEqualTo("account_id");
        assertThat(rejections.get(0).get("reasonZh").asString()).isNotBlank();
        assertThat(rejections.get(3).get("value").asString()).isEqualTo("2099-01-01");
        assertThat(rejections.get(3).get("reason").asString()).contains("still to come");
        assertThat(caseStatus().get("overdue_total").asLong()).isEqualTo(2000_00L);

        String again = mvc.perform(multipart("/api/v1/payment-files").file(file).with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rowsPosted").value(0))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(again).get("rejections").findValuesAsString("code")).contains("already_posted");
        assertThat(jdbc.sql("select count(*) from payment where payment_ref like 'F-%'").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aPaymentWorkbookIsPostedFromItsOnlySheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Recoup tests", "1.0");
        Worksheet sheet = wb.newWorksheet("Sheet1");
        String[] header = {"payment_id", "account_id", "paid_on", "amount"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        sheet.value(1, 0, "X-1");
        sheet.value(1, 1, "LS-1");
        sheet.value(1, 2, LocalDate.parse("2026-03-21"));
        sheet.value(1, 3, 2500);
        wb.finish();

        mvc.perform(multipart("/api/v1/payment-files").file(new MockMultipartFile("file", "bank.xlsx", "application/octet-stream", out.toByteArray()))
                        .with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sheet").value("Sheet1"))
                .andExpect(jsonPath("$.rowsPosted").value(1));
        assertThat(caseStatus().get("overdue_total").asLong()).isEqualTo(1500_00L);
    }

    @Test
    void aFileWithoutTheRequiredColumnsPostsNothing() throws Exception {
        var file = new MockMultipartFile("file", "bank.csv", "text/csv", "payment_id,amount\nA,1\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/payment-files").file(file).with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        assertThat(jdbc.sql("select count(*) from payment_file").query(Long.class).single()).isZero();
    }

    @Test
    void aCasesPaymentsAreListedWithWhatTheyPaid() throws Exception {
        postPayment("pay-l", "LS-1", 2500_00L);
        mvc.perform(get("/api/v1/payments").param("caseId", Long.toString(caseId)).with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].paymentRef").value("API-pay-l"))
                .andExpect(jsonPath("$[0].allocations[0].seq").value(2))
                .andExpect(jsonPath("$[0].allocations[0].principalMinor").value(2000_00L))
                .andExpect(jsonPath("$[0].allocations[1].seq").value(3))
                .andExpect(jsonPath("$[1].paymentRef").value("PAY-LS-1-1"));
    }

    @Test
    void thePaymentsPagePostsAPaymentOnceEvenIfTheFormIsSentTwiceAndListsItWithItsAllocation() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/payments").with(httpBasic("manager", "recoup-manager")).with(csrf())
                            .param("idempotencyKey", "form-1").param("accountId", "LS-1").param("amount", "2500.00").param("paidOn", "2026-03-21"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("select count(*) from payment where payment_ref = 'API-form-1'").query(Long.class).single()).isEqualTo(1);

        String page = mvc.perform(get("/payments").param("accountId", "LS-1").param("lang", "zh-CN").with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("API-form-1", "2,500.00", "第 2 期（2026-02-10）", "冲正");
        String english = mvc.perform(get("/payments").param("accountId", "LS-1").param("lang", "en").with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Recent payments", "#2 (2026-02-10)");
    }

    @Test
    void anAgentCanReadThePageButNotPostOrReverse() throws Exception {
        mvc.perform(post("/payments").with(httpBasic("agent", "recoup-agent")).with(csrf())
                        .param("idempotencyKey", "form-2").param("accountId", "LS-1").param("amount", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/payments/1/reversal").with(httpBasic("agent", "recoup-agent"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLargeFileChangesEveryAccountAtOnceExactlyAsTheNextRunOfTheSameDayComputesIt() throws Exception {
        PortfolioFixture fixture = new PortfolioFixture(jdbc);
        StringBuilder csv = new StringBuilder("payment_id,account_id,paid_on,amount\n");
        for (int k = 0; k < 130; k++) {
            fixture.customer("M" + k).account("M" + k + "-1", "M" + k, "2026-01-05", 4, 100 + k);
            csv.append("MF-").append(k).append(",M").append(k).append("-1,2026-03-19,").append(37 * k % 450).append(".25\n");
        }
        runs.runToCompletion(BUSINESS_DATE, "test");
        mvc.perform(multipart("/api/v1/payment-files").file(new MockMultipartFile("file", "many.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.rowsPosted").value(130));
        String columns = "a.account_ref, s.days_past_due, s.bucket, s.overdue_total, s.outstanding, s.paid, s.credit, s.repayments_made, s.max_days_late_settled";
        var intraday = jdbc.sql("select " + columns + " from account_status s join account a on a.id = s.account_id"
                + " where s.run_id = (select max(id) from daily_run where status = 'COMPLETED') order by 1").query().listOfRows();

        runs.runToCompletion(BUSINESS_DATE, "test");

        var nightly = jdbc.sql("select " + columns + " from account_status s join account a on a.id = s.account_id"
                + " where s.run_id = (select max(id) from daily_run where status = 'COMPLETED') order by 1").query().listOfRows();
        assertThat(intraday).hasSize(132).isEqualTo(nightly);
        assertThat(intraday.stream().filter(r -> ((Number) r.get("paid")).longValue() > 0)).hasSizeGreaterThan(100);
    }
}
