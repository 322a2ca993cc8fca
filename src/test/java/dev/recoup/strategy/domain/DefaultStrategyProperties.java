package dev.recoup.strategy.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultStrategyProperties {

    private static final CompiledStrategy STRATEGY = DefaultStrategyTest.compiled();

    @Property(tries = 2000)
    void everyOpenCaseFallsInSomeSegment(@ForAll("openCases") CaseAttributes attributes) {
        int segment = STRATEGY.segmentOf(attributes);
        assertThat(segment).isNotNegative();
        assertThat(STRATEGY.dueSteps(segment, attributes)).allSatisfy(step -> assertThat(step.dayOfStage()).isBetween(0, attributes.daysInStage()));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<CaseAttributes> openCases() {
        return RandomCases.attributes(1);
    }
}
