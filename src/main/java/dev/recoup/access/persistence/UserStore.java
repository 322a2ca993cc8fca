package dev.recoup.access.persistence;

import dev.recoup.access.Role;
import dev.recoup.access.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users (table app_user) and how they resolve to allocation's agent, agency and teams. */
@Repository
public class UserStore {

    /** A user as stored; {@code passwordHash} in DelegatingPasswordEncoder format. */
    public record StoredUser(long id, String username, String displayName, String passwordHash, Set<Role> roles, String agentRef,
                             String agencyRef, List<String> teamCodes, boolean enabled, boolean demo, int failedLogins,
                             Instant lockedUntil, Instant createdAt, Instant updatedAt) {
    }

    private static final String COLUMNS = """
            id, username, display_name, password_hash, roles, agent_ref, agency_ref, team_codes, enabled, demo,
            failed_logins, locked_until, created_at, updated_at""";

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredUser> byUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ?").param(username).query(UserStore::user).optional();
    }

    public Optional<StoredUser> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id).query(UserStore::user).optional();
    }

    public List<StoredUser> all() {
        return jdbc.sql("select " + COLUMNS + " from app_user order by username").query(UserStore::user).list();
    }

    /** The user's scope: ids of the agent, agency and led teams its refs name today (null / empty when none). */
    public Optional<Viewer> viewer(String username, Set<Role> roles) {
        return jdbc.sql("""
                        select u.id, u.username, a.id as agent_id, g.id as agency_id,
                               array(select t.id from team t where t.code = any (u.team_codes)) as team_ids
                        from app_user u
                        left join agent a on a.agent_ref = u.agent_ref
                        left join agency g on g.agency_ref = u.agency_ref
                        where u.username = ?""")
                .param(username)
                .query((rs, n) -> new Viewer(rs.getLong("id"), rs.getString("username"), roles, (Long) rs.getObject("agent_id"),
                        (Long) rs.getObject("agency_id"), longs(rs.getArray("team_ids"))))
                .optional();
    }

    public long insert(String username, String displayName, String passwordHash, Set<Role> roles, String agentRef, String agencyRef,
                       List<String> teamCodes, boolean demo, Instant now) {
        return jdbc.sql("""
                        insert into app_user (username, display_name, password_hash, roles, agent_ref, agency_ref, team_codes, demo,
                                              created_at, updated_at)
                        values (?, ?, ?, ?::text[], ?, ?, ?::text[], ?, ?, ?) returning id""")
                .params(username, displayName == null ? "" : displayName, passwordHash, textArray(roles.stream().map(Role::name).toList()),
                        agentRef, agencyRef, textArray(teamCodes), demo, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    public void update(long id, String displayName, Set<Role> roles, String agentRef, String agencyRef, List<String> teamCodes, Instant now) {
        jdbc.sql("""
                        update app_user set display_name = ?, roles = ?::text[], agent_ref = ?, agency_ref = ?, team_codes = ?::text[],
                                            updated_at = ?
                        where id = ?""")
                .params(displayName == null ? "" : displayName, textArray(roles.stream().map(Role::name).toList()), agentRef, agencyRef,
                        textArray(teamCodes), Timestamp.from(now), id)
                .update();
    }

    public void setPassword(long id, String passwordHash, Instant now) {
        jdbc.sql("update app_user set password_hash = ?, failed_logins = 0, locked_until = null, updated_at = ? where id = ?")
                .params(passwordHash, Timestamp.from(now), id).update();
    }

    public void setEnabled(long id, boolean enabled, Instant now) {
        jdbc.sql("update app_user set enabled = ?, failed_logins = 0, locked_until = null, updated_at = ? where id = ?")
                .params(enabled, Timestamp.from(now), id).update();
    }

    /**
     * One more failed login; at {@code maxFailures} in a row the user is locked until {@code lockUntil}
     * and the count starts again. Returns whether this failure locked the user.
     */
    public boolean recordFailure(String username, int maxFailures, Instant lockUntil) {
        return jdbc.sql("""
                        update app_user set
                            failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end,
                            locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
                        where username = ?
                        returning locked_until = ?""")
                .params(maxFailures, maxFailures, Timestamp.from(lockUntil), username, Timestamp.from(lockUntil))
                .query(Boolean.class).optional().orElse(false);
    }

    /** A successful login forgets earlier failures (one cheap update only when there were any). */
    public void recordSuccess(String username) {
        jdbc.sql("update app_user set failed_logins = 0 where username = ? and failed_logins > 0").param(username).update();
    }

    static String textArray(List<String> values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }

    private static StoredUser user(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : strings(rs.getArray("roles"))) {
            roles.add(Role.valueOf(r));
        }
        return new StoredUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                roles, rs.getString("agent_ref"), rs.getString("agency_ref"), strings(rs.getArray("team_codes")), rs.getBoolean("enabled"),
                rs.getBoolean("demo"), rs.getInt("failed_logins"), locked == null ? null : locked.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Set<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<Long> ids = new HashSet<>();
        for (Long id : (Long[]) array.getArray()) {
            ids.add(id);
        }
        return ids;
    }
}
