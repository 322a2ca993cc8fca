package dev.recoup.waivers.domain;

import dev.recoup.shared.InvalidInputException;

import java.util.Arrays;

/**
 * A proof-of-hardship file: PDF, JPEG or PNG, recognised by its first bytes (not by the name or
 * the type the browser claims), at most {@code maxBytes}.
 */
public record EvidenceFile(String fileName, String contentType, byte[] content) {

    public enum Type {
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

        private final String mediaType;
        private final byte[] magic;

        Type(String mediaType, byte[] magic) {
            this.mediaType = mediaType;
            this.magic = magic;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** @throws InvalidInputException naming the file when it is empty, too large, or not a PDF, JPEG or PNG */
    public static EvidenceFile of(String originalName, byte[] content, long maxBytes) {
        String name = cleanName(originalName);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", name, "the file is empty");
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException("file", name, "the file has " + content.length + " bytes; at most " + maxBytes
                    + " are accepted (文件过大)");
        }
        Type type = Arrays.stream(Type.values()).filter(t -> startsWith(content, t.magic)).findFirst()
                .orElseThrow(() -> new InvalidInputException("file", name, "proof of hardship is a PDF, JPEG or PNG file (仅接受PDF、JPEG或PNG文件)"));
        return new EvidenceFile(name, type.mediaType(), content);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The name without any path, control characters or more than 200 characters. */
    static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return "evidence";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            return "evidence";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
