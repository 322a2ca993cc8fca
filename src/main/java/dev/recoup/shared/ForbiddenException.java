package dev.recoup.shared;

/** The user is logged in but may not do or see this (a role it lacks, a case out of its scope). HTTP 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
