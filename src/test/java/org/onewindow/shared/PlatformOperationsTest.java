package org.onewindow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What an operator relies on: a durable database, health, metrics, API docs, request ids. */
@IntegrationTest
class PlatformOperationsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    DemoPeople people;
    PlatformClient platform;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        platform = people.anonymous();
    }

    @Test
    void theEmbeddedDatabaseIsRealAndDurable() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 18");
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void healthIsPublicAndMetricsAreForAdministrators() {
        var health = platform.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(platform.get("/actuator/prometheus").status()).isIn(302, 401);
        var metrics = people.provinceAdministrator().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        var docs = platform.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/catalog/items")).isTrue();
        assertThat(platform.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesThePlatformsOwnRequestIdAndKeepsASaneClientIdBesideIt() {
        assertThat(platform.get("/api/v1/catalog/bundles").requestId()).hasSizeGreaterThan(8);
        var sent = platform.send(platform.request("/api/v1/catalog/bundles").header("X-Request-Id", "trace-12345678").GET());
        assertThat(sent.requestId()).isNotEqualTo("trace-12345678").hasSizeGreaterThan(8);
        var replaced = platform.send(platform.request("/api/v1/catalog/bundles").header("X-Request-Id", "<script>").GET());
        assertThat(replaced.requestId()).doesNotContain("<");
    }

    @Test
    void unknownApiPathsAnswerWithAProblemAndUnknownPagesWithAPage() {
        var api = people.provinceAdministrator().get("/api/v1/catalog/nothing-here/at-all");
        assertThat(api.status()).isEqualTo(404);
        var page = platform.send(platform.request("/items/NO-999").header("Accept", "text/html").GET());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html");
    }

    @Test
    void formsAreProtectedAgainstCrossSiteRequests() {
        var forged = platform.send(platform.request("/register").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=forged&password=a-long-password&name=x&idNumber=1")));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from account where username = 'forged'").query(Integer.class).single()).isZero();
    }

    @Test
    void adminPagesNeedAnAdministrator() throws Exception {
        var anonymous = platform.get("/admin/catalog");
        assertThat(anonymous.status()).isIn(302, 401);
        assertThat(new org.onewindow.FormBrowser(port).signIn("zhangsan", DemoPeople.PASSWORD).get("/admin/catalog").statusCode())
                .isEqualTo(403);
    }

    @Test
    void searchPagesEscapeWhatPeopleType() {
        var page = platform.get("/search?q=" + PlatformClient.encode("<script>alert(1)</script>"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }
}
