package dev.recoup.contact.channel;

import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.outbox.OutboundMessage;
import dev.recoup.contact.outbox.Outbox;
import dev.recoup.contact.outbox.OutboxDispatcher;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.testing.ChannelsTestBase;
import dev.recoup.contact.testing.ContactFixture;
import dev.recoup.contact.testing.ControllableGate;
import dev.recoup.contact.testing.InMemoryLedger;
import dev.recoup.support.TestDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class LetterBatchTest extends ChannelsTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired MessageTemplates templates;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired ControllableGate gate;
    @Autowired InMemoryLedger ledger;
    @Autowired MockMvc mvc;
    ContactFixture fixture;
    long customer;
    long caseId;
    long debtor;

    static final Map<String, String> VALUES = Map.of("lenderName", "示例消费金融", "productName", "个人消费贷款", "accountTail", "6789",
            "overdueAmount", "1,234.56元", "outstandingAmount", "12,000.00元", "daysOverdue", "35", "callBackNumber", "400-800-1234");

    @BeforeEach
    void aDebtorWithAPostalAddress() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
        gate.reset();
        ledger.clear();
        fixture = new ContactFixture(jdbc);
        customer = fixture.customer("C1", "张三", "上海市黄浦区南京东路1号");
        caseId = fixture.openCase(customer);
        debtor = fixture.contact(customer, "C1-SELF", "self", "张三", "13800138000", null, null);
    }

    long letter(String key, long contact, String template, String language) {
        return outbox.enqueue(new OutboundRequest(key, caseId, Set.of(), contact, Channel.LETTER, template, null, null, language, VALUES, "agent"))
                .messageId();
    }

    @Test
    void theDaysLettersPrintOnePerPageInAChineseFontThatIsNotTofu() throws Exception {
        long zh = letter("letter/1", debtor, "letter.risk-warning", "zh-CN");
        long en = letter("letter/2", debtor, "letter.reminder", "en");

        OutboxDispatcher.Report report = dispatcher.runOnce();

        assertThat(report.lettersBatched()).isEqualTo(2);
        OutboundMessage chinese = outbox.find(zh);
        assertThat(chinese.status()).isEqualTo("SENT");
        assertThat(chinese.endpoint()).as("the debtor's own address comes from the customer").isEqualTo("上海市黄浦区南京东路1号");
        assertThat(chinese.ledgerAttemptId()).as("a letter enters the ledger with its tracking number").isNull();
        long batchId = chinese.letterBatchId();
        assertThat(outbox.find(en).letterBatchId()).isEqualTo(batchId);

        byte[] pdf = mvc.perform(get("/api/v1/letter-batches/{id}/pdf", batchId).with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String page1 = stripper.getText(document);
            String expected = chinese.body();
            assertThat(squeeze(page1)).contains(squeeze(expected)).contains(squeeze(chinese.subject())).contains("张三").contains("上海市黄浦区南京东路1号");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(squeeze(stripper.getText(document))).contains(squeeze(outbox.find(en).body()));

            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 100, ImageType.GRAY);
            if (System.getenv("RECOUP_LETTER_PNG") != null) {
                javax.imageio.ImageIO.write(image, "png", new java.io.File(System.getenv("RECOUP_LETTER_PNG")));
            }
            assertThat(inkedPixels(image)).as("the page has printed glyphs").isGreaterThan(2_000);
            String embedded = document.getPage(0).getResources().getFontNames().iterator().hasNext()
                    ? document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next()).getName() : "";
            assertThat(embedded).contains("RecoupLetterSansSC");
        }
    }

    @Test
    void everyCharacterOfALetterIsDrawnWithARealGlyphNotTheMissingGlyphBox() throws Exception {
        long id = letter("letter/1", debtor, "letter.third-party-call-back", "zh-CN");
        dispatcher.runOnce();
        byte[] pdf = mvc.perform(get("/api/v1/letter-batches/{id}/pdf", outbox.find(id).letterBatchId()).with(httpBasic("agent", "recoup-agent")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            java.util.List<String> drawn = new java.util.ArrayList<>();
            java.util.List<String> tofu = new java.util.ArrayList<>();
            PDFTextStripper glyphs = new PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                    try {
                        int gid = text.getFont() instanceof org.apache.pdfbox.pdmodel.font.PDType0Font type0
                                ? type0.codeToGID(text.getCharacterCodes()[0]) : -1;
                        drawn.add(text.getUnicode());
                        if (gid <= 0) {
                            tofu.add(text.getUnicode());
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    super.processTextPosition(text);
                }
            };
            String text = glyphs.getText(document);
            assertThat(squeeze(text)).contains(squeeze(outbox.find(id).body()));
            assertThat(String.join("", drawn)).contains("请转告其致电", "感谢您的帮助");
            assertThat(tofu).as("characters drawn with the missing-glyph box (GID 0)").isEmpty();
        }
    }

    @Test
    void aLetterWithACharacterTheFontLacksIsRefusedBeforeItEntersTheBatch() {
        long rare = fixture.contact(customer, "C1-R", "self", "𠀀先生", null, null, "北京市东城区𠀀胡同2号");
        long id = letter("letter/rare", rare, "letter.reminder", "zh-CN");

        assertThat(dispatcher.runOnce().failed()).isEqualTo(1);

        OutboundMessage refused = outbox.find(id);
        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.letterBatchId()).isNull();
        assertThat(refused.lastError()).contains("𠀀");
    }

    @Test
    void trackingNumbersRecordEachLetterInTheLedgerOnce() throws Exception {
        long id = letter("letter/1", debtor, "letter.invitation-to-negotiate", "zh-CN");
        dispatcher.runOnce();
        long batchId = outbox.find(id).letterBatchId();
        String body = "{\"letters\": [{\"messageId\": " + id + ", \"trackingNumber\": \"EMS1234567890CN\", \"postedAt\": \"2026-11-23T10:00:00+08:00\"}]}";

        mvc.perform(post("/api/v1/letter-batches/{id}/tracking-numbers", batchId).with(httpBasic("manager", "recoup-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tracked").value(1))
                .andExpect(jsonPath("$.contents[0].trackingNumber").value("EMS1234567890CN"));

        OutboundMessage posted = outbox.find(id);
        assertThat(posted.gatewayMessageId()).isEqualTo("EMS1234567890CN");
        InMemoryLedger.Entry attempt = ledger.entry(posted.ledgerAttemptId());
        assertThat(attempt.attempt().channel()).isEqualTo(Channel.LETTER);
        assertThat(attempt.attempt().endpoint()).isEqualTo("上海市黄浦区南京东路1号");
        assertThat(attempt.attempt().at()).isEqualTo(java.time.Instant.parse("2026-11-23T02:00:00Z"));
        assertThat(attempt.attempt().madeBy()).isEqualTo("manager");

        mvc.perform(post("/api/v1/letter-batches/{id}/tracking-numbers", batchId).with(httpBasic("manager", "recoup-manager"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
        assertThat(ledger.entries()).as("recording the same number again records nothing").hasSize(1);

        mvc.perform(post("/api/v1/letter-batches/{id}/tracking-numbers", batchId).with(httpBasic("manager", "recoup-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("EMS1234567890CN", "SF0987654321")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/letter-batches/{id}/tracking-numbers", batchId).with(httpBasic("agent", "recoup-agent"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/outbound-messages/{id}/receipts", id).with(httpBasic("manager", "recoup-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"result\": \"BOUNCED\", \"detail\": \"returned: addressee unknown\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"));
        assertThat(ledger.entry(posted.ledgerAttemptId()).outcome()).isEqualTo(dev.recoup.contact.domain.Outcome.BOUNCED);
    }

    static String squeeze(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "");
    }

    static int inkedPixels(BufferedImage image) {
        int inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    inked++;
                }
            }
        }
        return inked;
    }
}
