package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.internal.SimulatedRealNameRegister;
import org.onewindow.identity.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Four eyes through the API: whoever filed or accepted a case does not take a decision the item's
 * rule reserves for a second person; the refusal is a 409 problem detail naming the rule, and
 * nothing changes. By default the rule holds for every denial and for every decision on an item
 * with a fee.
 */
@IntegrationTest
class FourEyesTest {

    private static final String FOOD_SHOP = "{\"premisesAddress\": \"杭州市西湖区文三路9号\", \"mainActivity\": \"RESTAURANT\"}";
    /** A second handler of Xihu's planning bureau: the demo has one. NR-001 (a land survey) charges a fee. */
    private static final String SECOND_PLANNING_HANDLER = "handler2.xihu.nr.test";

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;
    DemoPeople people;
    DemoCases cases;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        cases = DemoCases.of(people);
        staff.handler(SECOND_PLANNING_HANDLER, "330106", "natural-resources");
    }

    @Test
    void aDenialNeedsASecondHandlerByDefault() {
        PlatformClient handler = people.xihuMarketHandler();
        String number = cases.submitted(people.xihuRestaurant(), "MR-001", FOOD_SHOP);
        // handlers may take the window's step; then they are the one who accepted it
        assertThat(step(handler, number, "acceptance", "").status()).isEqualTo(200);
        assertThat(step(handler, number, "review", "").status()).isEqualTo(200);

        var refused = step(handler, number, "decision", "{\"outcome\": \"DENY\", \"reasons\": [\"经营场所不符合要求\"]}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/application.four-eyes");
        assertThat(refused.json().path("detail").asString()).contains("handler.xihu.mr", "双人复核");
        assertThat(state(number)).isEqualTo("UNDER_REVIEW");
        assertThat(steps(number, "denied")).isZero();

        handOver(handler, number, "handler2.xihu.mr");
        var denied = step(people.secondXihuMarketHandler(), number, "decision",
                "{\"outcome\": \"DENY\", \"reasons\": [\"经营场所不符合要求\"]}");
        assertThat(denied.status()).as(denied.body()).isEqualTo(200);
        assertThat(denied.json().path("state").asString()).isEqualTo("DENIED");
    }

    @Test
    void theOneWhoAcceptedAFreeItemMayStillApproveIt() {
        PlatformClient handler = people.xihuMarketHandler();
        String number = cases.submitted(people.xihuRestaurant(), "MR-001", FOOD_SHOP);
        step(handler, number, "acceptance", "");
        step(handler, number, "review", "");

        var approved = step(handler, number, "decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"符合条件\"]}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aHandlerWhoFiledAtTheWindowCannotDecide() {
        PlatformClient planning = people.xihuPlanningHandler();
        String first17 = "33010619520304" + String.format("%03d", (int) (Math.random() * 1000));
        String idNumber = first17 + ResidentIdNumber.checkDigitFor(first17);
        // the name the real-name register knows for that number: the window checks it
        String name = SimulatedRealNameRegister.personOf(idNumber).name();
        String body = "{\"itemCode\": \"NR-001\", \"regionCode\": \"330106\", \"applicant\": {\"idNumber\": \""
                + idNumber + "\", \"name\": \"" + name + "\"}, \"form\": {}}";
        var filed = planning.send(planning.request("/api/v1/casework/applications/at-window")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String number = filed.json().path("number").asString();
        step(people.xihuClerk(), number, "acceptance", "");
        step(planning, number, "review", "");

        // a survey with a fee: an approval needs a second person too
        var refused = step(planning, number, "decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"符合条件\"]}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/application.four-eyes");
        assertThat(state(number)).isEqualTo("UNDER_REVIEW");

        handOver(planning, number, SECOND_PLANNING_HANDLER);
        var approved = step(people.signedIn(SECOND_PLANNING_HANDLER), number, "decision",
                "{\"outcome\": \"APPROVE\", \"reasons\": [\"符合条件\"]}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
    }

    @Test
    void anItemCanRequireASecondPersonForEveryDecision() {
        PlatformClient province = people.provinceAdministrator();
        assertThat(province.put("/api/v1/casework/procedures/MR-004",
                "{\"processKey\": \"ow-standard\", \"fourEyes\": \"EVERY_DECISION\"}").json().path("fourEyes").asString())
                .isEqualTo("EVERY_DECISION");
        assertThat(province.put("/api/v1/casework/procedures/MR-004", "{\"processKey\": \"ow-standard\", \"fourEyes\": \"SOMETIMES\"}")
                .status()).isEqualTo(400);
        PlatformClient handler = people.xihuMarketHandler();
        String number = cases.submitted(people.xihuRestaurant(), "MR-004", "{}");
        step(handler, number, "acceptance", "");
        step(handler, number, "review", "");

        assertThat(step(handler, number, "decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"符合条件\"]}").status()).isEqualTo(409);
        handOver(handler, number, "handler2.xihu.mr");
        assertThat(step(people.secondXihuMarketHandler(), number, "decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"符合条件\"]}")
                .status()).isEqualTo(200);
    }

    /** The decision task the first handler took when starting the review goes to the colleague who decides. */
    private static void handOver(PlatformClient holder, String number, String to) {
        String taskId = null;
        for (var task : holder.get("/api/v1/casework/tasks").json()) {
            if (task.path("applicationNumber").asString().equals(number)) {
                taskId = task.path("id").asString();
            }
        }
        assertThat(taskId).as("a task of %s", number).isNotNull();
        var handedOver = holder.post("/api/v1/casework/tasks/" + taskId + "/handover", "{\"to\": \"" + to + "\"}");
        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200);
    }

    private static PlatformClient.Response step(PlatformClient who, String number, String step, String json) {
        return who.post("/api/v1/casework/applications/" + number + "/" + step, json);
    }

    private String state(String number) {
        return jdbc.sql("select state from application where number = :n").param("n", number).query(String.class).single();
    }

    private int steps(String number, String step) {
        return jdbc.sql("select count(*) from application_step s join application a on a.id = s.application_id where a.number = :n and s.step = :s")
                .param("n", number).param("s", step).query(Integer.class).single();
    }
}
