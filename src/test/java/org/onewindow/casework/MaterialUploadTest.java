package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Documents are judged by their content, limited in size, and kept only with the step that records them. */
@IntegrationTest
class MaterialUploadTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

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
        number = DemoCases.of(people).submitted(citizen, "MR-002",
                "{\"shopName\": \"李记小吃\", \"businessScope\": \"小吃\", \"organizationForm\": \"INDIVIDUAL\"}");
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
        assertThat(pngCalledPdf.firstError()).isEqualTo("file material.type-mismatch");

        var script = upload(citizen, "resident-id-card", "id.pdf", "application/pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(script.firstError()).isEqualTo("file material.type-not-accepted");

        var empty = upload(citizen, "resident-id-card", "id.pdf", "application/pdf", new byte[0]);
        assertThat(empty.firstError()).isEqualTo("file material.empty");
        assertThat(storedFiles()).isZero();
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

    private int storedFiles() {
        return jdbc.sql("select count(*) from application_material m join application a on a.id = m.application_id where a.number = :n")
                .param("n", number).query(Integer.class).single();
    }

    private PlatformClient.Response upload(PlatformClient who, String materialCode, String fileName, String type, byte[] content) {
        String boundary = "----onewindow" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\n" + materialCode + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return who.send(who.request("/api/v1/casework/applications/" + number + "/materials")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
