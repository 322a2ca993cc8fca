package dev.recoup.approvals.persistence;

import dev.recoup.approvals.domain.ApprovalLevel;
import dev.recoup.approvals.domain.ApprovalPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Approval levels and thresholds ({@code recoup.approvals.*}).
 *
 * @param levels             the levels in order: a name and the roles that may decide at it
 * @param thresholdsYuan     per kind (WAIVER, SETTLEMENT, PLAN), the amounts above which level 2, 3, … is also needed
 * @param principalMinLevels levels a request forgiving principal (a settlement) needs at least; 0 forbids it
 */
@ConfigurationProperties("recoup.approvals")
public record ApprovalProperties(List<Level> levels, Map<String, List<BigDecimal>> thresholdsYuan, Integer principalMinLevels) {

    public record Level(String name, List<String> roles) {
    }

    public ApprovalProperties {
        levels = levels == null || levels.isEmpty()
                ? List.of(new Level("TEAM_LEAD", List.of("TEAM_LEAD", "MANAGER", "ADMIN")), new Level("MANAGER", List.of("MANAGER", "ADMIN")))
                : List.copyOf(levels);
        thresholdsYuan = thresholdsYuan == null || thresholdsYuan.isEmpty()
                ? Map.of("WAIVER", List.of(new BigDecimal("2000")), "SETTLEMENT", List.of(BigDecimal.ZERO), "PLAN", List.of(new BigDecimal("50000")))
                : Map.copyOf(thresholdsYuan);
        principalMinLevels = principalMinLevels == null ? 2 : principalMinLevels;
    }

    public ApprovalPolicy policy() {
        List<ApprovalLevel> built = new ArrayList<>();
        for (Level level : levels) {
            built.add(new ApprovalLevel(built.size() + 1, level.name().strip().toUpperCase(Locale.ROOT),
                    new LinkedHashSet<>(level.roles().stream().map(r -> r.strip().toUpperCase(Locale.ROOT)).toList())));
        }
        Map<String, List<Long>> thresholds = new LinkedHashMap<>();
        thresholdsYuan.forEach((kind, yuan) -> thresholds.put(kind.strip().toUpperCase(Locale.ROOT),
                yuan.stream().map(y -> y.movePointRight(2).longValueExact()).toList()));
        return new ApprovalPolicy(built, thresholds, principalMinLevels);
    }
}
