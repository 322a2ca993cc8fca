package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Forbidden wording in collection messages and conversations (R12, R13): threats, insults,
 * impersonating police, courts or lawyers (冒充公检法), false legal consequences (坐牢, 拘留, "you
 * will be arrested"), shaming through relatives and colleagues — and, for texts meant for third
 * parties, words that disclose a debt. Templates are checked against it when saved; transcripts
 * can be scanned with the same {@link #scan}.
 *
 * <p>The lexicon is data: {@code dev/recoup/contact/domain/forbidden-wording.txt} (zh-CN and en),
 * one entry per line as {@code CATEGORY | language | phrase}; {@code ALLOW | language | phrase}
 * lines name lawful phrases inside which a forbidden term is not a hit ("不涉及刑事责任").
 * {@link #parse} reads a corrected or extended file.
 *
 * <p>Matching ignores what people use to slip past a word list: full-width forms (ＳＢ, ｋｉｌｌ),
 * case, and spaces, punctuation or symbols between the characters ("坐 牢", "坐*牢", "拘-留").
 * A Latin-script term must stand as whole words ("kill" is not found in "skill"); Chinese terms
 * match anywhere. Hits give the offsets in the original text, for highlighting the passage.
 */
public final class WordingLexicon {

    public enum Category {
        THREAT("威胁恐吓", "threat"),
        INSULT("侮辱谩骂", "insult"),
        IMPERSONATION("冒充公检法或律师", "impersonating police, courts or lawyers"),
        FALSE_LEGAL_CONSEQUENCE("虚假法律后果", "false legal consequence"),
        SHAMING("以告知亲友、同事施压", "shaming through relatives, colleagues or others"),
        /** Words that tell a third party there is a debt: forbidden only in texts meant for third parties. */
        DEBT_DISCLOSURE("向第三方透露债务", "disclosing a debt to a third party");

        private final String zh;
        private final String en;

        Category(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /** One forbidden phrase as written in the lexicon, with its normalised form. */
    public record Entry(Category category, String language, String phrase, String key, boolean wholeWords) {
    }

    /**
     * A forbidden phrase found in a text.
     *
     * @param start   offset of the first character of the passage in the scanned text
     * @param end     offset after its last character
     * @param passage the text as written there (with whatever spaces or symbols were put between)
     */
    public record Hit(Category category, String language, String phrase, int start, int end, String passage) {
    }

    private static final String RESOURCE = "forbidden-wording.txt";
    private static volatile WordingLexicon standard;

    private final List<Entry> entries;
    private final List<String> allowed;

    private WordingLexicon(List<Entry> entries, List<String> allowed) {
        this.entries = List.copyOf(entries);
        this.allowed = List.copyOf(allowed);
    }

    /** The lexicon shipped with Recoup. */
    public static WordingLexicon standard() {
        WordingLexicon lexicon = standard;
        if (lexicon == null) {
            try (InputStream in = WordingLexicon.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                standard = lexicon = parse(RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lexicon;
    }

    /**
     * Reads a lexicon: {@code CATEGORY | language | phrase} or {@code ALLOW | language | phrase} per
     * line; blank lines and {@code #} comments are skipped.
     *
     * @throws InvalidInputException naming the source and line of the first bad entry
     */
    public static WordingLexicon parse(String source, Reader reader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split("\\|", -1);
            String where = source + " line " + number;
            if (parts.length != 3) {
                throw new InvalidInputException(where, text, "a lexicon line is CATEGORY | language | phrase");
            }
            String kind = parts[0].strip();
            String language = parts[1].strip();
            String phrase = parts[2].strip();
            if (!language.equals("zh-CN") && !language.equals("en")) {
                throw new InvalidInputException(where, language, "the language of a lexicon entry is zh-CN or en");
            }
            String key = Normalised.of(phrase).compact;
            if (key.isEmpty()) {
                throw new InvalidInputException(where, phrase, "a lexicon phrase needs letters or digits");
            }
            if (kind.equals("ALLOW")) {
                allowed.add(key);
                continue;
            }
            Category category;
            try {
                category = Category.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where, kind, "unknown category; known: ALLOW and " + List.of(Category.values()));
            }
            if (seen.add(category + "|" + key)) {
                entries.add(new Entry(category, language, phrase, key, isLatin(key.charAt(0)) && isLatin(key.charAt(key.length() - 1))));
            }
        }
        return new WordingLexicon(entries, allowed);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Every forbidden phrase in {@code text}, by position; a passage matched by two entries is listed for each. */
    public List<Hit> scan(CharSequence text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Normalised normalised = Normalised.of(text);
        String compact = normalised.compact;
        List<int[]> allowedSpans = new ArrayList<>();
        for (String key : allowed) {
            for (int at = compact.indexOf(key); at >= 0; at = compact.indexOf(key, at + 1)) {
                allowedSpans.add(new int[] {at, at + key.length()});
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Entry entry : entries) {
            String key = entry.key();
            for (int at = compact.indexOf(key); at >= 0; at = compact.indexOf(key, at + 1)) {
                int to = at + key.length();
                if (entry.wholeWords() && !(normalised.wordStartsAt(at) && normalised.wordEndsAt(to))) {
                    continue;
                }
                if (inside(allowedSpans, at, to)) {
                    continue;
                }
                int start = normalised.origin[at];
                int end = normalised.originEnd[to - 1];
                hits.add(new Hit(entry.category(), entry.language(), entry.phrase(), start, end, text.subSequence(start, end).toString()));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparingInt(Hit::end).thenComparing(h -> h.category().ordinal()));
        return Collections.unmodifiableList(hits);
    }

    /** The hits of {@code text} in the given categories only. */
    public List<Hit> scan(CharSequence text, Set<Category> categories) {
        return scan(text).stream().filter(h -> categories.contains(h.category())).toList();
    }

    private static boolean inside(List<int[]> spans, int from, int to) {
        for (int[] span : spans) {
            if (span[0] <= from && to <= span[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatin(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /**
     * The text reduced to lower-case letters and digits after NFKC (full-width → half-width), with
     * each kept character's offsets in the original.
     */
    private static final class Normalised {

        final String compact;
        final int[] origin;
        final int[] originEnd;

        private Normalised(String compact, int[] origin, int[] originEnd) {
            this.compact = compact;
            this.origin = origin;
            this.originEnd = originEnd;
        }

        static Normalised of(CharSequence text) {
            StringBuilder out = new StringBuilder(text.length());
            int[] origin = new int[text.length() * 2 + 4];
            int[] originEnd = new int[origin.length];
            int i = 0;
            while (i < text.length()) {
                int cp = Character.codePointAt(text, i);
                int next = i + Character.charCount(cp);
                String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                for (int k = 0; k < folded.length(); ) {
                    int f = folded.codePointAt(k);
                    k += Character.charCount(f);
                    if (!Character.isLetterOrDigit(f)) {
                        continue;
                    }
                    for (char c : Character.toChars(f)) {
                        if (out.length() == origin.length) {
                            origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                            originEnd = java.util.Arrays.copyOf(originEnd, originEnd.length * 2);
                        }
                        origin[out.length()] = i;
                        originEnd[out.length()] = next;
                        out.append(c);
                    }
                }
                i = next;
            }
            return new Normalised(out.toString(), origin, originEnd);
        }

        /** No Latin letter or digit right before {@code at} in the original (only separators, or nothing). */
        boolean wordStartsAt(int at) {
            return at == 0 || !isLatin(compact.charAt(at - 1)) || originEnd[at - 1] != origin[at];
        }

        boolean wordEndsAt(int to) {
            return to == compact.length() || !isLatin(compact.charAt(to)) || originEnd[to - 1] != origin[to];
        }
    }
}
