package dev.recoup.access;

import dev.recoup.access.persistence.TokenStore;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Personal API tokens for scripts: {@code Authorization: Bearer rcp_…} on /api/**, acting with the
 * owner's roles and scopes. A token is random (256 bits), shown once, stored as its SHA-256 (a fast hash
 * is enough for a random secret, so the check costs microseconds, not BCrypt's tens of milliseconds).
 * Lookups are remembered like password checks (see platform's CachingAuthenticationProvider) and forgotten
 * when the token is revoked or its owner changes.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "rcp_";
    private static final int MAX_CACHED = 10_000;

    /** A token as its owner sees it in the list (never the token itself). */
    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** A new token: {@code token} is shown to its owner this once. */
    public record CreatedToken(long id, String name, String token, Instant expiresAt) {
    }

    private record Cached(String username, Authentication authentication, long until) {
    }

    private final TokenStore tokens;
    private final BusinessClock clock;
    private final AccessProperties properties;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    ApiTokens(TokenStore tokens, BusinessClock clock, AccessProperties properties, AuditLog audit) {
        this.tokens = tokens;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
    }

    @Transactional
    public CreatedToken create(Viewer owner, String name, Integer validDays) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", name, "a token needs a name of at most 100 characters (what the script is)");
        }
        if (validDays != null && (validDays < 1 || validDays > 3650)) {
            throw new InvalidInputException("validDays", String.valueOf(validDays), "between 1 and 3650 days, or none for no expiry");
        }
        long userId = userIdOf(owner);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.now();
        Instant expires = validDays == null ? null : now.plus(java.time.Duration.ofDays(validDays));
        long id = tokens.insert(userId, name.strip(), sha256(token), token.substring(0, 8), now, expires);
        audit.record(owner, "TOKEN_CREATED", "api_token", String.valueOf(id), name.strip());
        return new CreatedToken(id, name.strip(), token, expires);
    }

    public List<TokenView> of(Viewer owner) {
        return owner.userId() <= 0 ? List.of() : tokens.ofUser(owner.userId()).stream()
                .map(t -> new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt())).toList();
    }

    /** The signed-in user's row id (the viewer was read from app_user); 0 means no such user. */
    private static long userIdOf(Viewer owner) {
        if (owner.userId() <= 0) {
            throw new NotFoundException("user", owner.username());
        }
        return owner.userId();
    }

    @Transactional
    public void revoke(Viewer owner, long tokenId) {
        byte[] hash = tokens.revoke(userIdOf(owner), tokenId, clock.now()).orElseThrow(() -> new NotFoundException("token", tokenId));
        cache.remove(HexFormat.of().formatHex(hash));
        audit.record(owner, "TOKEN_REVOKED", "api_token", String.valueOf(tokenId), null);
    }

    /** The authentication a bearer token stands for, or null when it is unknown, revoked, expired or its owner may not log in. */
    public Authentication authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return null;
        }
        byte[] hash = sha256(token);
        String key = HexFormat.of().formatHex(hash);
        Instant at = clock.now();
        long now = at.toEpochMilli();
        Cached hit = cache.get(key);
        if (hit != null && hit.until() > now) {
            return hit.authentication();
        }
        var owner = tokens.owner(hash).orElse(null);
        if (owner == null || !owner.enabled() || (owner.lockedUntil() != null && owner.lockedUntil().isAfter(at))
                || (owner.expiresAt() != null && !owner.expiresAt().isAfter(at))) {
            cache.remove(key);
            return null;
        }
        tokens.used(owner.tokenId(), at);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(owner.username(), null,
                owner.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        long until = now + properties.passwordCacheTtl().toMillis();
        if (owner.expiresAt() != null) {
            until = Math.min(until, owner.expiresAt().toEpochMilli());
        }
        cache.put(key, new Cached(owner.username(), auth, until));
        return auth;
    }

    /** A disabled, locked or re-roled user's tokens are looked up afresh. */
    @EventListener
    void on(UserChanged changed) {
        cache.values().removeIf(c -> c.username().equals(changed.username()));
    }

    /**
     * The filter for the API's security chain (put it before HTTP basic): a request with
     * {@code Authorization: Bearer …} is authenticated by the token, or answered 401 when the token is not good.
     * Deliberately not a bean, so it is not also registered as a servlet filter for every request.
     */
    public Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String header = request.getHeader("Authorization");
                if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    chain.doFilter(request, response);
                    return;
                }
                Authentication auth = authenticate(header.substring(7).strip());
                if (auth == null) {
                    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Unknown, revoked or expired API token");
                    return;
                }
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(auth);
                SecurityContextHolder.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
        };
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
