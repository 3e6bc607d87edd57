package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.shared.upload.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Documents are judged by their content, limited in size, and kept only with the step that records them. */
@IntegrationTest
class MaterialUploadTest {

    private static final byte[] PDF = SampleFiles.pdf();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final String SHOP = "{\"shopName\": \"李记小吃\", \"businessScope\": \"小吃\", \"organizationForm\": \"INDIVIDUAL\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    DemoPeople people;
    PlatformClient citizen;
    String number;

    @BeforeEach
    void anApplication() {
        people = DemoPeople.at(port);
        citizen = people.zhangsan();
        number = DemoCases.of(people).submitted(citizen, "MR-002", SHOP);
    }

    @Test
    void aRealPdfIsKeptWithItsFingerprintAndAStep() {
        var uploaded = upload(citizen, "resident-id-card", "身份证.pdf", "application/pdf", PDF);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().path("materials").path(0).path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(uploaded.json().path("materials").path(0).path("sha256").asString()).hasSize(64);
        assertThat(uploaded.body()).contains("material-uploaded");
        assertThat(storedFiles()).isEqualTo(1);
    }

    @Test
    void aFileIsJudgedByItsContentNotItsName() {
        var pngCalledPdf = upload(citizen, "resident-id-card", "id.pdf", "application/pdf", PNG);
        assertThat(pngCalledPdf.status()).isEqualTo(422);
        assertThat(pngCalledPdf.firstError()).isEqualTo("file upload.type-mismatch");

        var script = upload(citizen, "resident-id-card", "id.pdf", "application/pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(script.firstError()).isEqualTo("file upload.type-not-accepted");

        var empty = upload(citizen, "resident-id-card", "id.pdf", "application/pdf", new byte[0]);
        assertThat(empty.firstError()).isEqualTo("file upload.empty");
        assertThat(storedFiles()).isZero();
    }

    @Test
    void aPdfWithJavaScriptIsRefused() {
        byte[] scripted = SampleFiles.pdf(document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)")));
        var refused = upload(citizen, "resident-id-card", "身份证.pdf", "application/pdf", scripted);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.firstError()).isEqualTo("file upload.pdf-javascript");
        assertThat(refused.json().path("errors").path(0).path("message").asString()).contains("JavaScript");
        assertThat(storedFiles()).isZero();
    }

