package dev.recoup.documents.domain;

import dev.recoup.contact.domain.WordingLexicon;
import dev.recoup.documents.Documents.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentTemplateCheckerTest {

    final DocumentTemplateChecker checker = new DocumentTemplateChecker(WordingLexicon.standard());

    @Test
    void everyDefaultTemplatePassesItsOwnChecks() {
        for (Kind kind : Kind.values()) {
            assertThat(checker.check(kind, DefaultDocumentTemplates.of(kind))).as(kind.name()).isEmpty();
        }
    }

    @Test
    void threatsAndImpersonationAreFoundWhereTheyAreWritten() {
        List<TemplateViolation> found = checker.check(Kind.LAWYERS_LETTER, Map.of(
                "zh-CN", new TemplateContent("律师函", "{{customerName}}：\n我们是法院，{{lawFirm}}{{lawyerName}}通知您归还{{overdueAmount}}，{{deadline}}前不还将被拘留。"),
                "en", new TemplateContent("Letter", "{{customerName}}, {{lawFirm}} {{lawyerName}}: pay {{overdueAmount}} by {{deadline}} or you will be arrested.")));
        assertThat(found).extracting(TemplateViolation::language, TemplateViolation::word, TemplateViolation::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple("zh-CN", "我们是法院", WordingLexicon.Category.IMPERSONATION),
                org.assertj.core.groups.Tuple.tuple("zh-CN", "拘留", WordingLexicon.Category.FALSE_LEGAL_CONSEQUENCE),
                org.assertj.core.groups.Tuple.tuple("en", "you will be arrested", WordingLexicon.Category.FALSE_LEGAL_CONSEQUENCE));
        assertThat(found.getFirst().line()).isEqualTo(2);
        assertThat(found.getFirst().column()).isEqualTo(1);
    }

    @Test
    void unknownAndMissingVariablesAreReportedInEachLanguage() {
        List<TemplateViolation> found = checker.check(Kind.REPAYMENT_COMMITMENT, Map.of(
                "zh-CN", new TemplateContent("承诺书", "{{customerName}}承诺于{{promiseDate}}前还款{{promiseAmount}}，{{bonus}}"),
                "en", new TemplateContent("Commitment", "{{customerName}} pays {{promiseAmount}}")));
        assertThat(found).extracting(TemplateViolation::language, TemplateViolation::problem, TemplateViolation::word).containsExactly(
                org.assertj.core.groups.Tuple.tuple("zh-CN", TemplateViolation.Problem.UNKNOWN_VARIABLE, "{{bonus}}"),
                org.assertj.core.groups.Tuple.tuple("en", TemplateViolation.Problem.MISSING_REQUIRED_VARIABLE, "{{promiseDate}}"));
    }
}
