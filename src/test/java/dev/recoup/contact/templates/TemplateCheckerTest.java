package dev.recoup.contact.templates;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.WordingLexicon;
import dev.recoup.contact.templates.domain.DefaultTemplates;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.contact.templates.domain.TemplateChecker;
import dev.recoup.contact.templates.domain.TemplateContent;
import dev.recoup.contact.templates.domain.TemplateDraft;
import dev.recoup.contact.templates.domain.TemplateKind;
import dev.recoup.contact.templates.domain.TemplateViolation;
import dev.recoup.contact.templates.domain.TemplateViolation.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCheckerTest {

    final TemplateChecker checker = new TemplateChecker(WordingLexicon.standard());

    static TemplateDraft sms(TemplateKind kind, String zh, String en) {
        return new TemplateDraft("sms.test", kind, Channel.SMS, Map.of(Language.ZH_CN, new TemplateContent(null, zh), Language.EN, new TemplateContent(null, en)));
    }

    @Test
    void everyDefaultTemplatePassesTheChecks() {
        assertThat(DefaultTemplates.all()).hasSize(TemplateKind.values().length * 3);
        for (DefaultTemplates.DefaultTemplate template : DefaultTemplates.all()) {
            assertThat(checker.check(template.draft())).as(template.code()).isEmpty();
        }
    }

    @Test
    void aThirdPartyTemplateWithTheOverdueAmountIsRefusedAtTheVariable() {
        List<TemplateViolation> violations = checker.check(sms(TemplateKind.THIRD_PARTY_CALL_BACK,
                "请转告{{customerName}}致电{{callBackNumber}}，金额{{overdueAmount}}",
                "Please ask {{customerName}} to call {{callBackNumber}}."));

        assertThat(violations).hasSize(1);
        TemplateViolation violation = violations.getFirst();
        assertThat(violation.problem()).isEqualTo(Problem.DEBT_VARIABLE_FOR_THIRD_PARTY);
        assertThat(violation.language()).isEqualTo(Language.ZH_CN);
        assertThat(violation.word()).isEqualTo("{{overdueAmount}}");
        assertThat(violation.offset()).isEqualTo("请转告{{customerName}}致电{{callBackNumber}}，金额".length());
        assertThat(violation.line()).isEqualTo(1);
        assertThat(violation.column()).isEqualTo(violation.offset() + 1);
        assertThat(violation.field()).isEqualTo("content.zh-CN.body");
        assertThat(violation.describe()).contains("sms.test", "zh-CN", "body", "column " + violation.column(), "{{overdueAmount}}");
    }

    @Test
    void aThirdPartyTemplateThatTellsOfADebtInWordsIsRefusedToo() {
        List<TemplateViolation> violations = checker.check(sms(TemplateKind.THIRD_PARTY_CALL_BACK,
                "请转告{{customerName}}尽快还款，电话{{callBackNumber}}",
                "Please ask {{customerName}} about the overdue bill, {{callBackNumber}}."));

        assertThat(violations).extracting(TemplateViolation::problem).containsOnly(Problem.FORBIDDEN_WORDING);
        assertThat(violations).extracting(TemplateViolation::category).containsOnly(WordingLexicon.Category.DEBT_DISCLOSURE);
        assertThat(violations).extracting(TemplateViolation::word).containsExactly("还款", "overdue");
    }

    @Test
    void forbiddenWordingIsRefusedInAnyTemplateWithLineAndColumn() {
        List<TemplateViolation> violations = checker.check(sms(TemplateKind.REMINDER,
                "{{customerName}}您好，\n请还款，否则上征信黑名单", "Dear {{customerName}}, pay or you will be arrested."));

        assertThat(violations).hasSize(2);
        TemplateViolation zh = violations.getFirst();
        assertThat(zh.category()).isEqualTo(WordingLexicon.Category.FALSE_LEGAL_CONSEQUENCE);
        assertThat(zh.word()).isEqualTo("征信黑名单");
        assertThat(zh.line()).isEqualTo(2);
        assertThat(zh.column()).isEqualTo(8);
        assertThat(violations.get(1).language()).isEqualTo(Language.EN);
        assertThat(violations.get(1).word()).isEqualTo("you will be arrested");
    }

    @Test
    void aFirstDayReminderNeedsTheAmountTheDueDateAndHowToPay() {
        List<TemplateViolation> violations = checker.check(sms(TemplateKind.FIRST_DAY_REMINDER,
                "{{customerName}}您好，您应于{{dueDate}}还款{{overdueAmount}}。", "Dear {{customerName}}, {{overdueAmount}} was due on {{dueDate}}; how to pay: {{paymentMethod}}."));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.problem()).isEqualTo(Problem.MISSING_REQUIRED_VARIABLE);
            assertThat(v.language()).isEqualTo(Language.ZH_CN);
            assertThat(v.word()).isEqualTo("{{paymentMethod}}");
        });
    }

    @Test
    void unknownAndUnclosedVariablesAreNamed() {
        List<TemplateViolation> violations = checker.check(sms(TemplateKind.REMINDER,
                "{{customerName}}您好，{{balance}}待还", "Dear {{customerName, please pay."));

        assertThat(violations).extracting(TemplateViolation::problem).containsExactly(Problem.UNKNOWN_VARIABLE, Problem.MALFORMED_VARIABLE);
        assertThat(violations.getFirst().word()).isEqualTo("{{balance}}");
        assertThat(violations.get(1).language()).isEqualTo(Language.EN);
    }

    @Test
    void bothLanguagesAreRequiredAndEmailsNeedASubject() {
        TemplateDraft draft = new TemplateDraft("email.test", TemplateKind.REMINDER, Channel.EMAIL,
                Map.of(Language.ZH_CN, new TemplateContent(null, "{{customerName}}您好")));

        assertThat(checker.check(draft)).extracting(v -> v.language() + " " + v.part() + " " + v.problem())
                .containsExactlyInAnyOrder("ZH_CN subject SUBJECT_REQUIRED", "EN body MISSING_TEXT", "EN subject SUBJECT_REQUIRED");
    }
}
