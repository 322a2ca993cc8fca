package dev.recoup.contact.channel.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a text becomes SMS payloads. Text that fits ISO-8859-1 goes as Latin-1 (SMPP data_coding 3,
 * 140 characters in one message); anything else — Chinese — as UCS-2 (data_coding 8, UTF-16BE, 70
 * characters). A longer text is cut into segments of 134 bytes, each behind a concatenation
 * header (UDH: 05 00 03 reference total number) so the phone shows one message; a surrogate pair
 * is never cut. Alternatively the whole text travels in one submit_sm's message_payload.
 */
public final class SmsEncoding {

    public enum Coding {
        LATIN1((byte) 0x03),
        UCS2((byte) 0x08);

        private final byte dataCoding;

        Coding(byte dataCoding) {
            this.dataCoding = dataCoding;
        }

        /** The SMPP data_coding value. */
        public byte dataCoding() {
            return dataCoding;
        }
    }

    /** One short message's bytes; {@code withHeader} when it starts with a concatenation UDH (esm_class UDHI). */
    public record Segment(byte[] bytes, boolean withHeader) {
    }

    public static final int SINGLE_MAX = 140;
    public static final int SEGMENT_PAYLOAD_MAX = 134;
    public static final int MAX_SEGMENTS = 255;

    private SmsEncoding() {
    }

    public static Coding codingOf(String text) {
        CharsetEncoder latin1 = StandardCharsets.ISO_8859_1.newEncoder();
        return latin1.canEncode(text) ? Coding.LATIN1 : Coding.UCS2;
    }

    public static byte[] encode(String text, Coding coding) {
        return text.getBytes(coding == Coding.LATIN1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16BE);
    }

    public static String decode(byte[] bytes, byte dataCoding) {
        return new String(bytes, (dataCoding & 0xFF) == 0x08 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
    }

    /** The segments of {@code text}: one without header when it fits, else up to 255 with a UDH using {@code reference} (0–255). */
    public static List<Segment> segments(String text, Coding coding, int reference) {
        byte[] whole = encode(text, coding);
        if (whole.length <= SINGLE_MAX) {
            return List.of(new Segment(whole, false));
        }
        List<byte[]> payloads = new ArrayList<>();
        int unit = coding == Coding.UCS2 ? 2 : 1;
        int at = 0;
        while (at < whole.length) {
            int end = Math.min(whole.length, at + SEGMENT_PAYLOAD_MAX);
            if (coding == Coding.UCS2 && end < whole.length && isHighSurrogate(whole, end - unit)) {
                end -= unit;
            }
            byte[] payload = new byte[end - at];
            System.arraycopy(whole, at, payload, 0, payload.length);
            payloads.add(payload);
            at = end;
        }
        if (payloads.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("text too long for one SMS: " + payloads.size() + " segments");
        }
        List<Segment> segments = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(6 + payloads.get(i).length);
            out.write(0x05);
            out.write(0x00);
            out.write(0x03);
            out.write(reference & 0xFF);
            out.write(payloads.size());
            out.write(i + 1);
            out.writeBytes(payloads.get(i));
            segments.add(new Segment(out.toByteArray(), true));
        }
        return segments;
    }

    /** The text of segments in order (the header stripped), as a receiver reassembles them. */
    public static String reassemble(List<Segment> segments, Coding coding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Segment segment : segments) {
            byte[] bytes = segment.bytes();
            int skip = segment.withHeader() ? (bytes[0] & 0xFF) + 1 : 0;
            out.write(bytes, skip, bytes.length - skip);
        }
        return decode(out.toByteArray(), coding.dataCoding());
    }

    private static boolean isHighSurrogate(byte[] utf16be, int index) {
        char c = (char) (((utf16be[index] & 0xFF) << 8) | (utf16be[index + 1] & 0xFF));
        return Character.isHighSurrogate(c);
    }
}
