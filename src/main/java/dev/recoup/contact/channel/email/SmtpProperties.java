package dev.recoup.contact.channel.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The e-mail gateway ({@code recoup.channels.smtp.*}). Without {@code host} there is none: e-mails
 * wait in the outbox.
 *
 * @param from          the From address
 * @param bounceAddress the envelope sender (MAIL FROM) that receives bounces (DSNs); defaults to {@code from}
 * @param starttls      require STARTTLS
 * @param ssl           connect with TLS from the start (port 465)
 */
@ConfigurationProperties("recoup.channels.smtp")
public record SmtpProperties(String host, Integer port, String username, String password, Boolean starttls, Boolean ssl, String from, String fromName,
                             String bounceAddress, Duration timeout) {

    public SmtpProperties {
        host = host == null || host.isBlank() ? null : host.strip();
        port = port == null ? 25 : port;
        starttls = starttls != null && starttls;
        ssl = ssl != null && ssl;
        from = from == null || from.isBlank() ? "noreply@recoup.invalid" : from.strip();
        fromName = fromName == null ? "Recoup" : fromName;
        bounceAddress = bounceAddress == null || bounceAddress.isBlank() ? from : bounceAddress.strip();
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    public boolean configured() {
        return host != null;
    }

    /** The domain of the From address: the right side of our Message-IDs. */
    public String domain() {
        int at = from.indexOf('@');
        return at < 0 ? "recoup.invalid" : from.substring(at + 1);
    }
}
