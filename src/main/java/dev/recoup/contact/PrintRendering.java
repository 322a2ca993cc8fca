package dev.recoup.contact;

/**
 * The letter channel's printing, for other printed documents (issue 5: agreements, letters, waiver
 * applications): XHTML to PDF with openhtmltopdf in the letters' CJK font, embedded as a subset —
 * one renderer and one font for everything Recoup prints.
 */
public interface PrintRendering {

    /** The CSS font-family under which the letter font is registered: use it in the document's styles. */
    String FONT_FAMILY = "Recoup Letter Sans SC";

    /** Renders well-formed XHTML to a PDF. */
    byte[] renderPdf(String xhtml);

    /** The characters of {@code text} the letter font lacks (empty when none): such a text would print boxes. */
    String unprintable(String text);
}
