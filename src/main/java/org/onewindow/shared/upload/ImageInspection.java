package org.onewindow.shared.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.onewindow.shared.upload.UploadInspection.Broken;

/**
 * An image is accepted when its header claims no more than the pixel limit and it then decodes.
 * The size is read from the header (PNG's IHDR, JPEG's frame header) before any pixel is
 * decoded: a few kilobytes of compressed zeros can claim 50,000 x 50,000 pixels, 10 GB as a
 * raster. The decoding that proves it is an image reads every byte of the compressed data but
 * keeps only every n-th pixel, so the raster it builds stays small whatever the limit.
 */
final class ImageInspection {

    /** Pixels kept while proving that an image decodes: about 16 MB as a raster. */
    private static final long PIXELS_KEPT_WHILE_DECODING = 4_000_000;

    private final long maxPixels;

    ImageInspection(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    Optional<Broken> brokenRule(FileKind kind, byte[] content) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(kind.mediaType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime cannot read " + kind.mediaType());
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return Optional.of(new Broken("upload.image-unreadable"));
                }
                if (width * height > maxPixels) {
                    return Optional.of(new Broken("upload.image-too-large", width, height, maxPixels / 1_000_000));
                }
                reader.read(0, subsampled(reader, width * height));
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            // ImageIO reports damaged data with IOException, and with runtime exceptions
            // (IllegalArgumentException, ArrayIndexOutOfBoundsException...) as well
            return Optional.of(new Broken("upload.image-unreadable"));
        }
    }

    private static ImageReadParam subsampled(ImageReader reader, long pixels) {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.ceil(Math.sqrt((double) pixels / PIXELS_KEPT_WHILE_DECODING));
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        return param;
    }
}
