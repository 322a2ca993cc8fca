package dev.recoup.documents.persistence;

import dev.recoup.casework.CaseQueries;
import dev.recoup.contact.domain.WordingLexicon;
import dev.recoup.documents.CaseDocument;
import dev.recoup.documents.Documents;
import dev.recoup.documents.domain.ComposedDocument;
import dev.recoup.documents.domain.DocumentVariable;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.MinorUnits;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Generating documents for a case (R19): the current template version of the kind, filled with the
 * case's own facts (customer, accounts, overdue and outstanding amounts from the latest daily run,
 * today's date, the lender) and the caller's values, printed to PDF and stored with the case with
 * its SHA-256, in the caller's transaction.
 */
@Service
public class DocumentService implements Documents {

    private static final int MAX_VALUE = 4000;

    private final JdbcClient jdbc;
    private final DocumentTemplates templates;
    private final DocumentPrinter printer;
    private final CaseQueries cases;
    private final DocumentProperties properties;
    private final BusinessClock clock;
    private final ObjectMapper json;

    DocumentService(JdbcClient jdbc, DocumentTemplates templates, DocumentPrinter printer, CaseQueries cases, DocumentProperties properties,
                    BusinessClock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.printer = printer;
        this.cases = cases;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    @Override
    @Transactional
    public StoredDocument generate(DocumentRequest request) {
        if (request == null || request.kind() == null) {
            throw new InvalidInputException("kind", null, "kind is required: " + List.of(Kind.values()));
        }
        String language = language(request.language());
        if (request.requestedBy() == null || request.requestedBy().isBlank()) {
            throw new InvalidInputException("requestedBy", null, "who asks for the document is required");
        }
        Map<DocumentVariable, String> values = fromCase(request.caseId(), language);
        values.putAll(given(request.variables(), language));
        DocumentTemplates.Version template = templates.current(request.kind());
        ComposedDocument composed = ComposedDocument.compose(template.in(language), values);
        String unprintable = printer.unprintable(composed.allText());
        if (!unprintable.isEmpty()) {
            throw new InvalidInputException("variables", unprintable,
                    "the document has characters the letter font cannot print: " + unprintable + " (字体无法打印这些字符)");
        }
        String reference = ("zh-CN".equals(language) ? "文书" : "Document") + " " + request.kind() + " · "
                + ("zh-CN".equals(language) ? "案件" : "case") + " " + request.caseId() + " · "
                + ("zh-CN".equals(language) ? "模板版本" : "template version") + " " + template.version() + " · " + clock.today();
        byte[] pdf = printer.print(composed, properties.lenderName(), reference);
        String sha256 = sha256(pdf);
        Map<String, String> recorded = new LinkedHashMap<>();
        values.forEach((variable, value) -> recorded.put(variable.variableName(), value));
        long id = jdbc.sql("""
                        insert into case_document (case_id, kind, template_version_id, template_version, language, title, variables, content, sha256,
                                                   size_bytes, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) returning id""")
                .params(request.caseId(), request.kind().name(), template.id(), template.version(), language, composed.title(),
                        json.writeValueAsString(recorded), pdf, sha256, pdf.length, request.requestedBy().strip(), now())
                .query(Long.class).single();
        return new StoredDocument(id, request.kind(), request.caseId(), template.version(), sha256, pdf.length);
    }

    public List<CaseDocument> list(long caseId) {
        return jdbc.sql(SELECT + " where d.case_id = ? order by d.id desc").param(caseId).query(mapper()).list();
    }

    public CaseDocument find(long documentId) {
        return jdbc.sql(SELECT + " where d.id = ?").param(documentId).query(mapper()).optional()
                .orElseThrow(() -> new NotFoundException("document", documentId));
    }

    /** The PDF as it was generated. */
    public byte[] content(long documentId) {
        return jdbc.sql("select content from case_document where id = ?").param(documentId).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("document", documentId));
    }

    /** The signed PDF (the original with its signature page), if signed. */
    public Optional<byte[]> signedContent(long documentId) {
        return jdbc.sql("select content from document_signature where document_id = ?").param(documentId).query(byte[].class).optional();
    }

    private static final String SELECT = """
            select d.id, d.case_id, d.kind, d.template_version, d.language, d.title, d.variables::text as variables, d.sha256, d.size_bytes, d.status,
                   d.created_by, d.created_at, s.signer_name, s.signer_ip, s.user_agent, s.signed_at, s.original_sha256, s.sha256 as signed_sha256,
                   s.size_bytes as signed_size, s.link_id
            from case_document d left join document_signature s on s.document_id = d.id""";

