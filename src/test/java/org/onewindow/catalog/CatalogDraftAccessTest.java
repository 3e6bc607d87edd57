package org.onewindow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A draft of the standard list is the work of the province's administrators, who keep the list:
 * everyone else (the public, citizens, staff, a county's administrator) is told there is no
 * draft, in the same words as for an item that has none.
 */
@IntegrationTest
class CatalogDraftAccessTest {

    private static final String CODE = "MR-961";

    @LocalServerPort
    int port;

    @Test
    void aCitizenCannotSeeACatalogDraft() throws Exception {
        DemoPeople people = DemoPeople.at(port);
        ObjectNode standard = (ObjectNode) JsonMapper.builder().build()
                .readTree(people.anonymous().get("/api/v1/catalog/items/MR-001").body()).path("standard");
        standard.putObject("name").put("zh", "尚未公布的事项").put("en", "A matter not yet published");
        assertThat(people.provinceAdministrator().post("/api/v1/catalog/items", "{\"code\": \"" + CODE + "\", \"standard\": " + standard + "}")
                .status()).isEqualTo(201);

        assertThat(people.provinceAdministrator().get(draftOf(CODE)).status()).isEqualTo(200);
        // the catalog's draft API is for administrators at all: others are turned away by the access rule
        assertThat(people.anonymous().get(draftOf(CODE)).status()).isEqualTo(401);
        for (PlatformClient notAnAdministrator : new PlatformClient[] {people.zhangsan(), people.xihuRestaurant(), people.xihuMarketHandler()}) {
            assertThat(notAnAdministrator.get(draftOf(CODE)).status()).isEqualTo(403);
        }
        // an administrator of a county learns nothing of a province draft: as if there were none
        var refused = people.xihuAdministrator().get(draftOf(CODE));
        var none = people.xihuAdministrator().get(draftOf("MR-962"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body().replaceAll("\"requestId\":\"[^\"]*\"", "").replace(CODE, "X"))
                .isEqualTo(none.body().replaceAll("\"requestId\":\"[^\"]*\"", "").replace("MR-962", "X"));
        // nor on the administrators' page of a county
        String countyPage = new FormBrowser(port).signIn("admin.xihu", DemoPeople.PASSWORD).get("/admin/catalog").body();
        assertThat(countyPage).doesNotContain(CODE);
        assertThat(new FormBrowser(port).signIn("admin", DemoPeople.PASSWORD).get("/admin/catalog").body()).contains(CODE);
    }

    private static String draftOf(String code) {
        return "/api/v1/catalog/items/" + code + "/draft";
    }
}
