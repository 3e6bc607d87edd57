package org.onewindow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Anonymous portal pages are rendered once per catalog change, and never served stale or to the wrong person. */
@IntegrationTest
class PublicPageCacheTest {

    @LocalServerPort
    int port;
    DemoPeople people;
    PlatformClient anonymous;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        anonymous = people.anonymous();
    }

    @Test
    void aGuideIsRenderedOnceAndRenderedAgainAfterAPublication() {
        String before = page("/items/TX-004");
        assertThat(cacheHeader("/items/TX-004")).isEqualTo("hit");

        var admin = people.provinceAdministrator();
        ObjectNode standard = (ObjectNode) JsonMapper.builder().build()
                .readTree(anonymous.get("/api/v1/catalog/items/TX-004").body()).path("standard");
        standard.putObject("name").put("zh", "个人所得税综合所得年度汇算（新版）").put("en", "Annual individual income tax return (new)");
        assertThat(admin.post("/api/v1/catalog/items", "{\"code\": \"TX-004\", \"standard\": " + standard + "}").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/catalog/items/TX-004/publish", "").status()).isEqualTo(200);

        assertThat(cacheHeader("/items/TX-004")).isEqualTo("miss");
        assertThat(page("/items/TX-004")).contains("个人所得税综合所得年度汇算（新版）").isNotEqualTo(before);
    }

    @Test
    void languageModeAndFragmentsAreDifferentPages() {
        page("/bundles/retire");
        var english = anonymous.send(anonymous.request("/bundles/retire").header("Cookie", "ow-lang=en").GET());
        assertThat(english.body()).contains("lang=\"en\"");
        var chinese = anonymous.send(anonymous.request("/bundles/retire").GET());
        assertThat(chinese.body()).contains("lang=\"zh-CN\"");
    }

    @Test
    void signedInVisitorsAndCookieSettingAnswersAreNotShared() {
        page("/bundles/have-a-baby");
        PlatformClient zhangsan = people.zhangsan();
        var signedIn = zhangsan.send(zhangsan.request("/bundles/have-a-baby").header("Accept", "text/html").GET());
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(header(zhangsan.request("/bundles/have-a-baby").GET())).isNull();

        assertThat(header(anonymous.request("/bundles/have-a-baby?elderly=on").GET())).isEqualTo("miss");
        assertThat(header(anonymous.request("/bundles/have-a-baby?elderly=on").GET())).isEqualTo("miss");
    }

    private String page(String path) {
        return anonymous.get(path).body();
    }

    private String cacheHeader(String path) {
        return header(anonymous.request(path).GET());
    }

    private String header(HttpRequest.Builder request) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .headers().firstValue("X-Page-Cache").orElse(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
