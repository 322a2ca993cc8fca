package dev.recoup.access;

import java.util.Map;

/**
 * A SQL boolean condition with its named parameters, to AND into a query's where clause
 * ({@code "... where c.status = 'OPEN' and " + scope.sql()}, then bind {@code scope.params()}).
 * "true" for viewers who see everything.
 */
public record ScopeCondition(String sql, Map<String, Object> params) {

    public static final ScopeCondition ALL = new ScopeCondition("true", Map.of());
    public static final ScopeCondition NONE = new ScopeCondition("false", Map.of());

    public ScopeCondition {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public boolean unrestricted() {
        return "true".equals(sql);
    }
}
