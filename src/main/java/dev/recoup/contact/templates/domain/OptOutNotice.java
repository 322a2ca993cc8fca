package dev.recoup.contact.templates.domain;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.ChinaPack;
import dev.recoup.contact.domain.ConcPack;
import dev.recoup.contact.domain.RegulationFPack;
import dev.recoup.shared.InvalidInputException;

import java.util.Map;

/**
 * The opt-out line a rule pack demands at the end of electronic messages, added when a message is
 * rendered (never stored in the template, so a pack change needs no template change).
 *
 * <ul>
 *   <li>{@code US-REGF}: §1006.6(e) — every e-mail and text message about a debt carries a clear,
 *       simple way to opt out of further ones to that address or number (comment 6(e)-1.i: "Reply
 *       STOP"; 6(e)-1.iii: reply with "stop" in the subject).</li>
 *   <li>{@code CN}: the short-message convention 回T退订 (通信短信息服务管理规定 art. 18 asks any
 *       message not asked for to say how to refuse more), and the same offer in e-mails.</li>
 *   <li>{@code UK-CONC}: CONC 7 asks for no opt-out text; none is added.</li>
 * </ul>
 * Letters never get one. A body that already ends with the notice does not get it twice.
 */
public final class OptOutNotice {

    private static final Map<String, Map<Channel, Map<Language, String>>> NOTICES = Map.of(
            ChinaPack.ID, Map.of(
                    Channel.SMS, Map.of(Language.ZH_CN, "回T退订", Language.EN, "Reply T to unsubscribe."),
                    Channel.EMAIL, Map.of(Language.ZH_CN, "如不希望再收到此类邮件，请回复“退订”。",
                            Language.EN, "To stop these e-mails, reply with the word \"unsubscribe\".")),
            RegulationFPack.ID, Map.of(
                    Channel.SMS, Map.of(Language.ZH_CN, "回复STOP即可停止向此号码发送短信。", Language.EN, "Reply STOP to stop texts to this number."),
                    Channel.EMAIL, Map.of(Language.ZH_CN, "如需停止向此邮箱发送邮件，请回复并在主题中写“STOP”。",
                            Language.EN, "To stop e-mails to this address, reply with the word STOP in the subject line.")),
            ConcPack.ID, Map.of());

    private OptOutNotice() {
    }

    /** The line pack {@code packId} demands for the channel and language, or null when it demands none. */
    public static String of(String packId, Channel channel, Language language) {
        Map<Channel, Map<Language, String>> byChannel = NOTICES.get(packId);
        if (byChannel == null) {
            throw new InvalidInputException("pack", packId, "unknown rule pack; known: " + NOTICES.keySet());
        }
        Map<Language, String> byLanguage = byChannel.get(channel);
        return byLanguage == null ? null : byLanguage.get(language);
    }
}
