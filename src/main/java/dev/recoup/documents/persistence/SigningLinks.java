package dev.recoup.documents.persistence;

import dev.recoup.documents.CaseDocument;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-time signing links (R19): a random 256-bit token given to the customer (only its SHA-256 is
 * stored), valid until it expires and for one signature. Signing records the typed name, the IP
 * address and the time, the original's SHA-256, and the signed PDF — the original with a signature
 * page appended — with its own SHA-256.
 */
@Service
public class SigningLinks {

    private static final int MAX_NAME = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new link; {@code token} is shown once and never stored. */
    public record NewLink(long linkId, long documentId, String token, OffsetDateTime expiresAt) {
    }

    /** Why a link no longer works. */
    public enum Dead { UNKNOWN, EXPIRED, USED, ALREADY_SIGNED }

    /** A link that does not work (any more): 404 for unknown, 410 otherwise. */
    public static class LinkNotUsableException extends RuntimeException {
        private final Dead why;

        public LinkNotUsableException(Dead why) {
            super(switch (why) {
                case UNKNOWN -> "no such signing link";
                case EXPIRED -> "this signing link has expired";
                case USED -> "this signing link has already been used";
                case ALREADY_SIGNED -> "this document has already been signed";
            });
            this.why = why;
        }

        public Dead why() {
            return why;
        }
    }

    /** The document behind a working link. */
    public record OpenLink(long linkId, CaseDocument document, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final DocumentService documents;
    private final DocumentPrinter printer;
    private final DocumentProperties properties;
    private final BusinessClock clock;

    SigningLinks(JdbcClient jdbc, DocumentService documents, DocumentPrinter printer, DocumentProperties properties, BusinessClock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.printer = printer;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public NewLink create(long documentId, String user) {
        CaseDocument document = documents.find(documentId);
        if (!"GENERATED".equals(document.status())) {
            throw new ConflictException("Document " + documentId + " is already signed");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime expires = clock.now().plus(properties.signingLinkValidity()).atOffset(ZoneOffset.UTC);
        long id = jdbc.sql("""
                        insert into document_signing_link (document_id, token_sha256, expires_at, created_by, created_at) values (?, ?, ?, ?, ?)
                        returning id""")
                .params(documentId, hash(token), expires, user, now()).query(Long.class).single();
        return new NewLink(id, documentId, token, expires);
    }

    /** The document behind a link, if the link still works; opening it uses nothing up. */
    public OpenLink open(String token) {
        return usable(token, false);
    }

    public byte[] content(String token) {
        return documents.content(open(token).document().id());
    }

    /**
     * Signs the document of a working link and uses the link up. Two signings with the same link at
     * once: the row lock lets one through; the other finds it used.
     */
    @Transactional
    public CaseDocument sign(String token, String typedName, String ip, String userAgent) {
        String name = typedName == null ? "" : typedName.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("signerName", typedName, "type your full name to sign (请输入您的姓名以签署)");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("signerName", name, "a name is at most " + MAX_NAME + " characters");
        }
        String unprintable = printer.unprintable(name);
        if (!unprintable.isEmpty()) {
            throw new InvalidInputException("signerName", name, "characters that cannot be printed on the signature page: " + unprintable);
        }
        OpenLink link = usable(token, true);
        CaseDocument document = link.document();
        byte[] original = documents.content(document.id());
        String originalHash = DocumentService.sha256(original);
        if (!originalHash.equals(document.sha256())) {
            throw new IllegalStateException("document " + document.id() + " does not match its recorded SHA-256");
        }
        Instant at = clock.now();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", document.title());
        page.put("documentId", document.id());
        page.put("caseId", document.caseId());
        page.put("signerName", name);
        page.put("signedAt", at.atZone(clock.zone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'")));
        page.put("signerIp", ip);
        page.put("originalSha256", originalHash);
        page.put("linkId", link.linkId());
        byte[] signed = printer.withSignaturePage(original, page);
        jdbc.sql("update document_signing_link set used_at = ? where id = ?").params(at.atOffset(ZoneOffset.UTC), link.linkId()).update();
        jdbc.sql("""
                        insert into document_signature (document_id, link_id, signer_name, signer_ip, user_agent, signed_at, original_sha256, content,
                                                        sha256, size_bytes)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(document.id(), link.linkId(), name, ip == null ? "" : ip, userAgent == null ? null : truncate(userAgent, 500),
                        at.atOffset(ZoneOffset.UTC), originalHash, signed, DocumentService.sha256(signed), signed.length)
                .update();
        jdbc.sql("update case_document set status = 'SIGNED' where id = ?").param(document.id()).update();
        return documents.find(document.id());
    }

    private OpenLink usable(String token, boolean lock) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new LinkNotUsableException(Dead.UNKNOWN);
        }
        record Row(long id, long documentId, OffsetDateTime expiresAt, OffsetDateTime usedAt) {
        }
        Row row = jdbc.sql("select id, document_id, expires_at, used_at from document_signing_link where token_sha256 = ?" + (lock ? " for update" : ""))
                .param(hash(token))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)))
                .optional().orElseThrow(() -> new LinkNotUsableException(Dead.UNKNOWN));
        if (row.usedAt() != null) {
            throw new LinkNotUsableException(Dead.USED);
        }
        if (!clock.now().isBefore(row.expiresAt().toInstant())) {
            throw new LinkNotUsableException(Dead.EXPIRED);
        }
        CaseDocument document;
        try {
            document = documents.find(row.documentId());
        } catch (NotFoundException e) {
            throw new LinkNotUsableException(Dead.UNKNOWN);
        }
        if (!"GENERATED".equals(document.status())) {
            throw new LinkNotUsableException(Dead.ALREADY_SIGNED);
        }
        return new OpenLink(row.id(), document, row.expiresAt());
    }

    private static String hash(String token) {
        return DocumentService.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private OffsetDateTime now() {
        return clock.now().atOffset(ZoneOffset.UTC);
    }
}
