package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** One thing, done once: a life event submitted as one form becomes one application per item, followed together. */
@IntegrationTest
class BundleApplicationTest {

    private static final String FORMS = """
            {"MR-002": {"shopName": "西湖味道小馆", "businessScope": "中餐", "organizationForm": "INDIVIDUAL"},
             "MR-001": {"premisesAddress": "西湖区文三路8号", "mainActivity": "RESTAURANT"}}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.onewindow.identity.TestStaff staff;
    DemoPeople people;
    PlatformClient owner;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        owner = people.xihuRestaurant();
        for (String department : List.of("taxation", "human-resources-social-security")) {
            String username = "handler.xihu." + department.substring(0, 2);
            staff.handler(username, "330106", department);
        }
    }

    @Test
    void aLifeEventBecomesOneApplicationPerItemAndIsDoneWhenAllAreDecided() {
        String key = UUID.randomUUID().toString();
        var submitted = submit(key, "open-restaurant", FORMS);
        assertThat(submitted.status()).isEqualTo(201);
        JsonNode bundle = submitted.json();
        List<String> items = new ArrayList<>();
        bundle.path("applications").forEach(a -> items.add(a.path("itemCode").asString()));
        List<String> expected = new ArrayList<>();
        people.anonymous().get("/api/v1/catalog/bundles/open-restaurant").json().path("items")
                .forEach(i -> expected.add(i.path("code").asString()));
        assertThat(items).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(bundle.path("done").asBoolean()).isFalse();

        var again = submit(key, "open-restaurant", FORMS);
        assertThat(again.json().path("number").asString()).isEqualTo(bundle.path("number").asString());
        assertThat(jdbc.sql("select count(*) from application a join application_bundle b on b.id = a.bundle_id where b.number = :n")
                .param("n", bundle.path("number").asString()).query(Integer.class).single()).isEqualTo(expected.size());

        for (JsonNode application : bundle.path("applications")) {
            decide(application.path("number").asString(), application.path("itemCode").asString());
        }
        JsonNode followed = owner.get("/api/v1/casework/applications/bundles/" + bundle.path("number").asString()).json();
        assertThat(followed.path("done").asBoolean()).isTrue();
    }

    @Test
    void everyItemsAnswersAreCheckedBeforeAnythingIsWritten() {
        String key = UUID.randomUUID().toString();
        var missing = submit(key, "open-restaurant", "{\"MR-002\": {\"shopName\": \"小馆\", \"businessScope\": \"中餐\", \"organizationForm\": \"INDIVIDUAL\"}}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("forms.MR-001.premisesAddress", "application.field-required");

        var stray = submit(key, "open-restaurant", FORMS.replace("\"MR-001\"", "\"CA-001\""));
        assertThat(stray.body()).contains("forms.CA-001", "application.bundle-item-unknown");
        assertThat(submit(key, "no-such-event", FORMS).firstError()).isEqualTo("bundleCode application.bundle-unknown");
        assertThat(jdbc.sql("select count(*) from application_bundle where idempotency_key = :k").param("k", key).query(Integer.class).single())
                .isZero();
        assertThat(people.lisi().get("/api/v1/casework/applications/bundles/B-nothing").status())
                .isEqualTo(404);
    }

    private void decide(String number, String itemCode) {
        String department = people.anonymous().get("/api/v1/catalog/items/" + itemCode).json().path("standard").path("department").asString();
        PlatformClient handler = switch (department) {
            case "market-regulation" -> people.xihuMarketHandler();
            case "taxation" -> people.signedIn("handler.xihu.ta");
            default -> people.signedIn("handler.xihu.hu");
        };
        assertThat(handler.post("/api/v1/casework/applications/" + number + "/acceptance", "").status()).isEqualTo(200);
        assertThat(handler.post("/api/v1/casework/applications/" + number + "/review", "").status()).isEqualTo(200);
        assertThat(handler.post("/api/v1/casework/applications/" + number + "/decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"齐全\"]}")
                .status()).isEqualTo(200);
    }

    private PlatformClient.Response submit(String key, String bundle, String forms) {
        String body = "{\"bundleCode\": \"" + bundle + "\", \"regionCode\": \"330106\", \"forms\": " + forms + "}";
        return owner.send(owner.request("/api/v1/casework/applications/bundles").header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
