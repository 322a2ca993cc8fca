package dev.recoup.portfolio.api;

import dev.recoup.shared.PortfolioWriteLock;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class ImportApiTest {

    static final Path SAMPLES = Path.of("samples", "import");
    static final Path SAMPLES_WITH_ERRORS = Path.of("samples", "import-with-errors");
    static final List<String> KINDS = List.of("customers", "contacts", "accounts", "instalments", "payments", "collateral");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired ObjectMapper json;

    @BeforeEach
    void cleanDatabase() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void csvFilesInPartsNamedByKindAreImported() throws Exception {
        mvc.perform(asManager(multipartOf(SAMPLES, KINDS.reversed())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/imports/")))
                .andExpect(jsonPath("$.total.read").value(196))
                .andExpect(jsonPath("$.total.inserted").value(196))
                .andExpect(jsonPath("$.files[0].kind").value("customers"))
                .andExpect(jsonPath("$.files[0].file").value("customers.csv"))
                .andExpect(jsonPath("$.requestedBy").value("manager"));

        assertThat(count("instalment")).isEqualTo(144);
    }

    @Test
    void oneKindMayComeInSeveralFiles() throws Exception {
        String header = "customer_id,name\n";
        mvc.perform(asManager(multipart("/api/v1/imports")
                        .file(csv("customers", "north.csv", header + "C1,张三\nC2,李四\n"))
                        .file(csv("customers", "south.csv", header + "C3,王五\nC1,赵六\n"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.files.length()").value(2))
                .andExpect(jsonPath("$.total.inserted").value(3))
                .andExpect(jsonPath("$.rejections[0].file").value("south.csv"))
                .andExpect(jsonPath("$.rejections[0].row").value(3))
                .andExpect(jsonPath("$.rejections[0].reason").value("duplicate: same customer_id as row 2 of north.csv"));
    }

    @Test
    void oneFilePartSaysItsKindInAFormField() throws Exception {
        mvc.perform(asManager(multipart("/api/v1/imports")
                        .file(csv("file", "客户.csv", "customer_id,name\nC1,张三\n"))
                        .param("kind", "customers")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.files[0].file").value("客户.csv"))
                .andExpect(jsonPath("$.total.inserted").value(1));
    }

    @Test
    void aFilePartWithoutItsKindIsRefused() throws Exception {
        mvc.perform(asManager(multipart("/api/v1/imports").file(csv("file", "data.csv", "customer_id,name\nC1,张三\n"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"))
                .andExpect(jsonPath("$.detail", containsString("form field kind")));
    }

    @Test
    void aPartNamedAfterNoKindIsRefused() throws Exception {
        mvc.perform(asManager(multipart("/api/v1/imports").file(csv("guarantors", "guarantors.csv", "guarantor_id\nG1\n"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:recoup:problem:invalid-input"))
                .andExpect(jsonPath("$.detail", containsString("unknown kind guarantors")));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheFileAndChangesNothing() throws Exception {
        byte[] gbk = Files.readString(SAMPLES.resolve("contacts.csv")).getBytes(Charset.forName("GBK"));

        mvc.perform(asManager(multipartOf(SAMPLES, List.of("customers", "accounts"))
                        .file(new MockMultipartFile("contacts", "contacts-gbk.csv", "text/csv", gbk))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.value").value("contacts-gbk.csv"))
                .andExpect(jsonPath("$.detail", containsString("contacts-gbk.csv: not UTF-8 text: row 2")));

        assertThat(count("customer")).isZero();
        assertThat(count("portfolio_import")).isZero();
    }

    @Test
    void aWorkbookImportsEverySheetInDependencyOrder() throws Exception {
        byte[] book = workbook(wb -> {
            // Sheets in the "wrong" order, a date typed as an Excel date, numbers typed as numbers.
            Worksheet accounts = sheet(wb, "Accounts", "account_id", "customer_id", "product", "currency", "principal", "annual_rate", "start_date");
            accounts.value(1, 0, "A1");
            accounts.value(1, 1, "C1");
            accounts.value(1, 2, "consumer_loan");
            accounts.value(1, 3, "CNY");
            accounts.value(1, 4, 12000.5);
            accounts.value(1, 5, 0.18);
            accounts.value(1, 6, LocalDate.of(2024, 3, 31));
            accounts.style(1, 6).format("yyyy-mm-dd").set();
            Worksheet notes = wb.newWorksheet("Notes");
            notes.value(0, 0, "exported from the lender's core system");
            Worksheet customers = sheet(wb, "customers", "customer_id", "name", "birth_date");
            customers.value(1, 0, "C1");
            customers.value(1, 1, "张三");
            customers.value(1, 2, "1990-01-31");
            customers.value(2, 0, "C2");
            customers.value(2, 2, "1990-02-31");
            customers.value(1, 4, "a note beside the table, not a shifted value");
        });

        mvc.perform(asManager(multipart("/api/v1/imports").file(new MockMultipartFile("file", "portfolio.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", book))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ignoredSheets[0]").value("Notes"))
                .andExpect(jsonPath("$.files[0].sheet").value("customers"))
                .andExpect(jsonPath("$.files[0].file").value("portfolio.xlsx"))
                .andExpect(jsonPath("$.files[1].sheet").value("Accounts"))
                .andExpect(jsonPath("$.total.inserted").value(2))
                .andExpect(jsonPath("$.rejections[0].sheet").value("customers"))
                .andExpect(jsonPath("$.rejections[0].row").value(3))
                .andExpect(jsonPath("$.rejections[0].column").value("name"))
                .andExpect(jsonPath("$.rejections[1].column").value("birth_date"));

        assertThat(jdbc.sql("select principal || ' ' || annual_rate || ' ' || start_date from account").query(String.class).single())
                .isEqualTo("1200050 0.180000 2024-03-31");
    }

    @Test
    void aWorkbookInAPartNamedWorkbookIsReadWhateverItsFileName() throws Exception {
        byte[] book = workbook(wb -> {
            Worksheet customers = sheet(wb, "customers", "customer_id", "name");
            customers.value(1, 0, 1001);
            customers.value(1, 1, "张三");
        });

        mvc.perform(asManager(multipart("/api/v1/imports").file(new MockMultipartFile("workbook", "export.bin", null, book))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total.inserted").value(1));

        assertThat(jdbc.sql("select customer_ref from customer").query(String.class).single()).isEqualTo("1001");
    }

    @Test
    void aCorruptWorkbookChangesNothing() throws Exception {
        byte[] book = workbook(wb -> sheet(wb, "customers", "customer_id", "name").value(1, 0, "C1"));
        byte[] truncated = java.util.Arrays.copyOf(book, book.length / 2);

        mvc.perform(asManager(multipartOf(SAMPLES, List.of("customers"))
                        .file(new MockMultipartFile("workbook", "broken.xlsx", null, truncated))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("broken.xlsx")));

        assertThat(count("customer")).isZero();
    }

    @Test
    void aWorkbookWithoutAnySheetNamedLikeAKindIsRefused() throws Exception {
        byte[] book = workbook(wb -> wb.newWorksheet("Sheet1").value(0, 0, "customer_id"));

        mvc.perform(asManager(multipart("/api/v1/imports").file(new MockMultipartFile("file", "book.xlsx", null, book))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("sheets found: Sheet1")));
    }

    @Test
    void jsonRowsAreImportedInDependencyOrderWithTheSameFieldNames() throws Exception {
        String body = """
                {"accounts": [{"account_id": "A1", "customer_id": "C1", "product": "credit_card", "currency": "CNY",
                               "principal": 5000.50, "annual_rate": 0.1825, "start_date": "2024-01-01", "maturity_date": null}],
                 "customers": [{"customer_id": "C1", "name": "张三", "region_code": "110105", "nickname": "小张"},
                               {"customer_id": "C2", "name": "李四", "region_code": "999999"}]}""";

        mvc.perform(asManager(post("/api/v1/imports").contentType(MediaType.APPLICATION_JSON).content(body)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.files[0].file").value("request.json"))
                .andExpect(jsonPath("$.files[0].sheet").value("customers"))
                .andExpect(jsonPath("$.files[0].ignoredColumns[0]").value("nickname"))
                .andExpect(jsonPath("$.total.inserted").value(2))
                .andExpect(jsonPath("$.rejections[0].row").value(2))
                .andExpect(jsonPath("$.rejections[0].code").value("region_code_invalid"));

        assertThat(jdbc.sql("select principal from account").query(Long.class).single()).isEqualTo(500_050L);
    }

    @Test
    void jsonNamingAnUnknownKindIsRefused() throws Exception {
        mvc.perform(asManager(post("/api/v1/imports").contentType(MediaType.APPLICATION_JSON).content("{\"debtors\": []}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"))
                .andExpect(jsonPath("$.value").value("debtors"));
    }

    @Test
    void anImportWaitsForNoDailyRunButAnswersConflict() throws Exception {
        try (Connection dailyRun = dataSource.getConnection()) {
            try (var lock = dailyRun.createStatement()) {
                lock.execute("select pg_advisory_lock(" + PortfolioWriteLock.KEY + ")");
            }
            mvc.perform(asManager(multipartOf(SAMPLES, KINDS)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value("a daily run is reading the portfolio; try again in a minute"));
            try (var unlock = dailyRun.createStatement()) {
                unlock.execute("select pg_advisory_unlock(" + PortfolioWriteLock.KEY + ")");
            }
        }
        assertThat(count("customer")).isZero();

        mvc.perform(asManager(multipartOf(SAMPLES, KINDS))).andExpect(status().isCreated());
    }

    @Test
    void theReportAndAllItsRejectionsCanBeReadLater() throws Exception {
        String answer = mvc.perform(asManager(multipartOf(SAMPLES_WITH_ERRORS, KINDS)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode report = json.readTree(answer);
        long id = report.get("id").asLong();

        String again = mvc.perform(get("/api/v1/imports/" + id).with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(again)).isEqualTo(report);

        mvc.perform(get("/api/v1/imports/" + id + "/rejections").param("page", "2").param("size", "10")
                        .with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(26))
                .andExpect(jsonPath("$.rejections.length()").value(6))
                .andExpect(jsonPath("$.rejections[5].file").value("collateral.csv"))
                .andExpect(jsonPath("$.rejections[5].reasonZh").value("本次导入和现有组合中都没有账户 EA77"));
    }

    @Test
    void anUnknownImportIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/imports/424242").with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isNotFound());
    }

    @Test
    void agentsCannotReadImportReportsWhichShowPersonalDataUnmasked() throws Exception {
        String answer = mvc.perform(asManager(multipartOf(SAMPLES_WITH_ERRORS, KINDS)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = json.readTree(answer).get("id").asLong();

        mvc.perform(get("/api/v1/imports/" + id).with(httpBasic("agent", "recoup-agent"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/imports/" + id + "/rejections").with(httpBasic("agent", "recoup-agent"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/imports/" + id).with(httpBasic("admin", "recoup-admin"))).andExpect(status().isOk());
    }

    @Test
    void agentsCannotImport() throws Exception {
        mvc.perform(multipartOf(SAMPLES, KINDS).with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isForbidden());

        assertThat(count("customer")).isZero();
    }

    private static MockMultipartHttpServletRequestBuilder multipartOf(Path directory, List<String> kinds) throws IOException {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports");
        for (String kind : kinds) {
            request.file(new MockMultipartFile(kind, kind + ".csv", "text/csv", Files.readAllBytes(directory.resolve(kind + ".csv"))));
        }
        return request;
    }

    private static MockMultipartFile csv(String part, String fileName, String content) {
        return new MockMultipartFile(part, fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestBuilder asManager(AbstractMockHttpServletRequestBuilder<?> request) {
        return request.with(httpBasic("manager", "recoup-manager"));
    }

    private static byte[] workbook(Consumer<Workbook> content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Recoup tests", "1.0");
        content.accept(wb);
        wb.finish();
        return out.toByteArray();
    }

    private static Worksheet sheet(Workbook wb, String name, String... header) {
        Worksheet sheet = wb.newWorksheet(name);
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        return sheet;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
