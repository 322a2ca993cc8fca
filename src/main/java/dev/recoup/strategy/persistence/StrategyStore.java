package dev.recoup.strategy.persistence;

import dev.recoup.strategy.Activation;
import dev.recoup.strategy.StrategyVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Strategies, their versions and activations; callers hold the transaction. */
@Component
public class StrategyStore {

    /** Serialises changes of the active version (activate, rollback, install). */
    private static final long ACTIVATION_LOCK = 7_301_010L;
    private static final String VERSION_COLUMNS = """
            v.id, s.code, s.name, v.version, v.status, v.created_by, v.created_at, v.activated_at, v.note, v.definition::text as definition""";

    private final JdbcClient jdbc;
    private final DefinitionJson json;

    public StrategyStore(JdbcClient jdbc, DefinitionJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record StrategyRow(long id, String code, String name, String createdBy, OffsetDateTime createdAt) {
    }

    public void lockActivations() {
        jdbc.sql("select pg_advisory_xact_lock(" + ACTIVATION_LOCK + ")").query().singleRow();
    }

    public boolean anyStrategy() {
        return jdbc.sql("select exists (select 1 from strategy)").query(Boolean.class).single();
    }

    public long createStrategy(String code, String name, String by, Instant at) {
        return jdbc.sql("insert into strategy (code, name, created_by, created_at) values (?, ?, ?, ?) returning id")
                .params(code, name, by, utc(at)).query(Long.class).single();
    }

    public List<StrategyRow> strategies() {
        return jdbc.sql("select id, code, name, created_by, created_at from strategy order by code").query(StrategyRow.class).list();
    }

    /** Locks the strategy's row, so two new versions of it get different numbers. */
    public Optional<StrategyRow> strategyForUpdate(String code) {
        return jdbc.sql("select id, code, name, created_by, created_at from strategy where code = ? for update").param(code)
                .query(StrategyRow.class).optional();
    }

    public Optional<StrategyRow> strategy(String code) {
        return jdbc.sql("select id, code, name, created_by, created_at from strategy where code = ?").param(code)
                .query(StrategyRow.class).optional();
    }

    public StrategyVersion insertVersion(long strategyId, String definitionJson, String by, Instant at, String note) {
        long id = jdbc.sql("""
                        insert into strategy_version (strategy_id, version, definition, status, created_by, created_at, note)
                        select ?, coalesce(max(version), 0) + 1, ?::jsonb, 'DRAFT', ?, ?, ? from strategy_version where strategy_id = ?
                        returning id""")
                .params(strategyId, definitionJson, by, utc(at), note, strategyId).query(Long.class).single();
        return version(id).orElseThrow();
    }

    public List<StrategyVersion> versions(long strategyId) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from strategy_version v join strategy s on s.id = v.strategy_id"
                + " where v.strategy_id = ? order by v.version desc").param(strategyId).query(this::mapVersion).list();
    }

    public Optional<StrategyVersion> version(long id) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from strategy_version v join strategy s on s.id = v.strategy_id where v.id = ?")
                .param(id).query(this::mapVersion).optional();
    }

    public Optional<StrategyVersion> version(String code, int version) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from strategy_version v join strategy s on s.id = v.strategy_id"
                + " where s.code = ? and v.version = ?").params(code, version).query(this::mapVersion).optional();
    }

    public Optional<StrategyVersion> active() {
        return jdbc.sql("select " + VERSION_COLUMNS + " from strategy_version v join strategy s on s.id = v.strategy_id"
                + " where v.status = 'ACTIVE'").query(this::mapVersion).optional();
    }

    /** Makes the version the one ACTIVE version (the one active before becomes RETIRED) and records it. */
    public Activation activate(long versionId, String kind, Long previousActivationId, String by, Instant at, String note) {
        jdbc.sql("update strategy_version set status = 'RETIRED' where status = 'ACTIVE' and id <> ?").param(versionId).update();
        jdbc.sql("update strategy_version set status = 'ACTIVE', activated_at = ? where id = ?").params(utc(at), versionId).update();
        long id = jdbc.sql("""
                        insert into strategy_activation (strategy_version_id, kind, previous_activation_id, activated_by, activated_at, note)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(versionId, kind, previousActivationId, by, utc(at), note).query(Long.class).single();
        return activation(id).orElseThrow();
    }

    /** The activation in force: the latest one. */
    public Optional<Activation> currentActivation() {
        return jdbc.sql(ACTIVATIONS + " order by a.id desc limit 1").query(Activation.class).optional();
    }

    public Optional<Activation> activation(long id) {
        return jdbc.sql(ACTIVATIONS + " where a.id = ?").param(id).query(Activation.class).optional();
    }

    public List<Activation> activations(int limit) {
        return jdbc.sql(ACTIVATIONS + " order by a.id desc limit ?").param(limit).query(Activation.class).list();
    }

    private static final String ACTIVATIONS = """
            select a.id, a.strategy_version_id, s.code as strategy_code, v.version, a.kind, a.previous_activation_id, a.activated_by,
                   a.activated_at, a.note
            from strategy_activation a join strategy_version v on v.id = a.strategy_version_id join strategy s on s.id = v.strategy_id""";

    private StrategyVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new StrategyVersion(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("version"), rs.getString("status"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("activated_at", OffsetDateTime.class),
                rs.getString("note"), json.read(rs.getString("definition")));
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
