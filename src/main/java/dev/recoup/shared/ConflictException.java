package dev.recoup.shared;

/** The request is valid but clashes with the current state (a run in progress, say). HTTP 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
