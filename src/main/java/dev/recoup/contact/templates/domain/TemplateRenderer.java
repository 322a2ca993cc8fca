package dev.recoup.contact.templates.domain;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.WordingLexicon;
import dev.recoup.shared.InvalidInputException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills a template's variables and adds the opt-out line the pack demands. The filled text is
 * checked against the lexicon once more: a value (a payment instruction, a name) cannot smuggle in
 * what the template itself may not say.
 */
public final class TemplateRenderer {

    private final WordingLexicon lexicon;

    public TemplateRenderer(WordingLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * @param values by variable name ({@code overdueAmount} → "1,234.56元"); every variable the text uses needs one
     * @throws InvalidInputException naming the first missing variable, or a forbidden word a value brought in
     */
    public RenderedMessage render(TemplateKind kind, Channel channel, TemplateContent content, Language language, Map<String, String> values,
                                  String packId) {
        Map<TemplateVariable, String> byVariable = new EnumMap<>(TemplateVariable.class);
        if (values != null) {
            values.forEach((name, value) -> {
                TemplateVariable variable = TemplateVariable.named(name == null ? "" : name.strip())
                        .orElseThrow(() -> new InvalidInputException("variables." + name, value, "unknown variable " + name));
                if (value != null && !value.isBlank()) {
                    byVariable.put(variable, value.strip());
                }
            });
        }
        TemplateText subject = content.subject() == null ? null : TemplateText.parse(content.subject());
        TemplateText body = TemplateText.parse(content.body());
        for (TemplateText text : subject == null ? List.of(body) : List.of(subject, body)) {
            Set<TemplateVariable> missing = text.missing(byVariable);
            if (!missing.isEmpty()) {
                TemplateVariable first = missing.iterator().next();
                throw new InvalidInputException("variables." + first.variableName(), null,
                        "the template uses " + first.placeholder() + " (" + first.en() + "): give it a value");
            }
        }
        String filledSubject = subject == null ? null : subject.fill(byVariable);
        String filledBody = body.fill(byVariable);
        boolean thirdParty = kind.audience() == Audience.THIRD_PARTY;
        for (String text : filledSubject == null ? List.of(filledBody) : List.of(filledSubject, filledBody)) {
            for (WordingLexicon.Hit hit : lexicon.scan(text)) {
                if (hit.category() != WordingLexicon.Category.DEBT_DISCLOSURE || thirdParty) {
                    throw new InvalidInputException("variables", hit.passage(),
                            "the filled message contains forbidden wording (" + hit.category().en() + "): \"" + hit.passage() + "\"");
                }
            }
        }
        String notice = packId == null ? null : OptOutNotice.of(packId, channel, language);
        if (notice == null || endsWithNotice(filledBody, notice)) {
            return new RenderedMessage(filledSubject, filledBody, null);
        }
        return new RenderedMessage(filledSubject, append(filledBody, notice, channel, language), notice);
    }

    private static boolean endsWithNotice(String body, String notice) {
        return body.replaceAll("\\s+", "").endsWith(notice.replaceAll("\\s+", ""));
    }

    private static String append(String body, String notice, Channel channel, Language language) {
        if (channel == Channel.EMAIL) {
            return body + "\n\n" + notice;
        }
        // SMS: Chinese runs on without a space ("…请按时还款。回T退订"); English gets one.
        return language == Language.ZH_CN ? body + notice : body + " " + notice;
    }

    /** Sample values for a preview in {@code language}, overridden by the given ones. */
    public static Map<String, String> samples(Language language, Map<String, String> given) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (TemplateVariable variable : TemplateVariable.values()) {
            values.put(variable.variableName(), variable.sample(language));
        }
        if (given != null) {
            values.putAll(given);
        }
        return values;
    }
}
