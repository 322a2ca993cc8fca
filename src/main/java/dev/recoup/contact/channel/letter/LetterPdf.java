package dev.recoup.contact.channel.letter;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.recoup.contact.PrintRendering;
import dev.recoup.contact.outbox.LetterCheck;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Letters as a printable PDF: Thymeleaf HTML ({@code templates/letters/batch.html}) to PDF with
 * openhtmltopdf, one letter per A4 page, in a CJK font embedded (subset) in the file — the
 * bundled GB 2312 TrueType subset of Noto Sans CJK SC unless {@code recoup.channels.letters.font}
 * names another TrueType font. A letter whose text has a character the font lacks is refused
 * before it enters a batch ({@link LetterCheck}): a printed box instead of a name is not a letter.
 */
@Component
class LetterPdf implements LetterCheck, PrintRendering {

    static final String FAMILY = PrintRendering.FONT_FAMILY;
    private static final String BUNDLED_FONT = "/fonts/RecoupLetterSansSC-Regular.ttf";

    private final ITemplateEngine templates;
    private final LetterProperties properties;
    private final byte[] font;
    private final CmapLookup cmap;

    LetterPdf(ITemplateEngine templates, LetterProperties properties) {
        this.templates = templates;
        this.properties = properties;
        this.font = loadFont(properties.font());
        try (TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            this.cmap = parsed.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("the letter font is not a TrueType font: " + properties.font(), e);
        }
    }

    private static byte[] loadFont(String path) {
        try {
            if (path != null) {
                return Files.readAllBytes(Path.of(path));
            }
            try (InputStream in = LetterPdf.class.getResourceAsStream(BUNDLED_FONT)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + BUNDLED_FONT);
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the letter font " + (path == null ? BUNDLED_FONT : path), e);
        }
    }

    @Override
    public String unprintable(String text) {
        StringBuilder missing = new StringBuilder();
        if (text == null) {
            return "";
        }
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp) && cmap.getGlyphId(cp) == 0)
                .distinct().forEach(missing::appendCodePoint);
        return missing.toString();
    }

    byte[] render(LetterBatch batch) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("batch", batch);
        context.setVariable("sender", Map.of("name", properties.senderName(), "address", properties.senderAddress()));
        context.setVariable("dates", Map.of("zh-CN", batch.businessDate().format(DateTimeFormatter.ofPattern("yyyy年M月d日")),
                "en", batch.businessDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))));
        Map<Long, List<String>> paragraphs = new HashMap<>();
        for (Letter letter : batch.contents()) {
            paragraphs.put(letter.messageId(), paragraphs(letter.body()));
        }
        context.setVariable("paragraphs", paragraphs);
        return render(templates.process("letters/batch", context), "letter batch " + batch.id());
    }

    @Override
    public byte[] renderPdf(String xhtml) {
        return render(xhtml, "a document");
    }

    private byte[] render(String html, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(font), FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering " + what, e);
        }
        return out.toByteArray();
    }

    static List<String> paragraphs(String body) {
        return Arrays.stream(body.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
