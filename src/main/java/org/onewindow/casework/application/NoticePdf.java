package org.onewindow.casework.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lays out a decision notice as a one-page A4 PDF. Chinese needs a font with its glyphs: the
 * first of {@code onewindow.notices.fonts} that exists (Debian's fonts-wqy-microhei by
 * default, a TrueType collection), of which only the characters used are embedded, so that the
 * notice prints the same on any computer.
 */
@Component
class NoticePdf {

    private static final float MARGIN = 64;
    private static final float LABEL_WIDTH = 130;
    private static final float TEXT_SIZE = 12;
    private static final float LEADING = 20;

    private final List<Path> fonts;

    NoticePdf(@Value("${onewindow.notices.fonts}") List<String> fonts) {
        this.fonts = fonts.stream().map(String::strip).filter(f -> !f.isEmpty()).map(Path::of).toList();
    }

    /** What a notice says, already in the reader's language. */
    record Notice(String title, List<Line> facts, String reasonsLabel, List<String> reasons, String footer, String subject) {
    }

    /** One fact of the notice: a label and its value. */
    record Line(String label, String value) {
    }

    /** Whether a font for Chinese is installed: without one no notice can be made. */
    boolean canPrint() {
        return font().isPresent();
    }

    byte[] render(Notice notice) {
        Path fontFile = font().orElseThrow(() -> new IllegalStateException("no font for Chinese among " + fonts));
        boolean isCollection = fontFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc");
        // the collection stays open until the document is saved: only then are the used glyphs embedded
        try (PDDocument document = new PDDocument(); TrueTypeCollection collection = isCollection ? new TrueTypeCollection(fontFile.toFile()) : null) {
            PDType0Font font = isCollection ? PDType0Font.load(document, firstFontOf(collection), true)
                    : PDType0Font.load(document, fontFile.toFile());
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(notice.title());
            info.setSubject(notice.subject());
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                float y = page.getMediaBox().getHeight() - MARGIN;
                float titleWidth = font.getStringWidth(notice.title()) / 1000 * 20;
                write(text, font, 20, (page.getMediaBox().getWidth() - titleWidth) / 2, y, notice.title());
                y -= 2.5f * LEADING;
                for (Line line : notice.facts()) {
                    y = fact(text, font, line.label(), line.value(), y, width);
                }
                y -= LEADING / 2;
                write(text, font, TEXT_SIZE, MARGIN, y, notice.reasonsLabel());
                y -= LEADING;
                for (String reason : notice.reasons()) {
                    for (String part : wrapped(font, "· " + reason, width - 12)) {
                        write(text, font, TEXT_SIZE, MARGIN + 12, y, part);
                        y -= LEADING;
                    }
                }
                float footer = MARGIN;
                for (String part : wrapped(font, notice.footer(), width).reversed()) {
                    write(text, font, 9, MARGIN, footer, part);
                    footer += LEADING * 0.7f;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float fact(PDPageContentStream text, PDType0Font font, String label, String value, float y, float width) throws IOException {
        write(text, font, TEXT_SIZE, MARGIN, y, label);
        for (String part : wrapped(font, value, width - LABEL_WIDTH)) {
            write(text, font, TEXT_SIZE, MARGIN + LABEL_WIDTH, y, part);
            y -= LEADING;
        }
        return y;
    }

    private static void write(PDPageContentStream text, PDType0Font font, float size, float x, float y, String words) throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(x, y);
        text.showText(words);
        text.endText();
    }

    /** Lines of at most the width, broken between characters: Chinese has no spaces to break at. */
    private static List<String> wrapped(PDType0Font font, String words, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < words.length(); ) {
            int codePoint = words.codePointAt(i);
            String next = line + Character.toString(codePoint);
            if (!line.isEmpty() && font.getStringWidth(next) / 1000 * TEXT_SIZE > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.appendCodePoint(codePoint);
            i += Character.charCount(codePoint);
        }
        lines.add(line.toString());
        return lines;
    }

    private Optional<Path> font() {
        return fonts.stream().filter(Files::isReadable).findFirst();
    }

    private static TrueTypeFont firstFontOf(TrueTypeCollection collection) throws IOException {
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        collection.processAllFonts(font -> first.compareAndSet(null, font));
        if (first.get() == null) {
            throw new IOException("the font collection is empty");
        }
        return first.get();
    }
}
