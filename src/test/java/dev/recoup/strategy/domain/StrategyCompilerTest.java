package dev.recoup.strategy.domain;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyCompilerTest {

    static StrategyDefinition.Segment segment(String code, String condition, StrategyDefinition.Step... steps) {
        return new StrategyDefinition.Segment(code, "分群" + code, "Segment " + code, condition, "phone-t2", List.of(steps));
    }

    static StrategyDefinition.Step step(String key, int day, int everyDays, Integer untilDay, String condition) {
        return new StrategyDefinition.Step(key, StepType.AGENT_CALL, day, everyDays, untilDay, null, null, condition);
    }

    static StrategyDefinition strategy(StrategyDefinition.Segment... segments) {
        return new StrategyDefinition("test", "", List.of(segments));
    }

    static List<ConditionError> errorsOf(StrategyDefinition definition) {
        StrategyCompiler.Compilation compilation = StrategyCompiler.compile(definition);
        assertThat(compilation).isInstanceOf(StrategyCompiler.Invalid.class);
        return ((StrategyCompiler.Invalid) compilation).errors();
    }

    @Test
    void aValidDefinitionCompiles() {
        var compilation = StrategyCompiler.compile(strategy(segment("a", "dpd >= 1 && tier == 'T1'", step("sms", 0, 0, null, null))));
        assertThat(compilation).isInstanceOf(StrategyCompiler.Compiled.class);
    }

    @Test
    void anUnknownAttributeIsNamedWithItsPositionAndTheAttributesThatExist() {
        List<ConditionError> errors = errorsOf(strategy(segment("a", "dpd > 3 &&\n  overdue > 100")));
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.segmentCode()).isEqualTo("a");
            assertThat(error.stepKey()).isNull();
            assertThat(error.expression()).isEqualTo("dpd > 3 &&\n  overdue > 100");
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.column()).isEqualTo(3);
            assertThat(error.field()).isEqualTo("segments[0].condition");
            assertThat(error.message()).startsWith("unknown attribute 'overdue'")
                    .contains("known attributes: caseId, dpd, bucket")
                    .contains("overdueAmount");
        });
    }

    @Test
    void aMistypedAttributeSuggestsTheNearestOne() {
        assertThat(StrategyCompiler.checkCondition("dpdd > 3")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("did you mean 'dpd'?"));
    }

    @Test
    void anUnknownFunctionIsCalledAFunctionNotAnAttribute() {
        assertThat(StrategyCompiler.checkCondition("lower(region) == 'x'")).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("unknown function 'lower'"));
    }

    @Test
    void aConditionThatIsNotTrueOrFalseIsATypeError() {
        assertThat(StrategyCompiler.checkCondition("dpd + 1")).singleElement().satisfies(error -> {
            assertThat(error.message()).contains("must be true or false").contains("int");
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.column()).isEqualTo(5);
        });
    }

    @Test
    void comparingTextWithANumberIsATypeErrorAtTheOperator() {
        assertThat(StrategyCompiler.checkCondition("dpd > 3 && tier > 2")).singleElement().satisfies(error -> {
            assertThat(error.message()).isEqualTo("operator '>' cannot be applied to (string, int)");
            assertThat(error.column()).isEqualTo(17);
        });
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLineAndColumn() {
        assertThat(StrategyCompiler.checkCondition("dpd >= 31 &&\n(dpd <= ")).isNotEmpty().first()
                .satisfies(error -> {
                    assertThat(error.line()).isEqualTo(2);
                    assertThat(error.column()).isEqualTo(9);
                });
    }

    @Test
    void anEmptyConditionIsAnError() {
        assertThat(StrategyCompiler.checkCondition(" ")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("empty"));
    }

    @Test
    void aConstructTheTranslatorDoesNotSupportIsRejectedAtItsPosition() {
        assertThat(StrategyCompiler.checkCondition("products.exists(p, p == 'sme_loan')")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("exists()").contains("not supported"));
        assertThat(StrategyCompiler.checkCondition("dpd > 3 && products == ['sme_loan']")).singleElement()
                .satisfies(error -> {
                    assertThat(error.message()).contains("lists cannot be compared");
                    assertThat(error.column()).isEqualTo(21);
                });
        assertThat(StrategyCompiler.checkCondition("score in [0.5]")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("'in' is not supported for double"));
        assertThat(StrategyCompiler.checkCondition("region.matches(tier)")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("literal"));
        assertThat(StrategyCompiler.checkCondition("region.matches('(')")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("invalid regular expression"));
        assertThat(StrategyCompiler.checkCondition("products[0] == 'x'")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("not supported"));
    }

    @Test
    void theSupportedSubsetCompiles() {
        for (String condition : List.of(
                "dpd >= 31 && dpd <= 90 || !(tier == 'T1')",
                "'real_estate' in collateralTypes && size(products) > 1",
                "tier in ['T3', 'T4'] && dpd in [181, 365]",
                "score > 0 && score <= 0.5 && 1 < score",
                "collateralValue * 2 >= overdueAmount + 100 && overdueAmount / 100 % 7 != -overdueAmount",
                "int(score * 100.0) > 50 && double(age) / 2.0 > 20.0",
                "region.startsWith('44') && occupation.endsWith('员') && occupation.contains('职') && region.matches('^4[0-9]')",
                "size(occupation) == 4 && occupation.size() == 4 && products.size() == 1 && bucket + '!' == 'M1!'",
                "(dpd > 30 ? overdueAmount : totalAmount) > 1000 && (dpd > 1 ? 'a' : 'b') < 'c'",
                "true")) {
            assertThat(StrategyCompiler.checkCondition(condition)).as(condition).isEmpty();
        }
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        List<ConditionError> errors = errorsOf(new StrategyDefinition(" ", null, List.of(
                new StrategyDefinition.Segment("a", "甲", "A", "foo > 1 && bar", "", List.of(
                        step("call", -1, -2, null, "dpd +"),
                        step("call", 5, 0, 3, null))),
                new StrategyDefinition.Segment("a", "", "", "dpd", "robot-sms", List.of()))));
        assertThat(errors).extracting(ConditionError::field).containsExactly(
                "name",
                "segments[0].queue",
                "segments[0].condition", "segments[0].condition",
                "segments[0].steps[0].day", "segments[0].steps[0].everyDays", "segments[0].steps[0].condition",
                "segments[0].steps[1].key", "segments[0].steps[1].untilDay",
                "segments[1].code", "segments[1].nameZh", "segments[1].nameEn", "segments[1].condition");
        assertThat(errors).filteredOn(e -> "segments[0].steps[0].condition".equals(e.field())).singleElement()
                .satisfies(e -> assertThat(e.stepKey()).isEqualTo("call"));
        assertThat(errors).filteredOn(e -> e.expression() == null)
                .allSatisfy(e -> assertThat(e.line()).isZero());
    }

    @Test
    void aStrategyWithoutSegmentsIsInvalid() {
        assertThat(errorsOf(new StrategyDefinition("empty", "", List.of()))).extracting(ConditionError::field)
                .containsExactly("segments");
    }

    @Test
    void theAttributesAreEveryCaseAttributeWithItsCelType() {
        List<String> components = Arrays.stream(CaseAttributes.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(StrategyCompiler.attributes()).extracting(ConditionAttribute::name).containsExactlyElementsOf(components);
        assertThat(StrategyCompiler.attributes()).contains(
                new ConditionAttribute("dpd", "int"), new ConditionAttribute("tier", "string"),
                new ConditionAttribute("score", "double"), new ConditionAttribute("collateralTypes", "list(string)"));
    }
}
