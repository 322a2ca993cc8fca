package dev.recoup.strategy;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.templates.domain.DefaultTemplates;
import dev.recoup.documents.Documents;
import dev.recoup.strategy.domain.ConditionError;
import dev.recoup.strategy.domain.DefaultStrategy;
import dev.recoup.strategy.domain.StepType;
import dev.recoup.strategy.domain.StrategyDefinition;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A strategy's SMS, e-mail and letter steps name templates that exist, for their channel and the debtor. */
@RecoupIntegrationTest
class StrategyTemplatesTest {

    @Autowired StrategyCatalogue catalogue;
    @Autowired MessageTemplates templates;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void theDefaultTemplates() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
    }

    @Test
    void theDefaultStrategyNamesOnlyTemplatesThatExist() {
        assertThat(catalogue.validate(DefaultStrategy.definition())).isEmpty();

        Map<String, Channel> defaults = DefaultTemplates.all().stream()
                .collect(Collectors.toMap(DefaultTemplates.DefaultTemplate::code, DefaultTemplates.DefaultTemplate::channel));
        List<String> documents = Arrays.stream(Documents.Kind.values()).map(Enum::name).toList();
        List<StrategyDefinition.Step> steps = DefaultStrategy.definition().segments().stream().flatMap(s -> s.steps().stream()).toList();
        assertThat(steps).filteredOn(s -> s.type() == StepType.SMS).extracting(s -> defaults.get(s.template())).isNotEmpty().containsOnly(Channel.SMS);
        assertThat(steps).filteredOn(s -> s.type() == StepType.EMAIL).extracting(s -> defaults.get(s.template())).isNotEmpty().containsOnly(Channel.EMAIL);
        assertThat(steps).as("demand letters and final demands are legal documents people prepare, not outbox letters")
                .filteredOn(s -> s.type() == StepType.LETTER).extracting(StrategyDefinition.Step::template).isNotEmpty().allMatch(documents::contains);
        assertThat(steps).filteredOn(s -> s.type() == StepType.LAWYER_LETTER).extracting(StrategyDefinition.Step::template)
                .containsOnly("LAWYERS_LETTER");
    }

    @Test
    void aMessageStepNamingAMissingTemplateOrOneOfAnotherChannelIsRefusedNamingSegmentStepAndTemplate() {
        StrategyDefinition definition = new StrategyDefinition("错误模板", "wrong templates", List.of(
                new StrategyDefinition.Segment("early", "早期", "Early", "dpd <= 30", "robot-sms", List.of(
                        new StrategyDefinition.Step("ok", StepType.SMS, 0, 0, null, null, "sms.reminder", null),
                        new StrategyDefinition.Step("typo", StepType.SMS, 1, 0, null, null, "sms.remindr", null),
                        new StrategyDefinition.Step("mail", StepType.EMAIL, 2, 0, null, null, "sms.reminder", null),
                        new StrategyDefinition.Step("relative", StepType.SMS, 3, 0, null, null, "sms.third-party-call-back", null),
                        new StrategyDefinition.Step("none", StepType.EMAIL, 4, 0, null, null, null, null))),
                new StrategyDefinition.Segment("late", "逾期较长", "Late", "true", "legal", List.of(
                        new StrategyDefinition.Step("printed", StepType.LETTER, 0, 0, null, null, "letter.risk-warning", null),
                        new StrategyDefinition.Step("demand", StepType.LETTER, 0, 0, null, null, "DEMAND_LETTER", null),
                        new StrategyDefinition.Step("final", StepType.LETTER, 9, 0, null, null, "FINAL_DEMAND", null),
                        new StrategyDefinition.Step("lawyer", StepType.LAWYER_LETTER, 9, 0, null, null, "LAWYER_LETTER", null),
                        new StrategyDefinition.Step("call", StepType.AGENT_CALL, 0, 3, null, null, "ANY_TALK_TRACK", null)))));

        assertThatThrownBy(() -> catalogue.create("wrong", "错误模板", definition, null, "manager")).isInstanceOf(InvalidStrategyException.class)
                .satisfies(e -> assertThat(((InvalidStrategyException) e).errors())
                        .extracting(ConditionError::segmentCode, ConditionError::stepKey, ConditionError::field)
                        .containsExactly(
                                tuple("early", "typo", "segments[0].steps[1].template"),
                                tuple("early", "mail", "segments[0].steps[2].template"),
                                tuple("early", "relative", "segments[0].steps[3].template"),
                                tuple("early", "none", "segments[0].steps[4].template"),
                                tuple("late", "final", "segments[1].steps[2].template"),
                                tuple("late", "lawyer", "segments[1].steps[3].template")));
        List<String> messages = catalogue.validate(definition).stream().map(ConditionError::describe).toList();
        assertThat(messages.get(0)).isEqualTo("segment early, step typo, segments[0].steps[1].template: template 'sms.remindr' does not exist;"
                + " an SMS step names an SMS template, one of [sms.first-day-reminder, sms.invitation-to-negotiate, sms.promise-reminder,"
                + " sms.reminder, sms.risk-warning]");
        assertThat(messages.get(1)).contains("template 'sms.reminder' is an SMS template; an EMAIL step needs an EMAIL template");
        assertThat(messages.get(2)).contains("template 'sms.third-party-call-back' is written to third parties");
        assertThat(messages.get(3)).contains("an EMAIL step needs a template: an EMAIL template the outbox sends, one of [email.");
        assertThat(messages.get(4)).contains("template 'FINAL_DEMAND' does not exist").contains("DEMAND_LETTER");
        assertThat(messages.get(5)).contains("template 'LAWYER_LETTER' is not a document kind");
        assertThat(jdbc.sql("select count(*) from strategy").query(Long.class).single()).as("nothing saved").isZero();
    }
}
