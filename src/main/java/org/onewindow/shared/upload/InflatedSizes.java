package org.onewindow.shared.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.InflaterInputStream;

/**
 * Measures what the compressed streams of a PDF become when decoded, without keeping any of it:
 * a stream of a few kilobytes can inflate to gigabytes, and PDFBox decodes object and
 * cross-reference streams in memory. Each {@code stream} keyword of the raw file is tried as the
 * start of Flate data, whatever its dictionary says (names in a dictionary can be disguised), and
 * a stream whose decoded content is Flate data again is measured through both layers.
 */
final class InflatedSizes {

    private static final byte[] STREAM = {'s', 't', 'r', 'e', 'a', 'm'};
    /** Decoded bytes of all streams together, as a multiple of the limit for one stream. */
    private static final int TOTAL_PER_STREAM_LIMIT = 16;

    private InflatedSizes() {
    }

    /** Whether one stream decodes to more than the limit, or all of them to more than 16 times it. */
    static boolean exceed(byte[] pdf, long limit) {
        long total = 0;
        for (int at = indexOf(pdf, 0); at >= 0; at = indexOf(pdf, at + STREAM.length)) {
            int start = dataStart(pdf, at + STREAM.length);
            if (start < 0) {
                continue;
            }
            long size = Math.max(decoded(pdf, start, limit, false), decoded(pdf, start, limit, true));
            total += size;
            if (size > limit || total > TOTAL_PER_STREAM_LIMIT * limit) {
                return true;
            }
        }
        return false;
    }

    /** The keyword is followed by CR LF or LF before the data; "endstream" is not a start. */
    private static int dataStart(byte[] pdf, int afterKeyword) {
        if (afterKeyword - STREAM.length >= 3 && pdf[afterKeyword - STREAM.length - 1] == 'd') {
            return -1;
        }
        int at = afterKeyword;
        if (at < pdf.length && pdf[at] == '\r') {
            at++;
        }
        return at < pdf.length && pdf[at] == '\n' ? at + 1 : (at > afterKeyword ? at : -1);
    }

    private static long decoded(byte[] pdf, int start, long limit, boolean twoLayers) {
        try (InputStream one = new InflaterInputStream(new ByteArrayInputStream(pdf, start, pdf.length - start));
             InputStream measured = twoLayers ? new InflaterInputStream(one) : one) {
            return count(measured, limit);
        } catch (IOException closing) {
            return 0;
        }
    }

    /** Bytes read until the end, an error (the decoder of PDFBox would have made as many), or just past the limit. */
    private static long count(InputStream in, long limit) {
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        try {
            for (int n = in.read(buffer); n >= 0 && count <= limit; n = in.read(buffer)) {
                count += n;
            }
        } catch (IOException notFlateOrDamaged) {
            // what was decoded so far counts
        }
        return count;
    }

    private static int indexOf(byte[] haystack, int from) {
        outer:
        for (int i = from; i <= haystack.length - STREAM.length; i++) {
            for (int j = 0; j < STREAM.length; j++) {
                if (haystack[i + j] != STREAM[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
