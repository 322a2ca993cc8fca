package dev.recoup.contact.channel.letter;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Printed letters ({@code recoup.channels.letters.*}).
 *
 * @param senderName    printed at the top of every letter
 * @param senderAddress the return address
 * @param font          a TrueType font file to print with instead of the bundled GB 2312 subset of Noto Sans CJK SC
 *                      (PDFBox embeds TrueType outlines only)
 */
@ConfigurationProperties("recoup.channels.letters")
public record LetterProperties(String senderName, String senderAddress, String font) {

    public LetterProperties {
        senderName = senderName == null ? "瑞可客户服务中心 Recoup Customer Service" : senderName;
        senderAddress = senderAddress == null ? "" : senderAddress;
        font = font == null || font.isBlank() ? null : font.strip();
    }
}
