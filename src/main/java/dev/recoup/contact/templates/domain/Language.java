package dev.recoup.contact.templates.domain;

import dev.recoup.shared.InvalidInputException;

import java.util.Locale;

/** The languages every template is written in: Chinese (the default) and English. */
public enum Language {
    ZH_CN("zh-CN"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag used in the API and the database: {@code zh-CN} or {@code en}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return this == ZH_CN ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** Reads {@code zh-CN} (also {@code zh}, {@code zh_CN}) or {@code en}. */
    public static Language of(String field, String text) {
        if (text != null) {
            String t = text.strip().replace('_', '-');
            if (t.equalsIgnoreCase("zh-CN") || t.equalsIgnoreCase("zh")) {
                return ZH_CN;
            }
            if (t.equalsIgnoreCase("en")) {
                return EN;
            }
        }
        throw new InvalidInputException(field, text, "language must be zh-CN or en");
    }

    public static Language of(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH_CN : EN;
    }
}