    @Test
    void aDecompressionBombPngIsRefusedBeforeDecoding() {
        var refused = upload(citizen, "resident-id-card", "身份证.png", "image/png", SampleFiles.pngClaiming(50_000, 50_000));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.firstError()).isEqualTo("file upload.image-too-large");
        assertThat(storedFiles()).isZero();
        assertThat(upload(citizen, "resident-id-card", "身份证.png", "image/png", SampleFiles.image("png", 800, 600)).status()).isEqualTo(201);
    }

    @Test
    void anApplicantCannotExceedTheStorageQuota() {
        PlatformClient newcomer = people.aNewCitizen().client();
        String first = DemoCases.of(people).submitted(newcomer, "MR-002", SHOP);
        // documents already kept, counted in the database (uploaded through another node, say): 50 MB but 100 bytes
        assertThat(PDF.length).isGreaterThan(100);
        keptAlready(first, 50L * 1024 * 1024 - 100);
        var overApplication = Uploads.upload(newcomer, first, "premises-proof", "租赁合同.pdf", "application/pdf", PDF);
        assertThat(overApplication.status()).isEqualTo(422);
        assertThat(overApplication.firstError()).isEqualTo("file material.application-quota");
        assertThat(overApplication.json().path("errors").path(0).path("message").asString()).contains("50");

        keptAlready(first, 450L * 1024 * 1024);
        String second = DemoCases.of(people).submitted(newcomer, "MR-002", SHOP);
        var overPerson = Uploads.upload(newcomer, second, "resident-id-card", "身份证.pdf", "application/pdf", PDF);
        assertThat(overPerson.firstError()).isEqualTo("file material.person-quota");
        var reusedTooBig = newcomer.post("/api/v1/casework/applications/" + second + "/materials/reuse",
                "{\"materialCode\": \"resident-id-card\", \"fromApplication\": \"" + first + "\", \"fromMaterialCode\": \"resident-id-card\"}");
        // taking a kept document into another application copies it: it counts too
        assertThat(reusedTooBig.firstError()).isEqualTo("fromMaterialCode material.application-quota");
        assertThat(jdbc.sql("select count(*) from application_material m join application a on a.id = m.application_id where a.number = :n")
                .param("n", second).query(Integer.class).single()).isZero();

        // someone else's quota is their own
        assertThat(upload(citizen, "resident-id-card", "身份证.pdf", "application/pdf", PDF).status()).isEqualTo(201);
    }

    @Test
    void onlyDocumentsTheItemAsksForAndOnlyByTheApplicant() {
        assertThat(upload(citizen, "a-photo-of-my-cat", "cat.pdf", "application/pdf", PDF).firstError())
                .isEqualTo("materialCode material.not-asked");
        PlatformClient stranger = people.lisi();
        assertThat(upload(stranger, "resident-id-card", "id.pdf", "application/pdf", PDF).status()).isEqualTo(404);
        assertThat(storedFiles()).isZero();
    }

    @Test
    void aFileOverTheLimitIsRefusedWholeAndNothingIsKept() {
        byte[] huge = Arrays.copyOf(PDF, 11 * 1024 * 1024);
        var tooLarge = upload(citizen, "resident-id-card", "big.pdf", "application/pdf", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(storedFiles()).isZero();
    }

    @Test
    void aDocumentHandedInOnceIsTakenIntoTheNextApplicationWithoutUploadingAgain() {
        upload(citizen, "resident-id-card", "身份证.pdf", "application/pdf", PDF);
        String first = number;
        anApplication();
        assertThat(citizen.get("/api/v1/casework/applications/documents").body()).contains(first, "身份证.pdf");

        var reused = citizen.post("/api/v1/casework/applications/" + number + "/materials/reuse",
                "{\"materialCode\": \"resident-id-card\", \"fromApplication\": \"" + first + "\", \"fromMaterialCode\": \"resident-id-card\"}");
        assertThat(reused.status()).isEqualTo(200);
        assertThat(reused.json().path("materials").path(0).path("fileName").asString()).isEqualTo("身份证.pdf");
        assertThat(reused.body()).contains("material-reused", first);
        assertThat(storedFiles()).isEqualTo(1);

        // only from one's own applications, and only what is there
        PlatformClient stranger = people.lisi();
        assertThat(stranger.get("/api/v1/casework/applications/documents").body()).doesNotContain(first);
        var notMine = stranger.post("/api/v1/casework/applications/" + number + "/materials/reuse",
                "{\"materialCode\": \"resident-id-card\", \"fromApplication\": \"" + first + "\", \"fromMaterialCode\": \"resident-id-card\"}");
        assertThat(notMine.status()).isEqualTo(404);
        var nothingThere = citizen.post("/api/v1/casework/applications/" + number + "/materials/reuse",
                "{\"materialCode\": \"resident-id-card\", \"fromApplication\": \"" + first + "\", \"fromMaterialCode\": \"business-premises-proof\"}");
        assertThat(nothingThere.firstError()).isEqualTo("fromMaterialCode material.not-held");
        assertThat(citizen.post("/api/v1/casework/applications/" + number + "/materials/reuse",
                "{\"materialCode\": \"resident-id-card\", \"fromApplication\": \"OW-nope\", \"fromMaterialCode\": \"resident-id-card\"}")
                .firstError()).isEqualTo("fromApplication material.source-unknown");
        assertThat(storedFiles()).isEqualTo(1);
    }

    /** A document row of that size, written as an earlier upload would have left it. */
    private void keptAlready(String applicationNumber, long size) {
        jdbc.sql("""
                insert into application_material (id, application_id, material_code, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by)
                select gen_random_uuid(), id, 'resident-id-card', 'scan.pdf', 'application/pdf', :size, repeat('0', 64), '\\x00'::bytea, applicant
                from application where number = :n""")
                .param("size", size).param("n", applicationNumber).update();
    }

    private int storedFiles() {
        return jdbc.sql("select count(*) from application_material m join application a on a.id = m.application_id where a.number = :n")
                .param("n", number).query(Integer.class).single();
    }

    private PlatformClient.Response upload(PlatformClient who, String materialCode, String fileName, String type, byte[] content) {
        return Uploads.upload(who, number, materialCode, fileName, type, content);
    }
}
