package org.onewindow.shared.upload;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.onewindow.shared.upload.UploadInspection.Broken;

/**
 * Finds what acts when a PDF is opened or clicked: JavaScript, launch actions and embedded files.
 * It walks every object reachable from the trailer instead of asking the known places (the
 * catalog's names and open action, pages', annotations' and fields' actions), because an action
 * may hide in any of them and in places PDFBox has no model for (an outline item, the next
 * action of a chain). Streams are seen by their dictionaries; their content is not decoded.
 *
 * <p>Refused: a /JS entry or an action of type JavaScript, a /JavaScript names tree, an XFA form
 * (its scripts run in the reader); a Launch action; an embedded file, a file attachment
 * annotation or an /EmbeddedFiles names tree (a document handed in is one document, and an
 * attachment would pass unchecked). Links to web pages and form fields without actions pass.
 */
final class ActiveContent {

    /** More objects than any scanned or printed certificate has; a bound on the walk's time. */
    private static final int MOST_OBJECTS = 500_000;

    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName XFA = COSName.getPDFName("XFA");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

    private ActiveContent() {
    }

    static Optional<Broken> in(COSDictionary trailer) {
        Deque<COSBase> todo = new ArrayDeque<>();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        todo.push(trailer);
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (next instanceof COSObject indirect) {
                next = indirect.getObject();
            }
            if (!(next instanceof COSDictionary) && !(next instanceof COSArray) || !seen.add(next)) {
                continue;
            }
            if (seen.size() > MOST_OBJECTS) {
                return Optional.of(new Broken("upload.pdf-unreadable"));
            }
            if (next instanceof COSDictionary dictionary) {
                Optional<Broken> broken = brokenBy(dictionary);
                if (broken.isPresent()) {
                    return broken;
                }
                dictionary.getValues().forEach(todo::push);
            } else {
                ((COSArray) next).forEach(todo::push);
            }
        }
        return Optional.empty();
    }

    private static Optional<Broken> brokenBy(COSDictionary d) {
        COSName action = d.getCOSName(COSName.S);
        if (d.containsKey(JS) || JAVASCRIPT.equals(action) || d.containsKey(JAVASCRIPT) || d.containsKey(XFA)) {
            return Optional.of(new Broken("upload.pdf-javascript"));
        }
        if (LAUNCH.equals(action)) {
            return Optional.of(new Broken("upload.pdf-launch"));
        }
        if (EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE)) || d.containsKey(EMBEDDED_FILES)
                || FILE_ATTACHMENT.equals(d.getCOSName(COSName.SUBTYPE))) {
            return Optional.of(new Broken("upload.pdf-embedded-file"));
        }
        return Optional.empty();
    }
}
