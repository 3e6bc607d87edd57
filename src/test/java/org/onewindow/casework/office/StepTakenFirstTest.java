package org.onewindow.casework.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A step someone took first is said in words: who took it, which step, when and where the case
 * stands now, on the office's page as in the API's problem detail, in Chinese and in English.
 */
@IntegrationTest
class StepTakenFirstTest {

    private static final String SHOP = "{\"shopName\": \"赵记茶铺\", \"businessScope\": \"茶叶\", \"organizationForm\": \"INDIVIDUAL\"}";

    @LocalServerPort
    int port;
    DemoPeople people;
    DemoCases cases;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        cases = DemoCases.of(people);
    }

    @Test
    void aSecondAcceptanceSaysWhoAcceptedItAlready() {
        String number = cases.submitted(people.zhangsan(), "MR-002", SHOP);
        assertThat(people.xihuClerk().post(acceptance(number), "").status()).isEqualTo(200);

        PlatformClient.Response again = people.xihuMarketHandler().post(acceptance(number), "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).startsWith("王窗口已经受理了这件申请（").contains("现在是“已受理”")
                .doesNotContain("ACCEPTED");

        PlatformClient.Response inEnglish = people.xihuMarketHandler().inLanguage("en").post(acceptance(number), "");
        assertThat(inEnglish.json().path("detail").asString()).startsWith("王窗口 has already accepted this application (")
                .contains("it is now “Accepted”");

        PlatformClient.Response mine = people.xihuClerk().inLanguage("en").post(acceptance(number), "");
        assertThat(mine.json().path("detail").asString()).startsWith("You have already accepted this application");
    }

    @Test
    void theOfficePageSaysItNextToTheButton() throws Exception {
        String number = cases.submitted(people.zhangsan(), "MR-002", SHOP);
        FormBrowser handler = new FormBrowser(port).signIn("handler.xihu.mr", DemoPeople.PASSWORD);
        String page = handler.get("/office/applications/" + number).body();
        assertThat(people.xihuClerk().post(acceptance(number), "").status()).isEqualTo(200);

        var refused = handler.post("/office/applications/" + number + "/accept", page, Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("王窗口已经受理了这件申请").doesNotContain("不能转为");
    }

    private static String acceptance(String number) {
        return "/api/v1/casework/applications/" + number + "/acceptance";
    }
}
