package dev.recoup.contact.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Transcript QA (R12): what a compliance reviewer must look at in a call's transcript —
 * <ul>
 *   <li>forbidden wording said by our side (threats, insults, impersonating police, courts or
 *       lawyers, false legal consequences, shaming; with a third party also anything disclosing the
 *       debt), found by the templates' {@link WordingLexicon};</li>
 *   <li>a missing identity check: a detail of the debt told to the person before our side asked
 *       them to confirm who they are.</li>
 * </ul>
 * A transcript is text with one turn a line, {@code 坐席：…} / {@code 客户：…} or {@code Agent: …} /
 * {@code Customer: …}; a line without a label continues the turn before. Only our side's turns are
 * scanned (a debtor's insult is not our breach); a transcript with no labels at all is read as ours.
 * The verification and debt phrases and our side's labels are data:
 * {@code dev/recoup/contact/domain/identity-check.txt}.
 */
public final class TranscriptScanner {

    public enum Kind { FORBIDDEN_WORDING, MISSING_IDENTITY_CHECK }

    /**
     * One thing to review, with its passage: {@code start}/{@code end} are offsets in the transcript.
     *
     * @param category for forbidden wording, the lexicon's category; null for a missing identity check
     * @param phrase   the lexicon phrase, or the debt phrase said before any identity check
     */
    public record Finding(Kind kind, WordingLexicon.Category category, String phrase, int start, int end, String passage) {
    }

    private record Phrase(String kind, String language, String text) {
    }

    private static final String RESOURCE = "identity-check.txt";
    private static volatile TranscriptScanner standard;

    private final WordingLexicon lexicon;
    private final List<Phrase> verify;
    private final List<Phrase> debt;
    private final List<String> agentLabels;

    TranscriptScanner(WordingLexicon lexicon, List<Phrase> phrases) {
        this.lexicon = lexicon;
        this.verify = phrases.stream().filter(p -> p.kind().equals("VERIFY")).toList();
        this.debt = phrases.stream().filter(p -> p.kind().equals("DEBT")).toList();
        this.agentLabels = phrases.stream().filter(p -> p.kind().equals("AGENT")).map(Phrase::text).toList();
    }

    /** The scanner with Recoup's lexicon and identity-check phrases. */
    public static TranscriptScanner standard() {
        TranscriptScanner s = standard;
        if (s == null) {
            standard = s = new TranscriptScanner(WordingLexicon.standard(), read());
        }
        return s;
    }

    /**
     * @param withThirdParty the call was with someone other than the debtor: telling them of the debt
     *                       is itself forbidden wording (and no identity check makes it lawful)
     */
    public List<Finding> scan(String transcript, boolean withThirdParty) {
        List<Finding> findings = new ArrayList<>();
        if (transcript == null || transcript.isBlank()) {
            return findings;
        }
        List<int[]> ours = ourTurns(transcript);
        Set<WordingLexicon.Category> categories = withThirdParty ? Set.of(WordingLexicon.Category.values())
                : java.util.EnumSet.complementOf(java.util.EnumSet.of(WordingLexicon.Category.DEBT_DISCLOSURE));
        int firstVerify = Integer.MAX_VALUE;
        int[] firstDebt = null;
        String firstDebtPhrase = null;
        String lower = transcript.toLowerCase(Locale.ROOT);
        for (int[] turn : ours) {
            String text = transcript.substring(turn[0], turn[1]);
            for (WordingLexicon.Hit hit : lexicon.scan(text, categories)) {
                findings.add(new Finding(Kind.FORBIDDEN_WORDING, hit.category(), hit.phrase(), turn[0] + hit.start(), turn[0] + hit.end(),
                        hit.passage()));
            }
            for (Phrase p : verify) {
                int at = indexIn(lower, p.text(), turn[0], turn[1]);
                if (at >= 0) {
                    firstVerify = Math.min(firstVerify, at);
                }
            }
            for (Phrase p : debt) {
                int at = indexIn(lower, p.text(), turn[0], turn[1]);
                if (at >= 0 && (firstDebt == null || at < firstDebt[0])) {
                    firstDebt = new int[]{at, at + p.text().length()};
                    firstDebtPhrase = p.text();
                }
            }
        }
        if (!withThirdParty && firstDebt != null && firstVerify > firstDebt[0]) {
            findings.add(new Finding(Kind.MISSING_IDENTITY_CHECK, null, firstDebtPhrase, firstDebt[0], firstDebt[1],
                    transcript.substring(firstDebt[0], firstDebt[1])));
        }
        findings.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::kind));
        return findings;
    }

    /** Spans [start, end) of our side's turns (the text after the label). */
    List<int[]> ourTurns(String transcript) {
        List<int[]> turns = new ArrayList<>();
        boolean anyLabel = false;
        boolean ours = false;
        int offset = 0;
        for (String line : transcript.split("\n", -1)) {
            int lineEnd = offset + line.length();
            int colon = labelEnd(line);
            if (colon > 0) {
                anyLabel = true;
                String label = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                ours = agentLabels.stream().anyMatch(label::startsWith);
                if (ours) {
                    turns.add(new int[]{offset + colon + 1, lineEnd});
                }
            } else if (ours) {
                turns.add(new int[]{offset, lineEnd});
            }
            offset = lineEnd + 1;
        }
        if (!anyLabel) {
            return List.of(new int[]{0, transcript.length()});
        }
        return turns;
    }

    /** The end of a short speaker label ("坐席：", "Agent:") at the start of a line, or -1. */
    private static int labelEnd(String line) {
        for (int i = 0; i < Math.min(line.length(), 16); i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '：') {
                return i;
            }
        }
        return -1;
    }

    private static int indexIn(String lower, String phrase, int from, int to) {
        int at = lower.indexOf(phrase, from);
        return at >= 0 && at + phrase.length() <= to ? at : -1;
    }

    private static List<Phrase> read() {
        try (InputStream in = TranscriptScanner.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<Phrase> phrases = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\|", -1);
                if (parts.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": a line is KIND | language | phrase: " + text);
                }
                phrases.add(new Phrase(parts[0].strip(), parts[1].strip(), parts[2].strip().toLowerCase(Locale.ROOT)));
            }
            return phrases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
