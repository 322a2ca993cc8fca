package dev.recoup.strategy.persistence;

import dev.recoup.strategy.domain.StrategyDefinition;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/** A strategy definition as JSON: stored per version (jsonb) and shown in the editor. */
@Component
public class DefinitionJson {

    private final ObjectMapper json;

    public DefinitionJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(StrategyDefinition definition) {
        return json.writeValueAsString(definition);
    }

    /** Indented, fields in the record's order (jsonb keeps its own key order), for people. */
    public String pretty(StrategyDefinition definition) {
        return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(definition);
    }

    /** @throws tools.jackson.core.JacksonException when the text is not a definition */
    public StrategyDefinition read(String text) {
        return json.readValue(text, StrategyDefinition.class);
    }
}
