package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The inbox says in words which service a message is about and what happened, with what to do
 * ("个体工商户设立登记：已退回补正，请补正 2 项内容后重新提交"), and links to the page to act on; the
 * one who gave a bad rating hears there that the supervisors answered it.
 */
@IntegrationTest
class InboxInWordsTest {

    private static final String SHOP = "{\"shopName\": \"钱记茶铺\", \"businessScope\": \"茶饮\", \"organizationForm\": \"INDIVIDUAL\"}";

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
    void aCorrectionNamesTheServiceAndHowManyThingsToPutRightInBothLanguages() {
        DemoPeople.NewCitizen citizen = people.aNewCitizen();
        String number = cases.returnedForCorrection(citizen.client(), "MR-002", SHOP, "请补充经营场所证明", "请补充租赁合同");

        JsonNode message = messageOf(citizen.client(), number, "returned-for-correction");
        assertThat(message.path("text").asString()).isEqualTo("个体工商户设立登记：已退回补正，请补正 2 项内容后重新提交");
        assertThat(message.path("itemName").asString()).isEqualTo("个体工商户设立登记");
        assertThat(message.path("link").asString()).isEqualTo("/applications/" + number);

        JsonNode english = messageOf(citizen.client().inLanguage("en"), number, "returned-for-correction");
        assertThat(english.path("text").asString())
                .isEqualTo("Register as a sole trader (individual business): sent back for correction, please put right 2 things and send it again");
    }

    @Test
    void theInboxPageShowsTheWordedStepWithALinkToTheStatusPage() throws Exception {
        DemoPeople.NewCitizen citizen = people.aNewCitizen();
        String number = cases.returnedForCorrection(citizen.client(), "MR-002", SHOP, "请补充经营场所证明");

        FormBrowser browser = new FormBrowser(port).signIn(citizen.username(), citizen.password());
        String page = browser.get("/applications").body();
        assertThat(page).contains("<a href=\"/applications/" + number + "\">个体工商户设立登记：已退回补正，请补正 1 项内容后重新提交</a>")
                .doesNotContain(">returned-for-correction<");
        HttpResponse<String> status = browser.get("/applications/" + number);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("请补充经营场所证明");
    }

    @Test
    void whoGaveTheBadRatingHearsThatTheSupervisorsAnsweredIt() {
        DemoPeople.NewCitizen citizen = people.aNewCitizen();
        String number = cases.closed(citizen.client(), "MR-002", SHOP);
        String rating = "/api/v1/casework/applications/" + number + "/rating";
        assertThat(citizen.client().post(rating, "{\"score\": 1, \"reasons\": [\"跑了三次\"]}").status()).isEqualTo(201);
        assertThat(stepsOf(citizen.client(), number)).doesNotContain("rating-answered");

        PlatformClient supervisor = people.hangzhouSupervisor();
        assertThat(supervisor.post(rating + "/answer", "{\"answer\": \"已约谈窗口负责人。\"}").status()).isEqualTo(200);

        // written in the answer's own transaction: nothing to wait for
        JsonNode told = messageOf(citizen.client(), number, "rating-answered");
        assertThat(told.path("text").asString()).isEqualTo("个体工商户设立登记：监督部门答复了您的评价，请查看");
        assertThat(told.path("link").asString()).isEqualTo("/applications/" + number);
        assertThat(stepsOf(supervisor, number)).doesNotContain("rating-answered");
    }

    private static JsonNode messageOf(PlatformClient who, String number, String step) {
        for (JsonNode message : who.get("/api/v1/casework/applications/inbox").json()) {
            if (message.path("applicationNumber").asString().equals(number) && message.path("step").asString().equals(step)) {
                return message;
            }
        }
        throw new AssertionError("no " + step + " of " + number + " in the inbox of " + who);
    }

    private static java.util.List<String> stepsOf(PlatformClient who, String number) {
        java.util.List<String> steps = new java.util.ArrayList<>();
        for (JsonNode message : who.get("/api/v1/casework/applications/inbox").json()) {
            if (message.path("applicationNumber").asString().equals(number)) {
                steps.add(message.path("step").asString());
            }
        }
        return steps;
    }
}
