package org.onewindow.shared.upload;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file the platform accepts, recognised by their first bytes. */
public enum FileKind {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, ".pdf"),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, ".jpg", ".jpeg"),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, ".png");

    private final String mediaType;
    private final byte[] signature;
    private final String[] endings;

    FileKind(String mediaType, byte[] signature, String... endings) {
        this.mediaType = mediaType;
        this.signature = signature;
        this.endings = endings;
    }

    public String mediaType() {
        return mediaType;
    }

    static Optional<FileKind> ofContent(byte[] content) {
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
