package org.onewindow.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.FormBrowser.FormFile;
import org.onewindow.IntegrationTest;
import org.onewindow.shared.upload.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Documents handed in on the pages, without JavaScript: with the application form, in the answer
 * to a correction and on the status page; a refused file is said next to its field, keeps what
 * was typed and leaves nothing behind; staff download them (recorded), strangers get 404.
 */
@IntegrationTest
class DocumentPagesTest {

    private static final byte[] PDF = SampleFiles.pdf();
    private static final byte[] PNG = SampleFiles.image("png", 20, 20);
    private static final Map<String, String> SHOP = Map.of("form.shopName", "林记茶铺", "form.businessScope", "茶叶零售",
            "form.organizationForm", "INDIVIDUAL", "regionCode", DemoCases.XIHU);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    DemoPeople people;
    FormBrowser zhangsan;

    @BeforeEach
    void signIn() throws Exception {
        people = DemoPeople.at(port);
        zhangsan = new FormBrowser(port).signIn("zhangsan", DemoPeople.PASSWORD);
    }

    @Test
    void theFormSaysWhatEachDocumentTakesAndSendsThemWithTheApplication() throws Exception {
        HttpResponse<String> form = zhangsan.get("/items/MR-002/apply");
        // the token in the address too: an upload too large to be parsed still reaches the page that refuses it
        assertThat(form.body()).contains("action=\"/items/MR-002/apply?_csrf=", "enctype=\"multipart/form-data\"", "name=\"materials.resident-id-card\"",
                "name=\"materials.premises-proof\"", "PDF、JPG 或 PNG 文件，不超过 10 MB", "居民身份证");

        HttpResponse<String> sent = zhangsan.postMultipart("/items/MR-002/apply", form.body(), withKey(SHOP), List.of(
                new FormFile("materials.resident-id-card", "身份证.pdf", "application/pdf", PDF),
                new FormFile("materials.premises-proof", "租赁合同.png", "image/png", PNG)));

        assertThat(sent.statusCode()).isEqualTo(303);
        String number = sent.headers().firstValue("Location").orElseThrow().replaceAll(".*/applications/", "");
        assertThat(documents(number)).isEqualTo(2);
        String status = zhangsan.get("/applications/" + number).body();
        // the documents by their names, not their codes
        assertThat(status).contains("居民身份证", "经营场所使用证明（产权证明或租赁合同）", "下载 身份证.pdf")
                .doesNotContain("resident-id-card: ", "premises-proof: ");
        HttpResponse<String> own = zhangsan.get("/applications/" + number + "/materials/resident-id-card/file");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    }

