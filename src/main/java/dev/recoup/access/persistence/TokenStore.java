package dev.recoup.access.persistence;

import dev.recoup.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Personal API tokens (table api_token): only their SHA-256 is stored. */
@Repository
public class TokenStore {

    public record TokenRow(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** A live token's owner, as it is now: the token acts with the owner's roles. */
    public record Owner(long tokenId, String username, Set<Role> roles, boolean enabled, Instant lockedUntil, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long userId, String name, byte[] hash, String prefix, Instant now, Instant expiresAt) {
        return jdbc.sql("insert into api_token (user_id, name, token_hash, token_prefix, created_at, expires_at) values (?, ?, ?, ?, ?, ?) returning id")
                .params(userId, name, hash, prefix, Timestamp.from(now), expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    public List<TokenRow> ofUser(long userId) {
        return jdbc.sql("""
                        select id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at from api_token
                        where user_id = ? order by revoked_at is not null, id desc""")
                .param(userId)
                .query((rs, n) -> new TokenRow(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
                .list();
    }

    /** Revokes the user's token; returns its hash (to forget it in caches), empty when there was no such live token. */
    public Optional<byte[]> revoke(long userId, long tokenId, Instant now) {
        return jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null returning token_hash")
                .params(Timestamp.from(now), tokenId, userId).query(byte[].class).optional();
    }

    public Optional<Owner> owner(byte[] hash) {
        return jdbc.sql("""
                        select t.id, u.username, u.roles, u.enabled, u.locked_until, t.expires_at
                        from api_token t join app_user u on u.id = t.user_id
                        where t.token_hash = ? and t.revoked_at is null""")
                .param(hash)
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2), roles(rs.getArray(3)), rs.getBoolean(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .optional();
    }

    public void used(long tokenId, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ?").params(Timestamp.from(now), tokenId).update();
    }

    private static Set<Role> roles(Array array) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
