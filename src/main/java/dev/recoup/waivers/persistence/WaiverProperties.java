package dev.recoup.waivers.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Waivers ({@code recoup.waivers.*}).
 *
 * @param evidenceMaxFileSize largest proof-of-hardship file accepted
 * @param evidenceMaxFiles    most files on one waiver
 */
@ConfigurationProperties("recoup.waivers")
public record WaiverProperties(DataSize evidenceMaxFileSize, Integer evidenceMaxFiles) {

    public WaiverProperties {
        evidenceMaxFileSize = evidenceMaxFileSize == null ? DataSize.ofMegabytes(5) : evidenceMaxFileSize;
        evidenceMaxFiles = evidenceMaxFiles == null ? 10 : evidenceMaxFiles;
    }
}
