package org.onewindow.shared.upload;

import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.onewindow.shared.upload.UploadInspection.Broken;

/**
 * A PDF is accepted when PDFBox can read it as a whole, it has between one page and the page
 * limit, and it carries nothing that acts when it is opened ({@link ActiveContent}).
 *
 * <p>Encryption: a PDF that opens with the empty user password (a certificate that only forbids
 * editing or printing) is read and checked like any other; one that needs a password is
 * refused, since neither this check nor the staff who must read it could open it.
 *
 * <p>Memory: the parser's scratch space is limited to the configured parse memory, and before
 * PDFBox sees the file every compressed stream is measured ({@link InflatedSizes}), because
 * PDFBox decodes object and cross-reference streams in memory whatever the limit.
 */
final class PdfInspection {

    private final int maxPages;
    private final long parseMemory;

    PdfInspection(int maxPages, long parseMemory) {
        this.maxPages = maxPages;
        this.parseMemory = parseMemory;
    }

    Optional<Broken> brokenRule(byte[] content) {
        if (InflatedSizes.exceed(content, parseMemory)) {
            return Optional.of(new Broken("upload.pdf-too-large", parseMemory / (1024 * 1024)));
        }
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content), "",
                MemoryUsageSetting.setupMainMemoryOnly(parseMemory).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                return Optional.of(new Broken("upload.pdf-unreadable"));
            }
            if (pages > maxPages) {
                return Optional.of(new Broken("upload.pdf-too-many-pages", maxPages));
            }
            return ActiveContent.in(document.getDocument().getTrailer());
        } catch (InvalidPasswordException needsPassword) {
            return Optional.of(new Broken("upload.pdf-encrypted"));
        } catch (IOException | RuntimeException unreadable) {
            // PDFBox reports a damaged file with IOException, and at times with runtime exceptions
            return Optional.of(new Broken("upload.pdf-unreadable"));
        }
    }
}
