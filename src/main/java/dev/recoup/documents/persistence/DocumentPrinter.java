package dev.recoup.documents.persistence;

import dev.recoup.contact.PrintRendering;
import dev.recoup.documents.domain.ComposedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Documents as PDF through the letter channel's renderer and CJK font ({@link PrintRendering}): the
 * document itself ({@code templates/documents/document.html}) and, when signed, a signature page
 * ({@code documents/signature-page.html}) appended to the original's pages unchanged.
 */
@Component
class DocumentPrinter {

    private final ITemplateEngine templates;
    private final PrintRendering rendering;

    DocumentPrinter(ITemplateEngine templates, PrintRendering rendering) {
        this.templates = templates;
        this.rendering = rendering;
    }

    /** The characters the font cannot print (empty when none). */
    String unprintable(String text) {
        return rendering.unprintable(text);
    }

    byte[] print(ComposedDocument document, String lender, String reference) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("document", document);
        context.setVariable("lender", lender);
        context.setVariable("reference", reference);
        return rendering.renderPdf(templates.process("documents/document", context));
    }

    /** The original PDF with the signature page (from {@code values}) appended. */
    byte[] withSignaturePage(byte[] original, Map<String, Object> values) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        values.forEach(context::setVariable);
        byte[] page = rendering.renderPdf(templates.process("documents/signature-page", context));
        try (PDDocument signed = Loader.loadPDF(original); PDDocument signature = Loader.loadPDF(page)) {
            new PDFMergerUtility().appendDocument(signed, signature);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            signed.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("appending the signature page", e);
        }
    }
}