    @Test
    void aDisguisedFileIsSaidAtItsFieldKeepsWhatWasTypedAndLeavesNoApplication() throws Exception {
        int before = applicationsOfZhangsan();
        HttpResponse<String> form = zhangsan.get("/items/MR-002/apply");

        HttpResponse<String> refused = zhangsan.postMultipart("/items/MR-002/apply", form.body(), withKey(SHOP), List.of(
                new FormFile("materials.resident-id-card", "身份证.pdf", "application/pdf", PDF),
                new FormFile("materials.premises-proof", "合同.pdf", "application/pdf", PNG)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"materials-premises-proof-error\"", "与文件名或声明的类型不符", "value=\"林记茶铺\"",
                "href=\"#materials-premises-proof\"");
        assertThat(applicationsOfZhangsan()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAPlainPageAndLeavesNoApplication() throws Exception {
        int before = applicationsOfZhangsan();
        HttpResponse<String> form = zhangsan.get("/items/MR-002/apply");
        byte[] large = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, large, 0, PDF.length);

        HttpResponse<String> refused = zhangsan.postMultipart("/items/MR-002/apply", form.body(), withKey(SHOP), List.of(
                new FormFile("materials.resident-id-card", "身份证.pdf", "application/pdf", large)));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("<html");
        assertThat(applicationsOfZhangsan()).isEqualTo(before);
    }

    @Test
    void theAnswerToACorrectionBringsTheDocumentItAskedFor() throws Exception {
        String number = DemoCases.of(people).returnedForCorrection(people.zhangsan(), "MR-002",
                "{\"shopName\": \"林记茶铺\", \"businessScope\": \"茶叶零售\", \"organizationForm\": \"INDIVIDUAL\"}", "请补充经营场所证明");
        HttpResponse<String> page = zhangsan.get("/applications/" + number);
        assertThat(page.body()).contains("id=\"correction-form\"", "name=\"materials.premises-proof\"");

        HttpResponse<String> refused = zhangsan.postMultipart("/applications/" + number + "/correction", page.body(),
                Map.of("form.shopName", "林记茶铺", "form.businessScope", "茶叶、茶具零售", "form.organizationForm", "INDIVIDUAL"),
                List.of(new FormFile("materials.premises-proof", "合同.jpg", "image/jpeg", PDF)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"materials-premises-proof-error\"", "茶叶、茶具零售");
        assertThat(documents(number)).isZero();
        assertThat(state(number)).isEqualTo("RETURNED_FOR_CORRECTION");

        HttpResponse<String> answered = zhangsan.postMultipart("/applications/" + number + "/correction", page.body(),
                Map.of("form.shopName", "林记茶铺", "form.businessScope", "茶叶、茶具零售", "form.organizationForm", "INDIVIDUAL"),
                List.of(new FormFile("materials.premises-proof", "合同.pdf", "application/pdf", PDF)));
        assertThat(answered.statusCode()).isEqualTo(303);
        assertThat(documents(number)).isEqualTo(1);
        assertThat(state(number)).isEqualTo("SUBMITTED");
    }

    @Test
    void aDocumentIsAddedOnTheStatusPageWhileTheApplicationWaits() throws Exception {
        String number = DemoCases.of(people).submitted(people.zhangsan(), "MR-002",
                "{\"shopName\": \"林记茶铺\", \"businessScope\": \"茶叶零售\", \"organizationForm\": \"INDIVIDUAL\"}");
        HttpResponse<String> page = zhangsan.get("/applications/" + number);
        assertThat(page.body()).contains("id=\"documents-form\"");

        HttpResponse<String> nothing = zhangsan.postMultipart("/applications/" + number + "/materials", page.body(), Map.of(), List.of());
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertThat(nothing.body()).contains("请至少选择一个文件");

        HttpResponse<String> added = zhangsan.postMultipart("/applications/" + number + "/materials", page.body(), Map.of(),
                List.of(new FormFile("materials.individual-business-form", "申请书.pdf", "application/pdf", PDF)));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(zhangsan.get("/applications/" + number).body()).contains("材料已收到", "个体工商户登记（备案）申请书", "下载 申请书.pdf");
    }

    @Test
    void staffOpeningADocumentIsRecordedAndSomeoneElseGetsNotFound() throws Exception {
        String number = DemoCases.of(people).submitted(people.zhangsan(), "MR-002",
                "{\"shopName\": \"林记茶铺\", \"businessScope\": \"茶叶零售\", \"organizationForm\": \"INDIVIDUAL\"}");
        HttpResponse<String> page = zhangsan.get("/applications/" + number);
        zhangsan.postMultipart("/applications/" + number + "/materials", page.body(), Map.of(),
                List.of(new FormFile("materials.resident-id-card", "身份证.pdf", "application/pdf", PDF)));

        FormBrowser clerk = new FormBrowser(port).signIn("clerk.xihu", DemoPeople.PASSWORD);
        String office = clerk.get("/office/applications/" + number).body();
        assertThat(office).contains("居民身份证", "href=\"/office/applications/" + number + "/materials/resident-id-card/file\"");
        assertThat(clerk.get("/office/applications/" + number + "/materials/resident-id-card/file").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where actor = 'clerk.xihu' and purpose = 'document-opened' and subject = 'zhangsan'
                and detail = :detail""").param("detail", number + " resident-id-card").query(Integer.class).single()).isEqualTo(1);

        FormBrowser lisi = new FormBrowser(port).signIn("lisi", DemoPeople.PASSWORD);
        assertThat(lisi.get("/applications/" + number + "/materials/resident-id-card/file").statusCode()).isEqualTo(404);
        String lisiPage = lisi.get("/applications").body();
        HttpResponse<String> intruding = lisi.postMultipart("/applications/" + number + "/materials", lisiPage, Map.of(),
                List.of(new FormFile("materials.resident-id-card", "身份证.pdf", "application/pdf", PDF)));
        assertThat(intruding.statusCode()).isEqualTo(404);
        assertThat(documents(number)).isEqualTo(1);
    }

    private Map<String, String> withKey(Map<String, String> fields) {
        var all = new java.util.LinkedHashMap<>(fields);
        all.put("idempotencyKey", java.util.UUID.randomUUID().toString());
        return all;
    }

    private int documents(String number) {
        return jdbc.sql("select count(*) from application_material where application_id = (select id from application where number = :n)")
                .param("n", number).query(Integer.class).single();
    }

    private String state(String number) {
        return jdbc.sql("select state from application where number = :n").param("n", number).query(String.class).single();
    }

    private int applicationsOfZhangsan() {
        return jdbc.sql("select count(*) from application where applicant = 'zhangsan'").query(Integer.class).single();
    }
}
