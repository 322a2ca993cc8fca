package dev.recoup.contact.templates;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.WordingLexicon;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.contact.templates.domain.RenderedMessage;
import dev.recoup.contact.templates.domain.TemplateContent;
import dev.recoup.contact.templates.domain.TemplateKind;
import dev.recoup.contact.templates.domain.TemplateRenderer;
import dev.recoup.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRendererTest {

    final TemplateRenderer renderer = new TemplateRenderer(WordingLexicon.standard());
    final TemplateContent sms = new TemplateContent(null, "{{customerName}}您好，您有{{overdueAmount}}待还。");

    @Test
    void aChineseSmsUnderTheChinaPackEndsWithReplyTToUnsubscribe() {
        RenderedMessage message = renderer.render(TemplateKind.REMINDER, Channel.SMS, sms, Language.ZH_CN,
                Map.of("customerName", "张三", "overdueAmount", "1,234.56元"), "CN");

        assertThat(message.body()).isEqualTo("张三您好，您有1,234.56元待还。回T退订");
        assertThat(message.optOutAppended()).isTrue();
    }

    @Test
    void anEmailUnderRegulationFCarriesTheOptOutNoticeOfSection1006_6e() {
        RenderedMessage message = renderer.render(TemplateKind.REMINDER, Channel.EMAIL, new TemplateContent("Reminder", "Dear {{customerName}}"),
                Language.EN, Map.of("customerName", "Jane Doe"), "US-REGF");

        assertThat(message.subject()).isEqualTo("Reminder");
        assertThat(message.body()).isEqualTo("Dear Jane Doe\n\nTo stop e-mails to this address, reply with the word STOP in the subject line.");
    }

    @Test
    void lettersAndTheUkPackGetNoOptOutLine() {
        TemplateContent letter = new TemplateContent("Reminder", "Dear {{customerName}}");
        assertThat(renderer.render(TemplateKind.REMINDER, Channel.LETTER, letter, Language.EN, Map.of("customerName", "A"), "CN").optOutAppended()).isFalse();
        assertThat(renderer.render(TemplateKind.REMINDER, Channel.SMS, sms, Language.ZH_CN, Map.of("customerName", "A", "overdueAmount", "1元"), "UK-CONC")
                .optOutAppended()).isFalse();
    }

    @Test
    void aTemplateThatAlreadyEndsWithTheNoticeDoesNotGetItTwice() {
        TemplateContent withNotice = new TemplateContent(null, "{{customerName}}您好。回T退订");
        assertThat(renderer.render(TemplateKind.REMINDER, Channel.SMS, withNotice, Language.ZH_CN, Map.of("customerName", "张三"), "CN").body())
                .isEqualTo("张三您好。回T退订");
    }

    @Test
    void aMissingValueIsNamed() {
        assertThatThrownBy(() -> renderer.render(TemplateKind.REMINDER, Channel.SMS, sms, Language.ZH_CN, Map.of("customerName", "张三"), "CN"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("variables.overdueAmount"));
    }

    @Test
    void aValueCannotBringInForbiddenWording() {
        TemplateContent content = new TemplateContent(null, "{{customerName}}您好，还款方式：{{paymentMethod}}");
        assertThatThrownBy(() -> renderer.render(TemplateKind.FIRST_DAY_REMINDER, Channel.SMS, content, Language.ZH_CN,
                Map.of("customerName", "张三", "paymentMethod", "马上转账，否则拘留"), "CN"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("拘留");
    }
}
