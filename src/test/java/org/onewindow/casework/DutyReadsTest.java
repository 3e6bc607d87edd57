package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff read what their duty needs and nothing more, and a case they may not read answers
 * exactly like a number nobody was given: the same status, the same body but for the number.
 */
@IntegrationTest
class DutyReadsTest {

    private static final String FOOD_SHOP = "{\"premisesAddress\": \"杭州市西湖区文三路7号\", \"mainActivity\": \"RESTAURANT\"}";
    private static final String SHOP = "{\"shopName\": \"钱记茶馆\", \"businessScope\": \"茶饮\", \"organizationForm\": \"FAMILY\"}";
    private static final String NOBODYS = "OW20260101-999999";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    DemoPeople people;
    DemoCases cases;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        cases = DemoCases.of(people);
    }

    @Test
    void aHandlerOfAnotherDepartmentCannotReadTheApplication() throws Exception {
        String number = cases.accepted(people.xihuRestaurant(), "MR-001", FOOD_SHOP);
        PlatformClient housing = people.xihuHousingHandler();

        assertAnswersLikeNobodys(housing, number);
        // acting on it tells nothing either: 404, not 403
        assertThat(housing.post(path(number) + "/review", "").status()).isEqualTo(404);
        assertThat(housing.post(path(number) + "/decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"好\"]}").status()).isEqualTo(404);
        assertThat(new FormBrowser(port).signIn("handler.xihu.hc", DemoPeople.PASSWORD).get("/office/applications/" + number).statusCode())
                .isEqualTo(404);
        // the responsible department and the region's window read it
        assertThat(people.xihuMarketHandler().get(path(number)).status()).isEqualTo(200);
        assertThat(people.xihuClerk().get(path(number)).status()).isEqualTo(200);
    }

    @Test
    void aHandlerReadsACaseWhoseTaskIsOfferedToThem() {
        // the construction permit waits for the planning bureau's countersignature: offered to its handler
        String number = cases.accepted(people.xihuRestaurant(), "HC-002", "{}");
        assertThat(people.xihuPlanningHandler().get(path(number)).status()).isEqualTo(200);
        assertThat(people.xihuMarketHandler().get(path(number)).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorCannotReadCaseContents() {
        String number = cases.submitted(people.zhangsan(), "MR-002", SHOP);

        assertAnswersLikeNobodys(people.provinceAdministrator(), number);
        assertAnswersLikeNobodys(people.xihuAdministrator(), number);
        assertAnswersLikeNobodys(people.dataSteward(), number);
        assertThat(people.provinceAdministrator().get(path(number) + "/rating").status()).isEqualTo(404);
        assertThat(people.zhangsan().get(path(number)).status()).isEqualTo(200);
    }

    @Test
    void aSupervisorReadsTheCasesTheyFollowUpAndNotTheOthers() {
        String fresh = cases.accepted(people.xihuRestaurant(), "MR-001", FOOD_SHOP);
        assertAnswersLikeNobodys(people.hangzhouSupervisor(), fresh);

        PlatformClient applicant = people.xihuRestaurant();
        String rated = cases.closed(applicant, "MR-001", FOOD_SHOP);
        assertThat(people.hangzhouSupervisor().get(path(rated)).status()).isEqualTo(404);
        assertThat(applicant.post(path(rated) + "/rating", "{\"score\": 1, \"reasons\": [\"没人告诉我进度\"]}").status()).isEqualTo(201);

        assertThat(people.hangzhouSupervisor().get(path(rated)).status()).isEqualTo(200);
    }

    @Test
    void aSupervisorReadsACaseOnceItIsAtRiskOfRunningLate() {
        String accepted = cases.accepted(people.xihuRestaurant(), "MR-001", FOOD_SHOP);
        assertAnswersLikeNobodys(people.hangzhouSupervisor(), accepted);
        try {
            // MR-001's statutory limit is 20 working days: two months on, the clock has run out
            clock.advance(Duration.ofDays(60));
            var read = people.hangzhouSupervisor().get(path(accepted));
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(jdbc.sql("select count(*) from audit_event where actor = 'supervisor.hangzhou' and detail like :s")
                    .param("s", "%" + accepted + "%").query(Integer.class).single()).isPositive();
        } finally {
            clock.reset();
        }
        assertAnswersLikeNobodys(people.hangzhouSupervisor(), accepted);
    }

    @Test
    void aCountyAdministratorSeesOnlyTheirCountysOutbox() throws Exception {
        String inXihu = cases.submitted(people.zhangsan(), "MR-002", SHOP);
        String inYuhang = cases.submitted(people.zhangsan(), "MR-002", "330110", SHOP);

        HttpResponse<String> xihu = new FormBrowser(port).signIn("admin.xihu", DemoPeople.PASSWORD).get("/admin/outbox");
        assertThat(xihu.statusCode()).isEqualTo(200);
        assertThat(xihu.body()).contains(inXihu).doesNotContain(inYuhang);
        HttpResponse<String> province = new FormBrowser(port).signIn("admin", DemoPeople.PASSWORD).get("/admin/outbox");
        assertThat(province.body()).contains(inXihu, inYuhang);
    }

    private void assertAnswersLikeNobodys(PlatformClient who, String number) {
        var refused = who.get(path(number));
        var nobodys = who.get(path(NOBODYS));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(nobodys.status()).isEqualTo(404);
        assertThat(withoutRequestId(refused.body()).replace(number, "N")).isEqualTo(withoutRequestId(nobodys.body()).replace(NOBODYS, "N"));
    }

    private static String withoutRequestId(String body) {
        return body.replaceAll("\"requestId\":\"[^\"]*\"", "\"requestId\":\"-\"");
    }

    private static String path(String number) {
        return "/api/v1/casework/applications/" + number;
    }
}
