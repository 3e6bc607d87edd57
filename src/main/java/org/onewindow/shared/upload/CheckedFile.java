package org.onewindow.shared.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file that passed {@link UploadInspection}: only the inspection makes one, so a method that
 * takes a CheckedFile cannot be handed an unchecked upload.
 */
public final class CheckedFile {

    private final String fileName;
    private final FileKind kind;
    private final byte[] content;

    CheckedFile(String fileName, FileKind kind, byte[] content) {
        this.fileName = fileName;
        this.kind = kind;
        this.content = content;
    }

    /** The name as given, with control characters and path separators replaced. */
    public String fileName() {
        return fileName;
    }

    public FileKind kind() {
        return kind;
    }

    /** The media type found from the content, whatever the client declared. */
    public String contentType() {
        return kind.mediaType();
    }

    public byte[] content() {
        return content;
    }

    public int size() {
        return content.length;
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
        // the name may be personal data ("张三身份证.jpg"): not in logs
        return "CheckedFile[" + kind + ", " + content.length + " bytes]";
    }
}
