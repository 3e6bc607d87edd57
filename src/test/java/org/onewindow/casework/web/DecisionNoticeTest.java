package org.onewindow.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The decision notice of an approved application: a PDF in Chinese for the applicant and staff in duty, 404 for anyone else. */
@IntegrationTest
class DecisionNoticeTest {

    private static final String SHOP = "{\"shopName\": \"宋记面包\", \"businessScope\": \"面包\", \"organizationForm\": \"INDIVIDUAL\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    DemoPeople people;

    @BeforeEach
    void people() {
        people = DemoPeople.at(port);
    }

    @Test
    void theApplicantGetsAPdfThatSaysTheDecisionInChinese() throws Exception {
        String number = DemoCases.of(people).decided(people.zhangsan(), "MR-002", SHOP);
        FormBrowser zhangsan = new FormBrowser(port).signIn("zhangsan", DemoPeople.PASSWORD);
        assertThat(zhangsan.get("/applications/" + number).body()).contains("id=\"decision-notice\"");

        HttpResponse<byte[]> notice = zhangsan.download("/applications/" + number + "/notice");

        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        // kept beside the browser journeys' screenshots for a person to look at
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "decision-notice.pdf"), notice.body());
        try (PDDocument pdf = Loader.loadPDF(notice.body())) {
            String words = new PDFTextStripper().getText(pdf);
            assertThat(words).contains("行政审批决定书", number, "个体工商户设立登记", "准予批准", "西湖区市场监督管理局", "符合条件")
                    // the ID number masked: its first and last four characters only
                    .containsPattern("\\d{4}\\*{10}[0-9X]{4}");
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).as("the Chinese glyphs travel with the notice").isTrue();
        }
    }

    @Test
    void staffInDutyPrintItRecordedAndEveryoneElseGetsNotFound() throws Exception {
        String decided = DemoCases.of(people).decided(people.zhangsan(), "MR-002", SHOP);
        String waiting = DemoCases.of(people).submitted(people.zhangsan(), "MR-002", SHOP);

        FormBrowser handler = new FormBrowser(port).signIn("handler.xihu.mr", DemoPeople.PASSWORD);
        assertThat(handler.download("/applications/" + decided + "/notice").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'handler.xihu.mr' and purpose = 'decision-notice' and detail = :n")
                .param("n", decided).query(Integer.class).single()).isEqualTo(1);

        FormBrowser lisi = new FormBrowser(port).signIn("lisi", DemoPeople.PASSWORD);
        assertThat(lisi.download("/applications/" + decided + "/notice").statusCode()).isEqualTo(404);
        FormBrowser zhangsan = new FormBrowser(port).signIn("zhangsan", DemoPeople.PASSWORD);
        // not approved (yet): there is no notice
        assertThat(zhangsan.download("/applications/" + waiting + "/notice").statusCode()).isEqualTo(404);
        assertThat(zhangsan.get("/applications/" + waiting).body()).doesNotContain("decision-notice");
    }
}
