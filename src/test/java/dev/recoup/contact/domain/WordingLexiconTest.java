package dev.recoup.contact.domain;

import dev.recoup.contact.domain.WordingLexicon.Category;
import dev.recoup.contact.domain.WordingLexicon.Hit;
import dev.recoup.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordingLexiconTest {

    final WordingLexicon lexicon = WordingLexicon.standard();

    @Test
    void aThreatOfPrisonIsFoundWithItsPassage() {
        String text = "您再不还钱就等着坐牢吧";
        List<Hit> hits = lexicon.scan(text);

        assertThat(hits).extracting(Hit::category).contains(Category.FALSE_LEGAL_CONSEQUENCE);
        Hit prison = hits.stream().filter(h -> h.phrase().equals("坐牢")).findFirst().orElseThrow();
        assertThat(prison.passage()).isEqualTo("坐牢");
        assertThat(text.substring(prison.start(), prison.end())).isEqualTo("坐牢");
    }

    @Test
    void spacesAndSymbolsBetweenCharactersDoNotHideAWord() {
        assertThat(lexicon.scan("再不处理就 坐 * 牢")).extracting(Hit::passage).containsExactly("坐 * 牢");
        assertThat(lexicon.scan("将被拘-留")).extracting(Hit::phrase).containsExactly("拘留");
    }

    @Test
    void fullWidthLettersAreReadAsHalfWidth() {
        List<Hit> hits = lexicon.scan("Ｙｏｕ ｗｉｌｌ ｂｅ ａｒｒｅｓｔｅｄ tomorrow");
        assertThat(hits).extracting(Hit::phrase).contains("you will be arrested");
        assertThat(hits.getFirst().start()).isZero();
    }

    @Test
    void impersonatingThePoliceOrACourtIsFoundInEitherLanguage() {
        assertThat(lexicon.scan("我们是公安，请配合")).extracting(Hit::category).containsExactly(Category.IMPERSONATION);
        assertThat(lexicon.scan("This is the Police. Pay now.")).extracting(Hit::category).containsExactly(Category.IMPERSONATION);
        assertThat(lexicon.scan("法院传票已发出")).extracting(Hit::category).containsExactly(Category.IMPERSONATION);
    }

    @Test
    void insultsShamingAndThreatsHaveTheirCategories() {
        assertThat(lexicon.scan("你这个老赖")).extracting(Hit::category).containsExactly(Category.INSULT);
        assertThat(lexicon.scan("不还就爆通讯录")).extracting(Hit::category).containsExactly(Category.SHAMING);
        assertThat(lexicon.scan("we will tell your employer")).extracting(Hit::category).containsExactly(Category.SHAMING);
        assertThat(lexicon.scan("小心你的家人")).extracting(Hit::category).containsExactly(Category.THREAT);
    }

    @Test
    void anEnglishTermMustStandAsWholeWords() {
        assertThat(lexicon.scan("Our skilled team will help you")).isEmpty();
        assertThat(lexicon.scan("a blacklisted number")).extracting(Hit::phrase).contains("blacklisted");
        assertThat(lexicon.scan("you are a liar.")).extracting(Hit::phrase).containsExactly("liar");
        assertThat(lexicon.scan("familiar faces")).isEmpty();
    }

    @Test
    void lawfulWordingAboutCreditReportingAndCourtsPasses() {
        assertThat(lexicon.scan("根据《征信业管理条例》，逾期信息可能依法报送金融信用信息基础数据库；债权人可能依法向人民法院提起民事诉讼。",
                java.util.EnumSet.complementOf(java.util.EnumSet.of(Category.DEBT_DISCLOSURE)))).isEmpty();
        assertThat(lexicon.scan("Late payments may be reported to credit bureaus; the lender may bring a civil claim in court.",
                java.util.EnumSet.complementOf(java.util.EnumSet.of(Category.DEBT_DISCLOSURE)))).isEmpty();
    }

    @Test
    void anAllowedPhraseKeepsItsForbiddenTermFromBeingAHit() {
        assertThat(lexicon.scan("逾期本身不涉及刑事责任")).extracting(Hit::category).doesNotContain(Category.FALSE_LEGAL_CONSEQUENCE);
        assertThat(lexicon.scan("将追究刑事责任")).extracting(Hit::category).contains(Category.FALSE_LEGAL_CONSEQUENCE);
    }

    @Test
    void debtWordsAreTheirOwnCategoryForTextsToThirdParties() {
        assertThat(lexicon.scan("请转告他尽快还款")).extracting(Hit::category).containsExactly(Category.DEBT_DISCLOSURE);
        assertThat(lexicon.scan("He owes us money")).extracting(Hit::category).containsExactly(Category.DEBT_DISCLOSURE);
    }

    @Test
    void aMaintainedLexiconIsReadFromItsOwnFileAndBadLinesAreNamed() throws Exception {
        WordingLexicon custom = WordingLexicon.parse("custom.txt", new StringReader("""
                # ours
                THREAT | zh-CN | 走夜路小心
                INSULT | en | clown
                """));
        assertThat(custom.scan("走 夜 路 小 心 点")).extracting(Hit::category).containsExactly(Category.THREAT);
        assertThat(custom.scan("You CLOWN")).extracting(Hit::category).containsExactly(Category.INSULT);

        assertThatThrownBy(() -> WordingLexicon.parse("custom.txt", new StringReader("THREATS | zh-CN | 走夜路小心\n")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("custom.txt line 1"));
    }

    @Test
    void everyShippedCategoryHasEntriesInBothLanguages() {
        for (Category category : Category.values()) {
            assertThat(lexicon.entries()).filteredOn(e -> e.category() == category).extracting(WordingLexicon.Entry::language)
                    .as(category.name()).contains("zh-CN", "en");
        }
    }
}
