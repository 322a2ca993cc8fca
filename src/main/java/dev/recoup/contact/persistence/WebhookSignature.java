package dev.recoup.contact.persistence;

import dev.recoup.shared.BusinessClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks the dialer's webhook signature: {@code X-Recoup-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>" with the shared secret>} and {@code X-Recoup-Timestamp: <unix seconds>},
 * which must be within the replay window of now. The timestamp is inside the signed text, so an
 * old message cannot be replayed with a fresh timestamp; a message replayed within the window
 * changes nothing (results are idempotent by the dialer's call id).
 */
@Component
public class WebhookSignature {

    public enum Verdict { VALID, MISSING, MALFORMED, STALE, BAD_SIGNATURE }

    private final byte[] secret;
    private final Duration window;
    private final BusinessClock clock;

    WebhookSignature(@Value("${recoup.contact.dialer.webhook-secret}") String secret,
                     @Value("${recoup.contact.dialer.replay-window:PT5M}") Duration window, BusinessClock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.window = window;
        this.clock = clock;
    }

    public Verdict check(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(clock.now().getEpochSecond() - timestamp) > window.getSeconds()) {
            return Verdict.STALE;
        }
        String given = signatureHeader.strip();
        if (!given.startsWith("sha256=")) {
            return Verdict.MALFORMED;
        }
        byte[] expected = sign(secret, timestamp, body);
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(given.substring("sha256=".length()));
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED;
        }
        return MessageDigest.isEqual(expected, actual) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** The signature of {@code body} sent at {@code timestamp} (what the dialer computes; tests and the load client use it too). */
    public static byte[] sign(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static String header(byte[] secret, long timestamp, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(sign(secret, timestamp, body));
    }
}
