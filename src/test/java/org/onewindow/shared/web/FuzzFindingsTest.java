package org.onewindow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What fuzzing the platform found once, each answered as a government system should: never a 500, never Tomcat's own page. */
@IntegrationTest
class FuzzFindingsTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Test
    void anEncodedSlashGetsAProblemDetail() {
        RawHttp raw = new RawHttp(port);
        for (String path : new String[] {"/api/v1/catalog/items/MR-001%2Fdraft", "/api/v1/catalog/items/%zz", "/api/v1/catalog/items/MR%00-001",
                "/api/v1/catalog/items;jsessionid=x/MR-001", "/api/v1/catalog/items/MR-001%5C..%5Cdraft", "/api/v1/catalog/../../etc/passwd"}) {
            var answer = raw.get(path, "Accept: text/html");
            assertThat(answer.status()).as(path).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(answer.body()).as(path).doesNotContainIgnoringCase("tomcat").contains("\"status\":" + answer.status());
        }
        for (String path : new String[] {"/items/MR-001%2Fx", "/items/%zz", "/items;x=1/MR-001"}) {
            var answer = raw.get(path, "Accept: text/html");
            assertThat(answer.status()).as(path).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(answer.body()).as(path).doesNotContainIgnoringCase("tomcat").contains("/css/onewindow.css");
        }
    }

    @Test
    void anInvalidCharacterInTheRequestLineIsNoTomcatPage() {
        var answer = new RawHttp(port).get("/api/v1/catalog/items/{MR}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContainIgnoringCase("tomcat");
    }

    @Test
    void anAnonymousLookAtADraftIsAskedToSignIn() {
        var answer = DemoPeople.at(port).anonymous().get("/api/v1/catalog/items/MR-001/draft");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(DemoPeople.at(port).zhangsan().get("/api/v1/catalog/items/MR-001/draft").status()).isEqualTo(403);
    }

    @Test
    void aNulByteInAnUploadsFileNameIsRefusedNamingTheField() {
        DemoPeople people = DemoPeople.at(port);
        PlatformClient citizen = people.zhangsan();
        String number = DemoCases.of(people).submitted(citizen, "MR-002",
                "{\"shopName\": \"李记小吃\", \"businessScope\": \"小吃\", \"organizationForm\": \"INDIVIDUAL\"}");
        for (String name : new String[] {"id\0.pdf", "\0", "id.pdf\0.exe"}) {
            var answer = upload(citizen, number, "resident-id-card", name);
            assertThat(answer.status()).as(name).isBetween(400, 422);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("errors").path(0).path("field").asString()).isEqualTo("file");
        }
        var nulInParameter = upload(citizen, number, "resident\0-id-card", "id.pdf");
        assertThat(nulInParameter.status()).isEqualTo(400);
        assertThat(nulInParameter.json().path("errors").path(0).path("field").asString()).isEqualTo("materialCode");
    }

    @Test
    void aNulByteInAJsonStringIsRefusedNamingTheField() {
        var answer = DemoPeople.at(port).zhangsan().apply("{\"itemCode\": \"MR-002\", \"regionCode\": \"330106\", "
                + "\"form\": {\"shopName\": \"李记\\u0000小吃\", \"businessScope\": \"小吃\", \"organizationForm\": \"INDIVIDUAL\"}}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").path(0).path("field").asString()).isEqualTo("form.shopName");
    }

    @Test
    void aBundleWithoutDescriptionDoesNotBreakTheHomePage() {
        DemoPeople people = DemoPeople.at(port);
        PlatformClient province = people.provinceAdministrator();
        var drafted = province.post("/api/v1/catalog/bundles", """
                {"code": "open-shop-plain", "name": {"zh": "开小店一件事", "en": "Open a small shop"}, "audience": "ENTERPRISE",
                 "itemCodes": ["MR-002", "MR-001"]}""");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        assertThat(province.post("/api/v1/catalog/bundles/open-shop-plain/publish", "").status()).isEqualTo(200);

        PlatformClient anyone = people.anonymous();
        for (String path : new String[] {"/", "/bundles", "/bundles/open-shop-plain", "/?lang=en", "/?elderly=on"}) {
            var page = anyone.send(anyone.request(path).header("Accept", "text/html").GET());
            assertThat(page.status()).as(path).isEqualTo(200);
        }
        assertThat(anyone.get("/api/v1/catalog/bundles").body()).contains("open-shop-plain");
    }

    private static PlatformClient.Response upload(PlatformClient client, String number, String materialCode, String fileName) {
        String boundary = "----fuzz" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\n" + materialCode + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(PDF);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(client.request("/api/v1/casework/applications/" + number + "/materials")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
