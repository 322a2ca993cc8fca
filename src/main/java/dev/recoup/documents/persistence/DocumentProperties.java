package dev.recoup.documents.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Documents ({@code recoup.documents.*}).
 *
 * @param lenderName     {{lenderName}} in every document
 * @param contactNumber  {{contactNumber}}: the number customers call
 * @param signingLinkValidity how long a signing link works (once)
 * @param publicBaseUrl  the address customers reach Recoup at, for signing links (empty: the address of the request that made the link)
 */
@ConfigurationProperties("recoup.documents")
public record DocumentProperties(String lenderName, String contactNumber, Duration signingLinkValidity, String publicBaseUrl) {

    public DocumentProperties {
        lenderName = lenderName == null || lenderName.isBlank() ? "瑞可示例消费金融有限公司" : lenderName.strip();
        contactNumber = contactNumber == null || contactNumber.isBlank() ? "400-800-1234" : contactNumber.strip();
        signingLinkValidity = signingLinkValidity == null ? Duration.ofDays(7) : signingLinkValidity;
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
    }
}
