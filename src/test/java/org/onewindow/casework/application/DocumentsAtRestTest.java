package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.casework.Uploads;
import org.onewindow.shared.upload.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Documents are kept encrypted like the identifiers in them, open for those who may read the case, and staff opening one is recorded. */
@IntegrationTest
class DocumentsAtRestTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LegacyDocuments legacy;
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
    void aStoredDocumentIsNotReadableOnDisk() {
        String secret = "330106199001011234-" + UUID.randomUUID();
        byte[] pdf = SampleFiles.uncompressedPdf(document -> document.getDocumentInformation().setTitle(secret));
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains(secret);
        assertThat(Uploads.upload(citizen, number, "resident-id-card", "身份证.pdf", "application/pdf", pdf).status()).isEqualTo(201);

        byte[] stored = storedContent();
        assertThat(stored).isNotEqualTo(pdf);
        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(secret).doesNotContain("%PDF");

        var opened = Uploads.open(citizen, number, "resident-id-card");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(pdf);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(opened.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(opened.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // altered at rest: refused, never handed out garbled
        jdbc.sql("update application_material set content = set_byte(content, 40, get_byte(content, 40) # 1) "
                + "where application_id = (select id from application where number = :n)").param("n", number).update();
        var altered = Uploads.open(citizen, number, "resident-id-card");
        assertThat(altered.statusCode()).isEqualTo(500);
        String answer = new String(altered.body(), StandardCharsets.UTF_8);
        assertThat(answer).doesNotContain(secret).contains("stored-data-integrity").contains("完整性校验");
        assertThat(altered.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void aDocumentStoredBeforeEncryptionStillOpens() {
        byte[] pdf = SampleFiles.pdf();
        jdbc.sql("""
                insert into application_material (id, application_id, material_code, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by)
                select gen_random_uuid(), id, 'resident-id-card', 'old-scan.pdf', 'application/pdf', :size, repeat('0', 64), :content, applicant
                from application where number = :n""")
                .param("size", pdf.length).param("content", pdf).param("n", number).update();

        assertThat(Uploads.open(citizen, number, "resident-id-card").body()).isEqualTo(pdf);

        assertThat(legacy.encryptAll()).isGreaterThanOrEqualTo(1);
        assertThat(storedContent()).isNotEqualTo(pdf);
        assertThat(Uploads.open(citizen, number, "resident-id-card").body()).isEqualTo(pdf);
        assertThat(legacy.encryptAll()).isZero();
    }

    @Test
    void staffOfTheRegionOpeningADocumentIsRecordedAndNoOneElseCanOpenIt() {
        byte[] pdf = SampleFiles.pdf();
        Uploads.upload(citizen, number, "resident-id-card", "身份证.pdf", "application/pdf", pdf);

        assertThat(Uploads.open(people.lisi(), number, "resident-id-card").statusCode()).isEqualTo(404);
        assertThat(Uploads.open(people.anonymous(), number, "resident-id-card").statusCode()).isEqualTo(401);
        assertThat(Uploads.open(citizen, number, "business-premises-proof").statusCode()).isEqualTo(404);
        assertThat(recordedReads()).isZero();

        var openedByStaff = Uploads.open(people.xihuMarketHandler(), number, "resident-id-card");
        assertThat(openedByStaff.statusCode()).isEqualTo(200);
        assertThat(openedByStaff.body()).isEqualTo(pdf);
        assertThat(recordedReads()).isEqualTo(1);
        // the applicant's own look is not someone else's read
        Uploads.open(citizen, number, "resident-id-card");
        assertThat(recordedReads()).isEqualTo(1);
    }

    private int recordedReads() {
        return jdbc.sql("select count(*) from audit_event where action = 'casework.document-read' and detail = :detail")
                .param("detail", number + " resident-id-card").query(Integer.class).single();
    }

    private byte[] storedContent() {
        return jdbc.sql("""
                select content from application_material where application_id = (select id from application where number = :n)
                order by uploaded_at desc limit 1""")
                .param("n", number).query(byte[].class).single();
    }
}
