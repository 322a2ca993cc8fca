package dev.recoup.shared;

import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON request body field by field, so that a value of the wrong type is reported like any
 * other bad value: with its field and the value given (RFC 9457, 400). Shared by the API controllers
 * that read bodies with optional and typed fields.
 */
public final class RequestFields {

    private final JsonNode body;

    public RequestFields(JsonNode body) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new InvalidInputException("body", shown(body), "the request body must be a JSON object");
        }
        this.body = body;
    }

    private JsonNode node(String field) {
        JsonNode node = body == null ? null : body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    public String text(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidInputException(field, shown(node), field + " must be a text");
        }
        return node.asString();
    }

    /** A whole number, or null when absent. */
    public Integer integer(String field) {
        return node(field) == null ? null : integer(field, 0);
    }

    /** A whole number; {@code orElse} when absent, required (400) when {@code orElse} is null. */
    public int integer(String field, Integer orElse) {
        JsonNode node = node(field);
        if (node == null) {
            if (orElse == null) {
                throw new InvalidInputException(field, null, field + " is required");
            }
            return orElse;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInputException(field, shown(node), field + " must be a whole number");
        }
        return node.intValue();
    }

    /** A whole number (fen for amounts), or null when absent. */
    public Long whole(String field) {
        return node(field) == null ? null : whole(field, 0L);
    }

    /** A whole number (fen for amounts); {@code orElse} when absent, required (400) when {@code orElse} is null. */
    public long whole(String field, Long orElse) {
        JsonNode node = node(field);
        if (node == null) {
            if (orElse == null) {
                throw new InvalidInputException(field, null, field + " is required");
            }
            return orElse;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidInputException(field, shown(node), field + " must be a whole number (fen for amounts)");
        }
        return node.longValue();
    }

    public boolean bool(String field, boolean orElse) {
        JsonNode node = node(field);
        if (node == null) {
            return orElse;
        }
        if (!node.isBoolean()) {
            throw new InvalidInputException(field, shown(node), field + " must be true or false");
        }
        return node.booleanValue();
    }

    public LocalDate date(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, text, field + " must be a date as YYYY-MM-DD, e.g. 2026-11-22");
        }
    }

    public List<String> texts(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(field, shown(node), field + " must be a list of texts, e.g. [\"a\", \"b\"]");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw new InvalidInputException(field, shown(item), field + " must be a list of texts");
            }
            values.add(item.asString());
        }
        return values;
    }

    /** The value as the caller wrote it: a text without its JSON quotes, anything else as JSON. */
    private static String shown(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, text, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
