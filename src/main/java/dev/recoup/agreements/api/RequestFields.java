package dev.recoup.agreements.api;

import dev.recoup.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON request body field by field, so that a value of the wrong type is reported like any
 * other bad value: with its field and the value given (RFC 9457, 400).
 */
final class RequestFields {

    private final JsonNode body;

    RequestFields(JsonNode body) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new InvalidInputException("body", shown(body), "the request body must be a JSON object");
        }
        this.body = body;
    }

    private JsonNode node(String field) {
        JsonNode node = body == null ? null : body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    String text(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidInputException(field, shown(node), field + " must be a text");
        }
        return node.asString();
    }

    Integer integer(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInputException(field, shown(node), field + " must be a whole number");
        }
        return node.intValue();
    }

    /** A whole number (fen for amounts), or null when absent. */
    Long whole(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidInputException(field, shown(node), field + " must be a whole number (fen for amounts)");
        }
        return node.longValue();
    }

    LocalDate date(String field) {
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

    List<String> texts(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(field, shown(node), field + " must be a list of texts, e.g. [\"ACC-1\"]");
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
}
