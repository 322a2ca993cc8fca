package dev.recoup.shared;

/** A thing asked for by its id does not exist. Rendered as HTTP 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super("No " + kind + " with id '" + id + "'");
    }
}
