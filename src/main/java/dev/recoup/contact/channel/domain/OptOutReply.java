package dev.recoup.contact.channel.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a reply to a text message asks to stop: the words the opt-out lines offer (回T退订,
 * "Reply STOP") and their common variants, alone in the message, any width or case.
 */
public final class OptOutReply {

    private static final Set<String> WORDS = Set.of("T", "TD", "N", "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "退订", "退订短信", "取消");

    private OptOutReply() {
    }

    public static boolean isOptOut(String text) {
        if (text == null) {
            return false;
        }
        String word = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Punct}。！，]+", "").toUpperCase(Locale.ROOT);
        return WORDS.contains(word);
    }
}
