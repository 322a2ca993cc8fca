package dev.recoup.contact.channel.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The SMS gateway ({@code recoup.channels.smpp.*}). Without {@code host} there is no SMS gateway:
 * SMS wait in the outbox.
 *
 * @param sourceAddress  the sender shown on the phone (a number or an alphanumeric name)
 * @param longMessages   UDH: segments with a concatenation header (default, every SMSC); PAYLOAD: one submit_sm with message_payload
 * @param responseTimeout how long to wait for submit_sm_resp; past it a message is UNCERTAIN (it may have been taken)
 */
@ConfigurationProperties("recoup.channels.smpp")
public record SmppProperties(String host, Integer port, String systemId, String password, String systemType, String sourceAddress, Integer sourceTon,
                             Integer sourceNpi, Integer destinationTon, Integer destinationNpi, Boolean deliveryReceipts, LongMessages longMessages,
                             Duration responseTimeout, Duration bindTimeout, Duration enquireLink) {

    public enum LongMessages {
        UDH,
        PAYLOAD
    }

    public SmppProperties {
        host = host == null || host.isBlank() ? null : host.strip();
        port = port == null ? 2775 : port;
        systemId = systemId == null ? "recoup" : systemId;
        password = password == null ? "" : password;
        systemType = systemType == null ? "" : systemType;
        sourceAddress = sourceAddress == null ? "Recoup" : sourceAddress;
        boolean numeric = sourceAddress.matches("\\+?[0-9]+");
        sourceTon = sourceTon == null ? (numeric ? 0 : 5) : sourceTon;
        sourceNpi = sourceNpi == null ? (numeric ? 1 : 0) : sourceNpi;
        destinationTon = destinationTon == null ? 0 : destinationTon;
        destinationNpi = destinationNpi == null ? 1 : destinationNpi;
        deliveryReceipts = deliveryReceipts == null || deliveryReceipts;
        longMessages = longMessages == null ? LongMessages.UDH : longMessages;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        bindTimeout = bindTimeout == null ? Duration.ofSeconds(10) : bindTimeout;
        enquireLink = enquireLink == null ? Duration.ofSeconds(30) : enquireLink;
    }

    public boolean configured() {
        return host != null;
    }
}
