package org.onewindow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.PlatformClient.encode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Citizens' and scripts' view of the catalog: search in plain words, items and life events. */
@IntegrationTest
class CatalogApiTest {

    @LocalServerPort
    int port;
    PlatformClient platform;

    @BeforeEach
    void connect() {
        platform = new PlatformClient(port);
    }

    @Test
    void colloquialChineseFindsTheOfficialItem() {
        var response = platform.get("/api/v1/catalog/items?q=" + encode("开饭店"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(codes(response.json())).contains("MR-001");
        assertThat(names(response.json())).anyMatch(name -> name.contains("食品经营许可"));
    }

    @Test
    void havingABabyFindsTheBirthItems() {
        var response = platform.get("/api/v1/catalog/items?q=" + encode("生孩子"));
        assertThat(codes(response.json())).contains("HE-001");
    }

    @Test
    void plainEnglishFindsItemsToo() {
        var response = platform.get("/api/v1/catalog/items?q=" + encode("open a restaurant"));
        assertThat(codes(response.json())).contains("MR-001");
        var typo = platform.get("/api/v1/catalog/items?q=" + encode("retirment pension"));
        assertThat(codes(typo.json())).contains("HR-002");
    }

    @Test
    void resultsSayWhatToBringAndHowManyVisits() {
        JsonNode first = platform.get("/api/v1/catalog/items?q=MR-001").json().path("items").path(0);
        assertThat(first.path("code").asString()).isEqualTo("MR-001");
        assertThat(first.has("materialsToBring")).isTrue();
        assertThat(first.path("visits").asInt()).isBetween(0, 1);
        assertThat(first.path("guide").asString()).isEqualTo("/items/MR-001");
    }

    @Test
    void filtersNarrowTheList() {
        JsonNode all = platform.get("/api/v1/catalog/items?limit=100").json();
        JsonNode forEnterprises = platform.get("/api/v1/catalog/items?audience=ENTERPRISE&limit=100").json();
        JsonNode taxation = platform.get("/api/v1/catalog/items?department=taxation&limit=100").json();
        assertThat(all.path("total").asLong()).isGreaterThanOrEqualTo(40);
        assertThat(forEnterprises.path("total").asLong()).isLessThan(all.path("total").asLong()).isPositive();
        forEnterprises.path("items").forEach(item -> assertThat(item.path("audience").asString()).isIn("ENTERPRISE", "BOTH"));
        taxation.path("items").forEach(item -> assertThat(item.path("department").asString()).isEqualTo("taxation"));
        assertThat(taxation.path("total").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void injectionStringsAreJustWords() {
        for (String attack : List.of("'; drop table service_item; --", "<script>alert(1)</script>", "食品 AND (", "*:*", "\\")) {
            var response = platform.get("/api/v1/catalog/items?q=" + encode(attack));
            assertThat(response.status()).as(attack).isEqualTo(200);
        }
        assertThat(platform.get("/api/v1/catalog/items?q=MR-001").json().path("total").asLong()).isPositive();
    }

    @Test
    void badQueryParametersAreNamedInTheProblem() {
        var tooMany = platform.get("/api/v1/catalog/items?limit=1000");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(tooMany.firstError()).isEqualTo("limit max");

        var wrongLevel = platform.get("/api/v1/catalog/items?level=MOON");
        assertThat(wrongLevel.status()).isEqualTo(400);
        assertThat(wrongLevel.firstError()).isEqualTo("level type");

        var notANumber = platform.get("/api/v1/catalog/items?offset=abc");
        assertThat(notANumber.firstError()).isEqualTo("offset type");

        var tooLong = platform.get("/api/v1/catalog/items?q=" + "x".repeat(201));
        assertThat(tooLong.firstError()).isEqualTo("q size");
    }

    @Test
    void problemsSpeakTheCallersLanguage() {
        var chinese = platform.get("/api/v1/catalog/items/NO-999");
        var english = platform.inLanguage("en-GB,en;q=0.8").get("/api/v1/catalog/items/NO-999");
        assertThat(chinese.status()).isEqualTo(404);
        assertThat(chinese.json().path("detail").asString()).contains("未找到");
        assertThat(english.json().path("detail").asString()).contains("No service item with code NO-999");
        assertThat(english.json().path("requestId").asString()).isEqualTo(english.requestId());
    }

    @Test
    void anItemCarriesItsWholeStandard() {
        JsonNode item = platform.get("/api/v1/catalog/items/MR-001").json();
        assertThat(item.path("status").asString()).isEqualTo("PUBLISHED");
        JsonNode standard = item.path("standard");
        assertThat(standard.path("name").path("zh").asString()).isNotBlank();
        assertThat(standard.path("name").path("en").asString()).isNotBlank();
        assertThat(standard.path("promisedDays").asInt()).isLessThanOrEqualTo(standard.path("statutoryDays").asInt());
        assertThat(standard.path("materials").size()).isPositive();
    }

    @Test
    void aLifeEventAsksForEachDocumentOnce() {
        JsonNode bundles = platform.get("/api/v1/catalog/bundles").json();
        List<String> codes = new ArrayList<>();
        bundles.forEach(b -> codes.add(b.path("code").asString()));
        assertThat(codes).contains("open-restaurant", "have-a-baby", "retire", "buy-a-home", "start-a-company");

        JsonNode guide = platform.get("/api/v1/catalog/bundles/have-a-baby").json();
        List<String> materialCodes = new ArrayList<>();
        guide.path("materials").forEach(m -> materialCodes.add(m.path("material").path("code").asString()));
        assertThat(materialCodes).doesNotHaveDuplicates().contains("resident-id-card");
        int asked = 0;
        int promised = 0;
        for (JsonNode item : guide.path("items")) {
            asked += item.path("standard").path("materials").size();
            promised += item.path("standard").path("promisedDays").asInt();
        }
        assertThat(materialCodes.size()).isLessThan(asked);
        assertThat(guide.path("totalPromisedDays").asInt()).isEqualTo(promised);
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.path("items").forEach(item -> codes.add(item.path("code").asString()));
        return codes;
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("name").path("zh").asString()));
        return names;
    }
}
