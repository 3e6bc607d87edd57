package org.onewindow.shared.upload;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDPage;

/** Files to upload, honest and hostile, made by the test itself. */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** What a test does to a one-page PDF before it is saved. */
    public interface PdfChange {
        void apply(PDDocument document) throws IOException;
    }

    /** A one-page PDF as a scanner or an office program would make it. */
    public static byte[] pdf() {
        return pdf(document -> { });
    }

    /** Saved as PDFBox saves by default: most objects inside compressed object streams. */
    public static byte[] pdf(PdfChange change) {
        return pdf(change, CompressParameters.DEFAULT_COMPRESSION);
    }

    /** Saved without object streams, so that what the document says can be found in its bytes. */
    public static byte[] uncompressedPdf(PdfChange change) {
        return pdf(change, CompressParameters.NO_COMPRESSION);
    }

    private static byte[] pdf(PdfChange change, CompressParameters compression) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, compression);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real image of that size, encoded by ImageIO ("png" or "jpg"). */
    public static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0x3366CC);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A PNG of a few hundred bytes whose header claims width x height grey pixels and whose data is
     * a few rows of zeros: as a raster, 50,000 x 50,000 would be 2.5 GB.
     */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[(width + 1) * 4]);
        deflater.finish();
        byte[] compressed = new byte[64 * 1024];
        int length = deflater.deflate(compressed);
        deflater.end();
        chunk(png, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
