package org.onewindow.casework;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;

/**
 * An uploaded document, accepted only if its content is what it claims to be: the first bytes
 * decide whether it is a PDF, a JPEG or a PNG, and the declared type and the file name's ending
 * must agree with them. A renamed executable or a script called "id-card.pdf" is refused.
 */
public record MaterialFile(String fileName, String contentType, byte[] content) {

    /** The kinds of document the platform accepts. */
    public enum Kind {
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, ".pdf"),
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, ".jpg", ".jpeg"),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, ".png");

        private final String mediaType;
        private final byte[] signature;
        private final String[] endings;

        Kind(String mediaType, byte[] signature, String... endings) {
            this.mediaType = mediaType;
            this.signature = signature;
            this.endings = endings;
        }

        public String mediaType() {
            return mediaType;
        }

        static Optional<Kind> ofContent(byte[] content) {
            return Arrays.stream(values())
                    .filter(kind -> content.length >= kind.signature.length
                            && Arrays.equals(Arrays.copyOf(content, kind.signature.length), kind.signature))
                    .findFirst();
        }

        boolean fitsName(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            return Arrays.stream(endings).anyMatch(lower::endsWith);
        }
    }

    private static final int LONGEST_NAME = 200;

    public static MaterialFile checked(String fileName, String declaredType, byte[] content) {
        if (content == null || content.length == 0) {
            throw new RuleViolationException(Violation.of("file", "material.empty"));
        }
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
        if (name.isEmpty() || name.length() > LONGEST_NAME) {
            throw new RuleViolationException(Violation.of("file", "material.file-name", LONGEST_NAME));
        }
        Kind kind = Kind.ofContent(content)
                .orElseThrow(() -> new RuleViolationException(Violation.of("file", "material.type-not-accepted")));
        boolean declaredMatches = declaredType == null || declaredType.toLowerCase(Locale.ROOT).startsWith(kind.mediaType());
        if (!declaredMatches || !kind.fitsName(name)) {
            throw new RuleViolationException(Violation.of("file", "material.type-mismatch", kind.mediaType()));
        }
        return new MaterialFile(name, kind.mediaType(), content);
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MaterialFile[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MaterialFile file && file.fileName.equals(fileName) && file.contentType.equals(contentType)
                && Arrays.equals(file.content, content);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(content);
    }
}
