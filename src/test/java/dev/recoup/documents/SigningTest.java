package dev.recoup.documents;

import dev.recoup.documents.persistence.DocumentService;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class SigningTest {

    static final RequestPostProcessor AGENT = httpBasic("agent", "recoup-agent");
    static final RequestPostProcessor FROM_THE_CUSTOMERS_PHONE = request -> {
        request.setRemoteAddr("203.0.113.7");
        request.addHeader("User-Agent", "Mobile Safari");
        return request;
    };

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired DocumentService documents;
    @Autowired ObjectMapper json;
    long caseId;
    long documentId;

    @BeforeEach
    void aCommitmentLetterToSign() {
        TestDatabase.clean(jdbc);
        new PortfolioFixture(jdbc).customer("C1").account("A-1001", "C1", "2026-06-01", 6, 1000);
        jdbc.sql("update customer set name = '张三丰' where customer_ref = 'C1'").update();
        caseId = DocumentsTest.openCase(jdbc, "C1");
        documentId = documents.generate(new Documents.DocumentRequest(Documents.Kind.REPAYMENT_COMMITMENT, caseId,
                Map.of("promiseDate", "2026年12月1日", "promiseAmountFen", "300000", "overdueAmountFen", "300000"), "zh-CN", "agent")).id();
        // Issue 6: agents see their assigned cases only; the demo agent is given this test's open cases.
        dev.recoup.support.Assignments.openCasesToAgent(jdbc, dev.recoup.support.Assignments.DEMO_AGENT);
    }

    String signingLink() throws Exception {
        String body = mvc.perform(post("/api/v1/cases/{c}/documents/{id}/signing-links", caseId, documentId).with(AGENT))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        JsonNode link = json.readTree(body);
        String url = link.get("url").asString();
        assertThat(url).contains("/sign/");
        return url.substring(url.indexOf("/sign/") + "/sign/".length());
    }

    @Test
    void aSigningLinkWorksOnlyOnce() throws Exception {
        String token = signingLink();
        assertThat(jdbc.sql("select count(*) from document_signing_link where token_sha256 = ?").param(token).query(Long.class).single())
                .as("only the token's hash is stored").isZero();

        mvc.perform(get("/sign/{t}", token)).andExpect(status().isOk()).andExpect(content().string(containsString("还款承诺书")));
        byte[] shown = mvc.perform(get("/sign/{t}/document.pdf", token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String originalHash = DocumentsTest.sha256(shown);
        assertThat(originalHash).isEqualTo(documents.find(documentId).sha256());

        mvc.perform(post("/sign/{t}", token).with(csrf()).with(FROM_THE_CUSTOMERS_PHONE).param("signerName", "张三丰").param("agree", "yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(originalHash)));

        mvc.perform(get("/sign/{t}", token)).andExpect(status().isGone()).andExpect(content().string(containsString("此签署链接已被使用")));
        mvc.perform(post("/sign/{t}", token).with(csrf()).param("signerName", "冒名者").param("agree", "yes")).andExpect(status().isGone());
        mvc.perform(get("/sign/{t}/document.pdf", token)).andExpect(status().isGone());
        assertThat(jdbc.sql("select count(*) from document_signature").query(Long.class).single()).isEqualTo(1);
        // A signed document gets no new link.
        mvc.perform(post("/api/v1/cases/{c}/documents/{id}/signing-links", caseId, documentId).with(AGENT)).andExpect(status().isConflict());
    }

    @Test
    void theSignatureRecordsNameAddressTimeAndBothHashesAndTheSignedPdfHasASignaturePageAppended() throws Exception {
        String token = signingLink();
        mvc.perform(post("/sign/{t}", token).with(csrf()).with(FROM_THE_CUSTOMERS_PHONE).param("signerName", " 张三丰 ").param("agree", "yes"))
                .andExpect(status().isOk());

        CaseDocument signed = documents.find(documentId);
        assertThat(signed.status()).isEqualTo("SIGNED");
        CaseDocument.Signature signature = signed.signature();
        assertThat(signature.signerName()).isEqualTo("张三丰");
        assertThat(signature.signerIp()).isEqualTo("203.0.113.7");
        assertThat(signature.userAgent()).isEqualTo("Mobile Safari");
        assertThat(signature.signedAt()).isNotNull();
        assertThat(signature.originalSha256()).isEqualTo(signed.sha256());

        byte[] original = documents.content(documentId);
        byte[] signedPdf = mvc.perform(get("/api/v1/cases/{c}/documents/{id}/signed.pdf", caseId, documentId).with(AGENT))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(DocumentsTest.sha256(signedPdf)).isEqualTo(signature.sha256()).isNotEqualTo(signed.sha256());
        try (PDDocument before = Loader.loadPDF(original); PDDocument after = Loader.loadPDF(signedPdf)) {
            assertThat(after.getNumberOfPages()).isEqualTo(before.getNumberOfPages() + 1);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(after.getNumberOfPages());
            String lastPage = stripper.getText(after).replaceAll("\\s+", "");
            assertThat(lastPage).contains("电子签署页", "张三丰", "203.0.113.7", signed.sha256());
            PDFTextStripper firstPages = new PDFTextStripper();
            firstPages.setEndPage(before.getNumberOfPages());
            assertThat(firstPages.getText(after)).as("the original's pages are unchanged").isEqualTo(new PDFTextStripper().getText(before));
        }
        mvc.perform(get("/api/v1/cases/{c}/documents/{id}", caseId, documentId).with(AGENT))
                .andExpect(jsonPath("$.signature.signerName").value("张三丰"))
                .andExpect(jsonPath("$.signature.originalSha256").value(signed.sha256()));
    }

    @Test
    void anExpiredLinkAnUnknownLinkAndASignatureWithoutAgreementOrNameSignNothing() throws Exception {
        String token = signingLink();
        mvc.perform(post("/sign/{t}", token).with(csrf()).param("signerName", "张三丰"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请确认您已阅读文书")));
        mvc.perform(post("/sign/{t}", token).with(csrf()).param("signerName", "  ").param("agree", "yes"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("signerName")));

        jdbc.sql("update document_signing_link set expires_at = now() - interval '1 minute'").update();
        mvc.perform(get("/sign/{t}", token)).andExpect(status().isGone()).andExpect(content().string(containsString("已过期")));
        mvc.perform(post("/sign/{t}", token).with(csrf()).param("signerName", "张三丰").param("agree", "yes")).andExpect(status().isGone());
        mvc.perform(get("/sign/{t}", "x".repeat(43))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from document_signature").query(Long.class).single()).isZero();
        assertThat(documents.find(documentId).status()).isEqualTo("GENERATED");
    }
}
