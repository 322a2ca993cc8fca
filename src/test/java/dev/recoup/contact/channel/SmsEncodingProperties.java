package dev.recoup.contact.channel;

import dev.recoup.contact.channel.domain.OptOutReply;
import dev.recoup.contact.channel.domain.SmsEncoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmsEncodingProperties {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> chinese = Arbitraries.chars().range('\u4e00', '\u9fa5');
        Arbitrary<Character> latin = Arbitraries.chars().range(' ', '~');
        Arbitrary<String> emoji = Arbitraries.of("😀", "𠀀", "👍🏽");
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(600),
                Arbitraries.oneOf(chinese.map(String::valueOf), latin.map(String::valueOf), emoji).list().ofMinSize(1).ofMaxSize(400)
                        .map(parts -> String.join("", parts)));
    }

    @Property(tries = 300)
    void segmentsReassembleToTheTextAndEachFitsOneShortMessage(@ForAll("texts") String text) {
        SmsEncoding.Coding coding = SmsEncoding.codingOf(text);
        List<SmsEncoding.Segment> segments = SmsEncoding.segments(text, coding, 42);

        assertThat(SmsEncoding.reassemble(segments, coding)).isEqualTo(text);
        assertThat(segments).allSatisfy(s -> assertThat(s.bytes().length).isLessThanOrEqualTo(140));
        if (segments.size() > 1) {
            for (int i = 0; i < segments.size(); i++) {
                byte[] header = segments.get(i).bytes();
                assertThat(new int[] {header[0], header[1], header[2], header[3] & 0xFF, header[4] & 0xFF, header[5] & 0xFF})
                        .containsExactly(5, 0, 3, 42, segments.size(), i + 1);
            }
        }
    }

    @Property(tries = 200)
    void noSegmentEndsInTheMiddleOfASurrogatePair(@ForAll("texts") String text) {
        SmsEncoding.Coding coding = SmsEncoding.codingOf(text);
        for (SmsEncoding.Segment segment : SmsEncoding.segments(text, coding, 1)) {
            byte[] bytes = segment.bytes();
            int skip = segment.withHeader() ? 6 : 0;
            byte[] payload = java.util.Arrays.copyOfRange(bytes, skip, bytes.length);
            String part = SmsEncoding.decode(payload, coding.dataCoding());
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        }
    }

    @Example
    void seventyChineseCharactersFitOneMessageAndSeventyOneNeedTwo() {
        assertThat(SmsEncoding.segments("催".repeat(70), SmsEncoding.Coding.UCS2, 1)).hasSize(1);
        assertThat(SmsEncoding.segments("催".repeat(71), SmsEncoding.Coding.UCS2, 1)).hasSize(2);
        assertThat(SmsEncoding.segments("a".repeat(140), SmsEncoding.Coding.LATIN1, 1)).hasSize(1);
        assertThat(SmsEncoding.codingOf("Zhang San, café")).isEqualTo(SmsEncoding.Coding.LATIN1);
        assertThat(SmsEncoding.codingOf("张三")).isEqualTo(SmsEncoding.Coding.UCS2);
    }

    @Example
    void repliesThatAskToStopAreRecognisedAndOthersAreNot() {
        for (String stop : List.of("T", " t ", "Ｔ", "TD", "退订", "STOP", "Stop.", "unsubscribe")) {
            assertThat(OptOutReply.isOptOut(stop)).as(stop).isTrue();
        }
        for (String other : List.of("好的", "Thanks", "I will pay tomorrow", "T恤", "")) {
            assertThat(OptOutReply.isOptOut(other)).as(other).isFalse();
        }
    }
}
