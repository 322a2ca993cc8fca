package dev.recoup.shared;

/** Bad input from a user: names the field and the value, says why. Rendered as HTTP 400. */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String value;

    public InvalidInputException(String field, String value, String reason) {
        super(reason);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
