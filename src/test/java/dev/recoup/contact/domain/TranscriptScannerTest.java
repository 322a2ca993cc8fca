package dev.recoup.contact.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptScannerTest {

    final TranscriptScanner scanner = TranscriptScanner.standard();

    @Test
    void anAgentWhoChecksIdentityFirstAndSpeaksPolitelyLeavesNothingToReview() {
        String transcript = """
                坐席：您好，这里是瑞可客户服务中心，请问您是李明先生本人吗？
                客户：是我。
                坐席：为了核实您的身份，请告诉我身份证后四位。
                客户：1234。
                坐席：谢谢。您的贷款已逾期 15 天，应还金额 2,000 元，请问今天能安排还款吗？""";
        assertThat(scanner.scan(transcript, false)).isEmpty();
    }

    @Test
    void aDebtDetailBeforeAnyIdentityCheckIsFoundWithItsPassage() {
        String transcript = """
                坐席：喂，你的欠款已经逾期三个月了，什么时候还？
                客户：你是谁？
                坐席：请问您是李明本人吗？""";
        List<TranscriptScanner.Finding> findings = scanner.scan(transcript, false);
        assertThat(findings).hasSize(1);
        TranscriptScanner.Finding f = findings.getFirst();
        assertThat(f.kind()).isEqualTo(TranscriptScanner.Kind.MISSING_IDENTITY_CHECK);
        assertThat(f.passage()).isEqualTo("欠款");
        assertThat(transcript.substring(f.start(), f.end())).isEqualTo("欠款");
    }

    @Test
    void threatsAndImpersonationByOurSideAreFoundButTheDebtorsOwnWordsAreNot() {
        String transcript = """
                Agent: Am I speaking with Mr Li? This is the court enforcement office.
                Customer: you idiot, leave me alone
                坐席：再不还钱就让你坐 牢，你给我等着。""";
        List<TranscriptScanner.Finding> findings = scanner.scan(transcript, false);
        assertThat(findings).extracting(TranscriptScanner.Finding::kind).containsOnly(TranscriptScanner.Kind.FORBIDDEN_WORDING);
        assertThat(findings).extracting(TranscriptScanner.Finding::category)
                .contains(WordingLexicon.Category.IMPERSONATION, WordingLexicon.Category.THREAT, WordingLexicon.Category.FALSE_LEGAL_CONSEQUENCE)
                .doesNotContain(WordingLexicon.Category.INSULT);
        for (TranscriptScanner.Finding f : findings) {
            assertThat(transcript.substring(f.start(), f.end())).isEqualTo(f.passage());
            assertThat(transcript.lastIndexOf('\n', f.start())).isNotEqualTo(transcript.indexOf("Customer"));
        }
    }

    @Test
    void withAThirdPartyAnyMentionOfTheDebtIsForbiddenWording() {
        String transcript = """
                坐席：您好，请问是李明的同事吗？麻烦转告他回个电话。
                坐席：他在我们这里有欠款没还。""";
        assertThat(scanner.scan(transcript, true)).extracting(TranscriptScanner.Finding::category)
                .containsExactly(WordingLexicon.Category.DEBT_DISCLOSURE);
        assertThat(scanner.scan(transcript.lines().findFirst().orElseThrow(), true)).isEmpty();
    }
}
