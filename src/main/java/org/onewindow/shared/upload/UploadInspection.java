package org.onewindow.shared.upload;

import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Decides whether an uploaded file is accepted, by its content: the first bytes say whether it is
 * a PDF, a JPEG or a PNG, and the declared type and the name's ending must agree with them; then
 * the whole file is read as what it claims to be. A PDF must parse and carry no script, launch
 * action or embedded file ({@link PdfInspection}); an image must be within the pixel limit
 * before it is decoded, and decode ({@link ImageInspection}). Every refusal names the field and
 * the rule.
 */
@Component
public class UploadInspection {

    private static final int LONGEST_NAME = 200;

    private final PdfInspection pdfs;
    private final ImageInspection images;

    UploadInspection(@Value("${onewindow.uploads.pdf.max-pages}") int maxPages,
                     @Value("${onewindow.uploads.pdf.parse-memory}") DataSize parseMemory,
                     @Value("${onewindow.uploads.images.max-pixels}") long maxPixels) {
        this.pdfs = new PdfInspection(maxPages, parseMemory.toBytes());
        this.images = new ImageInspection(maxPixels);
    }

    /**
     * @param field the request field the file came in, named in every refusal
     * @throws RuleViolationException when the file is refused; nothing about it is kept
     */
    public CheckedFile inspect(String field, String fileName, String declaredType, byte[] content) {
        if (content == null || content.length == 0) {
            throw refused(field, "upload.empty");
        }
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
        if (name.isEmpty() || name.length() > LONGEST_NAME) {
            throw refused(field, "upload.file-name", LONGEST_NAME);
        }
        FileKind kind = FileKind.ofContent(content).orElseThrow(() -> refused(field, "upload.type-not-accepted"));
        boolean declaredMatches = declaredType == null || declaredType.toLowerCase(java.util.Locale.ROOT).startsWith(kind.mediaType());
        if (!declaredMatches || !kind.fitsName(name)) {
            throw refused(field, "upload.type-mismatch", kind.mediaType());
        }
        var broken = kind == FileKind.PDF ? pdfs.brokenRule(content) : images.brokenRule(kind, content);
        if (broken.isPresent()) {
            throw refused(field, broken.get().rule(), broken.get().args());
        }
        return new CheckedFile(name, kind, content);
    }

    private static RuleViolationException refused(String field, String rule, Object... args) {
        return new RuleViolationException(Violation.of(field, rule, args));
    }

    /** A rule the content breaks, and what its message needs. */
    record Broken(String rule, Object... args) {
    }
}