    private RowMapper<CaseDocument> mapper() {
        return (rs, n) -> new CaseDocument(rs.getLong("id"), rs.getLong("case_id"), Kind.valueOf(rs.getString("kind")), rs.getInt("template_version"),
                rs.getString("language"), rs.getString("title"), json.readValue(rs.getString("variables"), new TypeReference<LinkedHashMap<String, String>>() {
        }), rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("status"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("signer_name") == null ? null : new CaseDocument.Signature(rs.getString("signer_name"), rs.getString("signer_ip"),
                        rs.getString("user_agent"), rs.getObject("signed_at", OffsetDateTime.class), rs.getString("original_sha256"),
                        rs.getString("signed_sha256"), rs.getLong("signed_size"), rs.getLong("link_id")));
    }

    static String language(String language) {
        if (language == null || language.isBlank()) {
            return "zh-CN";
        }
        return switch (language.strip()) {
            case "zh-CN", "zh", "zh_CN" -> "zh-CN";
            case "en" -> "en";
            default -> throw new InvalidInputException("language", language, "language must be zh-CN or en");
        };
    }

    /** What the case itself says: the customer, the accounts, the amounts of the latest daily run, today, the lender. */
    private Map<DocumentVariable, String> fromCase(long caseId, String language) {
        Map<String, Object> detail = cases.caseDetail(caseId);
        Map<DocumentVariable, String> values = new EnumMap<>(DocumentVariable.class);
        values.put(DocumentVariable.CUSTOMER_NAME, String.valueOf(detail.get("customer_name")));
        values.put(DocumentVariable.CASE_ID, String.valueOf(caseId));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> accounts = (List<Map<String, Object>>) detail.getOrDefault("accounts", List.of());
        values.put(DocumentVariable.ACCOUNT_REFS, accounts.stream().map(a -> String.valueOf(a.get("account_id"))).collect(Collectors.joining(", ")));
        values.put(DocumentVariable.DATE, date(clock.today(), language));
        values.put(DocumentVariable.LENDER_NAME, properties.lenderName());
        values.put(DocumentVariable.CONTACT_NUMBER, properties.contactNumber());
        if (detail.get("status_now") instanceof Map<?, ?> status) {
            if (status.get("overdue_total") instanceof Number overdue) {
                values.put(DocumentVariable.OVERDUE_AMOUNT, money(overdue.longValue(), language));
            }
            if (status.get("outstanding") instanceof Number outstanding) {
                values.put(DocumentVariable.OUTSTANDING_AMOUNT, money(outstanding.longValue(), language));
            }
        }
        return values;
    }

    /** The caller's values: known names, money also as nameFen; each free of forbidden wording. */
    private Map<DocumentVariable, String> given(Map<String, String> variables, String language) {
        Map<DocumentVariable, String> values = new EnumMap<>(DocumentVariable.class);
        if (variables == null) {
            return values;
        }
        variables.forEach((name, value) -> {
            String field = "variables." + name;
            if (value == null) {
                return;
            }
            if (value.length() > MAX_VALUE) {
                throw new InvalidInputException(field, value.substring(0, 40) + "…", "a value is at most " + MAX_VALUE + " characters");
            }
            DocumentVariable variable;
            String text;
            if (name != null && name.endsWith("Fen") && DocumentVariable.named(name.substring(0, name.length() - 3))
                    .filter(v -> v.type() == DocumentVariable.Type.MONEY).isPresent()) {
                variable = DocumentVariable.named(name.substring(0, name.length() - 3)).orElseThrow();
                try {
                    text = money(Long.parseLong(value.strip()), language);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(field, value, name + " is an amount in fen (a whole number)");
                }
            } else {
                variable = DocumentVariable.named(name).orElseThrow(() -> new InvalidInputException(field, value,
                        "unknown variable " + name + "; known: " + java.util.Arrays.stream(DocumentVariable.values())
                                .map(DocumentVariable::variableName).toList()));
                text = value.strip();
            }
            List<WordingLexicon.Hit> hits = templates.checker().forbiddenIn(text);
            if (!hits.isEmpty()) {
                WordingLexicon.Hit hit = hits.getFirst();
                throw new InvalidInputException(field, text, "forbidden wording (" + hit.category().en() + "): \"" + hit.passage() + "\" (禁用措辞："
                        + hit.category().zh() + ")");
            }
            values.put(variable, text);
        });
        return values;
    }

    static String money(long fen, String language) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String amount = format.format(new java.math.BigDecimal(MinorUnits.format(fen, 2)));
        return "zh-CN".equals(language) ? amount + "元" : "CNY " + amount;
    }

    static String date(LocalDate date, String language) {
        return "zh-CN".equals(language) ? date.format(DateTimeFormatter.ofPattern("yyyy年M月d日"))
                : date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }

    private OffsetDateTime now() {
        return clock.now().atOffset(ZoneOffset.UTC);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
