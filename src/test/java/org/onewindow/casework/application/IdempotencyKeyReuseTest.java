package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An Idempotency-Key stands for one request: a retry gets the first answer, a different request under it is refused. */
@IntegrationTest
class IdempotencyKeyReuseTest {

    private static final String SHOP = "{\"itemCode\": \"MR-002\", \"regionCode\": \"330106\", \"form\": "
            + "{\"shopName\": \"%s\", \"businessScope\": \"小吃\", \"organizationForm\": \"INDIVIDUAL\"}}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reusingAnIdempotencyKeyWithADifferentBodyIs422() {
        PlatformClient citizen = DemoPeople.at(port).zhangsan();
        String key = "retry-" + UUID.randomUUID();
        var first = submit(citizen, key, SHOP.formatted("王记面馆"));
        assertThat(first.status()).isEqualTo(201);
        String number = first.json().path("number").asString();

        // the same request again (its keys in another order): the first application, nothing new
        var retry = submit(citizen, key, "{\"regionCode\": \"330106\", \"itemCode\": \"MR-002\", \"form\": "
                + "{\"organizationForm\": \"INDIVIDUAL\", \"businessScope\": \"小吃\", \"shopName\": \"王记面馆\"}}");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("number").asString()).isEqualTo(number);

        var different = submit(citizen, key, SHOP.formatted("另一家店"));
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.contentType()).startsWith("application/problem+json");
        assertThat(different.firstError()).isEqualTo("Idempotency-Key idempotency-key-reused");
        assertThat(jdbc.sql("select count(*) from application where idempotency_key = :key").param("key", key)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select form ->> 'shopName' from application where number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("王记面馆");
    }

    @Test
    void aLifeEventUnderAUsedKeyWithOtherAnswersIs422() {
        PlatformClient agent = DemoPeople.at(port).xihuRestaurant();
        String key = "bundle-" + UUID.randomUUID();
        String forms = """
                {"MR-002": {"shopName": "%s", "businessScope": "中餐", "organizationForm": "INDIVIDUAL"},
                 "MR-001": {"premisesAddress": "西湖区文三路8号", "mainActivity": "RESTAURANT"}}""";
        String bundle = "{\"bundleCode\": \"open-restaurant\", \"regionCode\": \"330106\", \"forms\": %s}";
        var first = submit(agent, "/api/v1/casework/applications/bundles", key, bundle.formatted(forms.formatted("西湖味道小馆")));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var different = submit(agent, "/api/v1/casework/applications/bundles", key, bundle.formatted(forms.formatted("别的馆子")));
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.firstError()).isEqualTo("Idempotency-Key idempotency-key-reused");
    }

    private static PlatformClient.Response submit(PlatformClient client, String key, String json) {
        return submit(client, "/api/v1/casework/applications", key, json);
    }

    private static PlatformClient.Response submit(PlatformClient client, String path, String key, String json) {
        return client.send(client.request(path).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
