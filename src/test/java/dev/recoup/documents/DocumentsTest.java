package dev.recoup.documents;

import dev.recoup.documents.persistence.DocumentService;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import dev.recoup.shared.InvalidInputException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class DocumentsTest {

    static final RequestPostProcessor AGENT = httpBasic("agent", "recoup-agent");
    static final RequestPostProcessor MANAGER = httpBasic("manager", "recoup-manager");

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired DocumentService documents;
    long caseId;

    @BeforeEach
    void aCaseOfZhangSanfeng() {
        TestDatabase.clean(jdbc);
        new PortfolioFixture(jdbc).customer("C1").account("A-1001", "C1", "2026-06-01", 6, 1000);
        jdbc.sql("update customer set name = '张三丰' where customer_ref = 'C1'").update();
        caseId = openCase(jdbc, "C1");
        // Issue 6: agents see their assigned cases only; the demo agent is given this test's open cases.
        dev.recoup.support.Assignments.openCasesToAgent(jdbc, dev.recoup.support.Assignments.DEMO_AGENT);
    }

    static long openCase(JdbcClient jdbc, String customerRef) {
        return jdbc.sql("""
                insert into collection_case (customer_id, status, opened_on, opened_by_run, stage_entered_on)
                select id, 'OPEN', date '2026-07-01', 0, date '2026-07-01' from customer where customer_ref = ? returning id""")
                .param(customerRef).query(Long.class).single();
    }

    Documents.StoredDocument demandLetter(String language) {
        return documents.generate(new Documents.DocumentRequest(Documents.Kind.DEMAND_LETTER, caseId,
                Map.of("overdueAmountFen", "123456", "outstandingAmountFen", "600000", "deadline", "2026年12月15日"), language, "agent"));
    }

    byte[] pdf(long id) throws Exception {
        return mvc.perform(get("/api/v1/cases/{c}/documents/{id}/pdf", caseId, id).with(AGENT))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void aDocumentIsKeptWithTheCaseWithTheSha256OfItsBytesAndItsTemplateVersion() throws Exception {
        Documents.StoredDocument stored = demandLetter("zh-CN");

        byte[] bytes = pdf(stored.id());
        assertThat(stored.sha256()).isEqualTo(sha256(bytes));
        assertThat(stored.sizeBytes()).isEqualTo(bytes.length);
        assertThat(stored.templateVersion()).isEqualTo(1);
        mvc.perform(get("/api/v1/cases/{c}/documents/{id}/pdf", caseId, stored.id()).with(AGENT))
                .andExpect(header().string("X-Content-SHA256", stored.sha256()));
        mvc.perform(get("/api/v1/cases/{c}/documents", caseId).with(AGENT))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].kind").value("DEMAND_LETTER"))
                .andExpect(jsonPath("$[0].title").value("还款通知函"))
                .andExpect(jsonPath("$[0].variables.overdueAmount").value("1,234.56元"))
                .andExpect(jsonPath("$[0].variables.customerName").value("张三丰"))
                .andExpect(jsonPath("$[0].status").value("GENERATED"));
        mvc.perform(get("/api/v1/cases/{c}/documents/{id}/pdf", caseId + 1, stored.id()).with(AGENT)).andExpect(status().isNotFound());
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("张三丰先生/女士", "A-1001", "1,234.56元", "6,000.00元", "2026年12月15日", "400-800-1234");
        }
    }

    @Test
    void anEnglishDocumentIsGeneratedThroughTheApiWithAmountsInFen() throws Exception {
        mvc.perform(post("/api/v1/cases/{c}/documents", caseId).with(AGENT).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "REPAYMENT_COMMITMENT", "language": "en",
                         "variables": {"promiseDate": "15 December 2026", "promiseAmountFen": "50000", "overdueAmount": "CNY 1,000.00"}}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("Repayment commitment"))
                .andExpect(jsonPath("$.variables.promiseAmount").value("CNY 500.00"))
                .andExpect(jsonPath("$.language").value("en"));
    }

    @Test
    void aVariableTheTemplateNeedsWithoutAValueIsNamed() throws Exception {
        mvc.perform(post("/api/v1/cases/{c}/documents", caseId).with(AGENT).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "REPAYMENT_COMMITMENT", "variables": {"promiseAmountFen": "50000", "overdueAmountFen": "100000"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("variables.promiseDate"));
        mvc.perform(post("/api/v1/cases/{c}/documents", caseId).with(AGENT).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "DEMAND_LETTER", "variables": {"debtAmount": "1"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("variables.debtAmount"));
        assertThat(jdbc.sql("select count(*) from case_document").query(Long.class).single()).isZero();
    }

    @Test
    void aValueThatThreatensIsRefusedLikeATemplateWouldBe() {
        assertThatThrownBy(() -> documents.generate(new Documents.DocumentRequest(Documents.Kind.DEMAND_LETTER, caseId,
                Map.of("overdueAmountFen", "1", "outstandingAmountFen", "1", "deadline", "三天内，否则坐牢"), "zh-CN", "agent")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("variables.deadline");
                    assertThat(e.getMessage()).contains("坐牢");
                });
    }

    @Test
    void savingANewTemplateVersionKeepsTheOldOneAndNewDocumentsUseTheNewOne() throws Exception {
        Documents.StoredDocument before = demandLetter("zh-CN");
        mvc.perform(post("/api/v1/document-templates/DEMAND_LETTER/versions").with(MANAGER).contentType(MediaType.APPLICATION_JSON).content("""
                        {"content": {"zh-CN": {"title": "温馨还款通知", "body": "{{customerName}}您好：\\n请于{{deadline}}前归还{{overdueAmount}}。"},
                                     "en": {"title": "Friendly notice", "body": "Dear {{customerName}}, please pay {{overdueAmount}} by {{deadline}}."}},
                         "note": "gentler"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(post("/api/v1/document-templates/DEMAND_LETTER/versions").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"content\": {}}")).andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/document-templates/DEMAND_LETTER/versions/1").with(AGENT))
                .andExpect(jsonPath("$.content['zh-CN'].title").value("还款通知函"));
        mvc.perform(get("/api/v1/document-templates/DEMAND_LETTER").with(AGENT)).andExpect(jsonPath("$", hasSize(2)));
        Documents.StoredDocument after = demandLetter("zh-CN");
        assertThat(after.templateVersion()).isEqualTo(2);
        assertThat(documents.find(after.id()).title()).isEqualTo("温馨还款通知");
        assertThat(documents.find(before.id()).templateVersion()).as("a document keeps the version it was made from").isEqualTo(1);
    }

    @Test
    void aTemplateThatImpersonatesACourtOrThreatensArrestIsRefusedNamingLanguageLineAndWords() throws Exception {
        mvc.perform(post("/api/v1/document-templates/LAWYERS_LETTER/versions").with(MANAGER).contentType(MediaType.APPLICATION_JSON).content("""
                        {"content": {"zh-CN": {"title": "律师函", "body": "{{customerName}}：\\n我们是法院，{{lawFirm}}{{lawyerName}}通知您归还{{overdueAmount}}，{{deadline}}前不还将被拘留。"},
                                     "en": {"title": "Letter", "body": "{{customerName}}, {{lawFirm}} {{lawyerName}}: pay {{overdueAmount}} by {{deadline}} or you will be arrested."}}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations", hasSize(3)))
                .andExpect(jsonPath("$.violations[0].language").value("zh-CN"))
                .andExpect(jsonPath("$.violations[0].line").value(2))
                .andExpect(jsonPath("$.violations[0].word").value("我们是法院"))
                .andExpect(jsonPath("$.violations[0].category").value("IMPERSONATION"))
                .andExpect(jsonPath("$.violations[1].word").value("拘留"))
                .andExpect(jsonPath("$.violations[2].language").value("en"))
                .andExpect(jsonPath("$.violations[2].category").value("FALSE_LEGAL_CONSEQUENCE"));
        mvc.perform(get("/api/v1/document-templates/LAWYERS_LETTER").with(AGENT)).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void everyDefaultTemplateRendersInBothLanguages() {
        Map<String, String> values = Map.ofEntries(Map.entry("overdueAmountFen", "100000"), Map.entry("outstandingAmountFen", "500000"),
                Map.entry("deadline", "2026-12-15"), Map.entry("promiseDate", "2026-12-01"), Map.entry("promiseAmountFen", "30000"),
                Map.entry("planTotalFen", "500000"), Map.entry("instalmentCount", "6"), Map.entry("firstPaymentAmountFen", "100000"),
                Map.entry("schedule", "1. 2026-12-01 1,000.00\n2. 2027-01-01 800.00"), Map.entry("waiverAmountFen", "20000"),
                Map.entry("waiverComponents", "罚息"), Map.entry("hardshipReason", "失业"), Map.entry("lawFirm", "示例律师事务所"),
                Map.entry("lawyerName", "李四"));
        for (Documents.Kind kind : Documents.Kind.values()) {
            for (String language : new String[] {"zh-CN", "en"}) {
                Documents.StoredDocument stored = documents.generate(new Documents.DocumentRequest(kind, caseId, values, language, "agent"));
                assertThat(stored.sizeBytes()).as(kind + " " + language).isGreaterThan(1000);
            }
        }
    }

    @Test
    void thePagesListTheCasesDocumentsAndTheTemplatesAndAManagerSavesAVersionThere() throws Exception {
        long id = demandLetter("zh-CN").id();
        var agent = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("agent").roles("AGENT");
        var manager = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("manager").roles("MANAGER");
        mvc.perform(get("/cases/{c}/documents", caseId).with(agent))
                .andExpect(status().isOk()).andExpect(content().string(containsString("还款通知函")));
        mvc.perform(post("/documents/{id}/signing-links", id).with(agent).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("link", containsString("/sign/")));
        mvc.perform(get("/documents/{id}/pdf", id).with(agent)).andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/document-templates").with(agent)).andExpect(status().isOk()).andExpect(content().string(containsString("律师函")));
        mvc.perform(get("/document-templates/{k}", "LAWYERS_LETTER").with(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("{{lawFirm}}")));
        mvc.perform(post("/document-templates/{k}/versions", "DEMAND_LETTER").with(agent).with(csrf())
                .param("titleZh", "x").param("bodyZh", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/document-templates/{k}/versions", "DEMAND_LETTER").with(manager).with(csrf())
                        .param("titleZh", "通知").param("bodyZh", "{{customerName}}：请于{{deadline}}前归还{{overdueAmount}}，否则后果自负。")
                        .param("titleEn", "Notice").param("bodyEn", "{{customerName}}: pay {{overdueAmount}} by {{deadline}}."))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("violations"));
        mvc.perform(post("/cases/{c}/documents", caseId).with(agent).with(csrf()).param("kind", "DEMAND_LETTER").param("language", "en")
                        .param("var.deadline", "15 December 2026").param("var.overdueAmount", "CNY 1.00").param("var.outstandingAmount", "CNY 2.00"))
                .andExpect(status().is3xxRedirection());
        assertThat(documents.list(caseId)).hasSize(2);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
