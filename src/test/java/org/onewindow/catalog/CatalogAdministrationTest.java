package org.onewindow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onewindow.PlatformClient.encode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One standard, everywhere: the province drafts and publishes versions of items, published
 * versions are never edited, and cities and counties may tighten but never loosen the standard.
 */
@IntegrationTest
class CatalogAdministrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    final JsonMapper json = JsonMapper.builder().build();
    DemoPeople people;
    PlatformClient anonymous;
    PlatformClient province;
    PlatformClient county;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        anonymous = people.anonymous();
        province = people.provinceAdministrator();
        county = people.xihuAdministrator();
    }

    @Test
    void theProvincePublishesANewItemAndItBecomesSearchable() {
        ObjectNode standard = standardOf("MR-001");
        standard.putObject("name").put("zh", "网络食品交易第三方平台备案").put("en", "Online food trading platform filing");
        var draft = province.post("/api/v1/catalog/items", body("MR-901", standard));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(anonymous.get("/api/v1/catalog/items/MR-901").status()).isEqualTo(404);

        var published = province.post("/api/v1/catalog/items/MR-901/publish", "");
        assertThat(published.status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/catalog/items/MR-901").json().path("version").asInt()).isEqualTo(1);
        assertThat(codes(anonymous.get("/api/v1/catalog/items?q=" + encode("网络食品交易")).json())).contains("MR-901");
        assertThat(jdbc.sql("select actor from audit_event where action = 'catalog.item-published' and subject = 'MR-901'")
                .query(String.class).list()).containsExactly("admin");
    }

    @Test
    void aPublishedVersionIsNeverEditedInPlace() {
        ObjectNode standard = standardOf("MR-001");
        province.post("/api/v1/catalog/items", body("MR-902", standard));
        province.post("/api/v1/catalog/items/MR-902/publish", "");

        var edit = province.put("/api/v1/catalog/items/MR-902/draft", standard.toString());
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().path("type").asString()).endsWith("item.published-immutable");

        // Even a direct write to the table is refused by the database.
        assertThatThrownBy(() -> jdbc.sql("update service_item set promised_days = 0 where code = 'MR-902'").update())
                .hasMessageContaining("cannot be changed");

        // A change is a new version; the old one is retired, not overwritten.
        standard.put("promisedDays", 1);
        assertThat(province.post("/api/v1/catalog/items", body("MR-902", standard)).status()).isEqualTo(201);
        assertThat(province.post("/api/v1/catalog/items/MR-902/publish", "").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/catalog/items/MR-902").json().path("version").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select status from service_item where code = 'MR-902' order by version").query(String.class).list())
                .containsExactly("RETIRED", "PUBLISHED");
    }

    @Test
    void anInconsistentItemIsRefusedFieldByField() {
        ObjectNode standard = standardOf("MR-001");
        standard.put("statutoryDays", 5).put("promisedDays", 9);
        standard.putObject("name").put("zh", "只有中文").put("en", "");
        var response = province.post("/api/v1/catalog/items", body("MR-903", standard));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"promisedDays\"", "item.promised-within-statutory",
                "\"field\":\"name\"", "text.bilingual-required");
        assertThat(versionsOf("MR-903")).isZero();
    }

    @Test
    void onlyTheProvinceSetsTheStandard() {
        ObjectNode standard = standardOf("MR-001");
        assertThat(anonymous.post("/api/v1/catalog/items", body("MR-904", standard)).status()).isEqualTo(401);
        assertThat(people.zhangsan().post("/api/v1/catalog/items", body("MR-904", standard)).status()).isEqualTo(403);
        var byCounty = county.post("/api/v1/catalog/items", body("MR-904", standard));
        assertThat(byCounty.status()).isEqualTo(403);
        assertThat(byCounty.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.as("admin", "wrong-password").get("/api/v1/catalog/items/MR-001/draft").status()).isEqualTo(401);
        assertThat(versionsOf("MR-904")).isZero();
    }

    @Test
    void aCountyMayTightenButNeverLoosenTheStandard() {
        JsonNode standard = standardOf("MR-001");
        int days = standard.path("promisedDays").asInt();
        String path = "/api/v1/catalog/items/MR-001/local-implementations/330106";

        var looser = county.put(path, "{\"promisedDays\": " + (days + 1) + "}");
        assertThat(looser.status()).isEqualTo(422);
        assertThat(looser.firstError()).isEqualTo("promisedDays local.more-days");

        var moreMaterials = county.put(path, "{\"materialCodes\": [\"resident-id-card\", \"hand-written-letter-from-mayor\"]}");
        assertThat(moreMaterials.status()).isEqualTo(422);
        assertThat(moreMaterials.firstError()).isEqualTo("materialCodes local.more-materials");

        var moreVisits = county.put("/api/v1/catalog/items/MR-001/local-implementations/330110", "{\"visits\": 1}");
        assertThat(moreVisits.status()).isIn(403, 422);

        Integer before = localPromisedDays("330212");
        var elsewhere = county.put("/api/v1/catalog/items/MR-001/local-implementations/330212",
                "{\"promisedDays\": 0, \"address\": {\"zh\": \"别处\", \"en\": \"Elsewhere\"}}");
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(localPromisedDays("330212")).isEqualTo(before);

        var tighter = county.put(path, "{\"promisedDays\": " + Math.max(0, days - 1)
                + ", \"address\": {\"zh\": \"西湖区行政服务中心\", \"en\": \"Xihu District Service Centre\"}, \"phone\": \"0571-12345\"}");
        assertThat(tighter.status()).isEqualTo(200);
        assertThat(localPromisedDays("330106")).isEqualTo(Math.max(0, days - 1));
    }

    @Test
    void brokenRequestsAreNamedAndWriteNothing() {
        var malformed = province.post("/api/v1/catalog/items", "{\"code\": \"MR-905\", \"standard\": {");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.firstError()).isEqualTo("body malformed-json");

        ObjectNode standard = standardOf("MR-001");
        standard.put("favouriteColour", "blue");
        var unknown = province.post("/api/v1/catalog/items", body("MR-905", standard));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.firstError()).isEqualTo("standard.favouriteColour unknown-field");

        ObjectNode wrongType = standardOf("MR-001");
        wrongType.put("promisedDays", "soon");
        assertThat(province.post("/api/v1/catalog/items", body("MR-905", wrongType)).firstError()).isEqualTo("standard.promisedDays type");

        var badCode = province.post("/api/v1/catalog/items", body("not a code", standardOf("MR-001")));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.firstError()).isEqualTo("code pattern");

        String huge = "{\"code\": \"MR-905\", \"padding\": \"" + "x".repeat(1_100_000) + "\"}";
        var tooLarge = province.post("/api/v1/catalog/items", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");

        assertThat(versionsOf("MR-905")).isZero();
    }

    @Test
    void aBundleNeedsPublishedItems() {
        String proposal = """
                {"code": "move-house", "name": {"zh": "搬家一件事", "en": "Move house"}, "audience": "PERSON",
                 "itemCodes": ["PS-005", "NO-404"]}""";
        var response = province.post("/api/v1/catalog/bundles", proposal);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.firstError()).isEqualTo("itemCodes bundle.item-not-published");
        assertThat(jdbc.sql("select count(*) from life_event_bundle where code = 'move-house'").query(Integer.class).single()).isZero();
    }

    private ObjectNode standardOf(String code) {
        return (ObjectNode) json.readTree(anonymous.get("/api/v1/catalog/items/" + code).body()).path("standard");
    }

    private static String body(String code, JsonNode standard) {
        return "{\"code\": \"" + code + "\", \"standard\": " + standard + "}";
    }

    private int versionsOf(String code) {
        return jdbc.sql("select count(*) from service_item where code = :code").param("code", code).query(Integer.class).single();
    }

    private Integer localPromisedDays(String region) {
        return jdbc.sql("select promised_days from local_implementation where item_code = 'MR-001' and region_code = :r")
                .param("r", region).query(Integer.class).optional().orElse(null);
    }

    private static java.util.List<String> codes(JsonNode page) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        page.path("items").forEach(item -> codes.add(item.path("code").asString()));
        return codes;
    }
}
