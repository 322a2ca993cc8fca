package dev.recoup.documents;

import dev.recoup.documents.persistence.DocumentService;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese text in a generated document is drawn with real glyphs: the page is rasterised and every
 * distinct Chinese character's box is cut out of the image. Each must carry ink, and different
 * characters must look different — a missing font draws blanks, and a font without the glyphs
 * draws the same "tofu" box for every character. Without the bundled font the application does not
 * start (the letter renderer loads it), and with a font lacking the characters generation is refused,
 * so this test fails either way.
 */
@RecoupIntegrationTest
class ChineseRenderingTest {

    private static final int DPI = 150;

    @Autowired JdbcClient jdbc;
    @Autowired DocumentService documents;

    @Test
    void aChineseLetterRendersRealGlyphs() throws Exception {
        TestDatabase.clean(jdbc);
        new PortfolioFixture(jdbc).customer("C1").account("A-1001", "C1", "2026-06-01", 6, 1000);
        jdbc.sql("update customer set name = '张三丰' where customer_ref = 'C1'").update();
        long caseId = DocumentsTest.openCase(jdbc, "C1");
        Documents.StoredDocument stored = documents.generate(new Documents.DocumentRequest(Documents.Kind.LAWYERS_LETTER, caseId,
                Map.of("overdueAmountFen", "123456", "outstandingAmountFen", "600000", "deadline", "2026年12月15日",
                        "lawFirm", "北京市示例律师事务所", "lawyerName", "李四"), "zh-CN", "agent"));

        try (PDDocument pdf = Loader.loadPDF(documents.content(stored.id()))) {
            PDResources resources = pdf.getPage(0).getResources();
            List<String> fonts = new ArrayList<>();
            for (var name : resources.getFontNames()) {
                fonts.add(resources.getFont(name).getName());
            }
            assertThat(fonts).as("the bundled CJK font is embedded").anyMatch(f -> f.contains("RecoupLetterSansSC"));

            Map<String, TextPosition> firstOfEach = new LinkedHashMap<>();
            PDFTextStripper positions = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    String c = text.getUnicode();
                    if (c != null && c.codePoints().count() == 1 && Character.UnicodeScript.of(c.codePointAt(0)) == Character.UnicodeScript.HAN) {
                        firstOfEach.putIfAbsent(c, text);
                    }
                    super.processTextPosition(text);
                }
            };
            positions.setStartPage(1);
            positions.setEndPage(1);
            positions.getText(pdf);
            assertThat(firstOfEach.keySet()).as("the page has the customer's name and many distinct Chinese characters")
                    .contains("张", "三", "丰", "律", "函").hasSizeGreaterThan(40);

            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, DPI, ImageType.GRAY);
            if (System.getenv("RECOUP_DOCUMENT_PNG") != null) {
                javax.imageio.ImageIO.write(page, "png", new java.io.File(System.getenv("RECOUP_DOCUMENT_PNG")));
            }
            Map<String, String> glyphImages = new LinkedHashMap<>();
            for (Map.Entry<String, TextPosition> each : firstOfEach.entrySet()) {
                String bits = glyph(page, each.getValue());
                assertThat(bits.chars().filter(b -> b == '1').count()).as("ink in the box of " + each.getKey()).isGreaterThan(8);
                glyphImages.put(each.getKey(), bits);
            }
            Set<String> distinct = new HashSet<>(glyphImages.values());
            assertThat(distinct.size()).as("distinct characters are drawn as distinct glyphs, not one box")
                    .isGreaterThanOrEqualTo((int) (glyphImages.size() * 0.95));
            assertThat(Set.of(glyphImages.get("张"), glyphImages.get("三"), glyphImages.get("丰"))).hasSize(3);
        }
    }

    /** The character's box on the rasterised page as a string of ink (1) and paper (0). */
    private static String glyph(BufferedImage page, TextPosition text) throws IOException {
        double scale = DPI / 72.0;
        float size = text.getFontSizeInPt();
        int x0 = (int) Math.floor(text.getXDirAdj() * scale);
        int x1 = (int) Math.ceil((text.getXDirAdj() + text.getWidthDirAdj()) * scale);
        int y0 = (int) Math.floor((text.getYDirAdj() - size * 0.88) * scale);
        int y1 = (int) Math.ceil((text.getYDirAdj() + size * 0.12) * scale);
        StringBuilder bits = new StringBuilder();
        for (int y = Math.max(0, y0); y < Math.min(page.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(page.getWidth(), x1); x++) {
                bits.append((page.getRaster().getSample(x, y, 0) < 128) ? '1' : '0');
            }
            bits.append('/');
        }
        return bits.toString();
    }
}
