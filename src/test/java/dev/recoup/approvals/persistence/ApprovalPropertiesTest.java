package dev.recoup.approvals.persistence;

import dev.recoup.approvals.domain.ApprovalPolicy;
import dev.recoup.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalPropertiesTest {

    static ApprovalPolicy bound(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("recoup.approvals", ApprovalProperties.class)
                .orElseGet(() -> new ApprovalProperties(null, null, null)).policy();
    }

    @Test
    void thresholdsAndLevelsAreConfiguredPerKind() {
        ApprovalPolicy policy = bound(Map.of(
                "recoup.approvals.levels[0].name", "team_lead", "recoup.approvals.levels[0].roles", "TEAM_LEAD,MANAGER",
                "recoup.approvals.levels[1].name", "MANAGER", "recoup.approvals.levels[1].roles", "MANAGER",
                "recoup.approvals.levels[2].name", "DIRECTOR", "recoup.approvals.levels[2].roles", "ADMIN",
                "recoup.approvals.thresholds-yuan.WAIVER", "500, 10000.50",
                "recoup.approvals.principal-min-levels", "3"));

        assertThat(policy.kinds()).containsExactly("WAIVER");
        assertThat(policy.level(1).name()).isEqualTo("TEAM_LEAD");
        assertThat(policy.level(1).allows(Set.of("MANAGER"))).isTrue();
        assertThat(policy.level(3).allows(Set.of("MANAGER"))).isFalse();
        assertThat(policy.levelsFor("WAIVER", 500_00, false)).as("up to the first threshold: one level").isEqualTo(1);
        assertThat(policy.levelsFor("WAIVER", 500_01, false)).isEqualTo(2);
        assertThat(policy.levelsFor("WAIVER", 10_000_51, false)).isEqualTo(3);
        assertThat(policy.levelsFor("WAIVER", 1, true)).as("principal needs the configured minimum").isEqualTo(3);
    }

    @Test
    void withoutConfigurationWaiversAbove2000YuanAndEverySettlementNeedTwoLevels() {
        ApprovalPolicy policy = bound(Map.of());
        assertThat(policy.levelsFor("WAIVER", 2000_00, false)).isEqualTo(1);
        assertThat(policy.levelsFor("WAIVER", 2000_01, false)).isEqualTo(2);
        assertThat(policy.levelsFor("SETTLEMENT", 1, false)).isEqualTo(2);
        assertThat(policy.levelsFor("PLAN", 50_000_00, false)).isEqualTo(1);
    }

    @Test
    void whenNoLevelMayForgivePrincipalASettlementWithPrincipalIsRefusedSayingSo() {
        ApprovalPolicy policy = bound(Map.of("recoup.approvals.principal-min-levels", "0"));
        assertThatThrownBy(() -> policy.levelsFor("SETTLEMENT", 100, true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("no approval level may forgive principal"));
    }
}
