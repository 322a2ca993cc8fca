package dev.recoup.access;

/**
 * A user's login-relevant data changed (disabled, roles, password, locked) or one of its API tokens was
 * revoked: whatever remembers successful logins must forget this user's.
 */
public record UserChanged(String username) {
}
