package dev.recoup.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful password checks for a few minutes. The API is stateless HTTP basic, so every
 * request carries the password, and checking it against its BCrypt hash costs tens of milliseconds
 * of CPU — more than the work of most requests (a contact decision takes well under one). A cache
 * hit compares a salted SHA-256 of the password with the one that passed BCrypt, in constant time;
 * failures are never cached, so a wrong password always meets BCrypt.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private record Passed(byte[] digest, Authentication result, long until) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final long ttlMillis;
    private final Clock clock;
    private final byte[] salt = new byte[16];
    private final ConcurrentHashMap<String, Passed> passed = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, java.time.Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (name == null || !(credentials instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        byte[] digest = digest(name, password);
        long now = clock.millis();
        Passed hit = passed.get(name);
        if (hit != null && hit.until() > now && MessageDigest.isEqual(hit.digest(), digest)) {
            return hit.result();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (passed.size() >= MAX_ENTRIES) {
                passed.clear();
            }
            passed.put(name, new Passed(digest, result, now + ttlMillis));
        }
        return result;
    }

    /** Forgets the user's remembered logins: they were disabled, locked, given other roles or a new password. */
    @org.springframework.context.event.EventListener
    void on(dev.recoup.access.UserChanged changed) {
        passed.remove(changed.username());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication) && delegate.supports(authentication);
    }

    private byte[] digest(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
