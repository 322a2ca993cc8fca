package dev.recoup.contact.domain;

/**
 * Where an offset falls in a text, as people count: line and column from 1, columns in characters
 * (a Chinese character is one column).
 */
public record TextPosition(int offset, int line, int column) {

    public static TextPosition of(CharSequence text, int offset) {
        int line = 1;
        int column = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new TextPosition(offset, line, column);
    }
}
