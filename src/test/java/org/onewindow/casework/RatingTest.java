package org.onewindow.casework;

import org.onewindow.casework.calendar.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Good/bad review: every closed application can be rated once; a bad rating must be answered by the region's supervisor. */
@IntegrationTest
class RatingTest {

    private static final String SHOP = "{\"shopName\": \"张记茶馆\", \"businessScope\": \"茶饮\", \"organizationForm\": \"INDIVIDUAL\"}";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    WorkingCalendar workingCalendar;
    DemoPeople people;
    DemoCases cases;
    PlatformClient citizen;
    PlatformClient handler;
    PlatformClient supervisor;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        cases = DemoCases.of(people);
        citizen = people.zhangsan();
        handler = people.xihuMarketHandler();
        supervisor = people.hangzhouSupervisor();
    }

    @Test
    void aBadRatingOpensAFollowUpThatTheSupervisorAnswers() {
        String number = cases.closed(citizen, "MR-002", SHOP);
        var rated = citizen.post(path(number, "rating"), "{\"score\": 2, \"reasons\": [\"窗口告知不清楚\", \"等了很久\"]}");
        assertThat(rated.status()).isEqualTo(201);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        assertThat(rated.json().path("followUpDue").asString()).isEqualTo(workingCalendar.current().addWorkingDays(today, 5).toString());

        assertThat(numbers(supervisor.get("/api/v1/casework/applications/follow-ups").json())).contains(number);
        assertThat(handler.post(path(number, "rating/answer"), "{\"answer\": \"好的\"}").status()).isEqualTo(403);
        assertThat(supervisor.post(path(number, "rating/answer"), "{\"answer\": \"\"}").status()).isEqualTo(400);

        var answered = supervisor.post(path(number, "rating/answer"), "{\"answer\": \"已约谈窗口负责人，下周起公示办理进度。\"}");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(supervisor.post(path(number, "rating/answer"), "{\"answer\": \"再答一次\"}").status()).isEqualTo(409);
        assertThat(numbers(supervisor.get("/api/v1/casework/applications/follow-ups").json())).doesNotContain(number);

        JsonNode seen = citizen.get(path(number, "rating")).json();
        assertThat(seen.path("answer").asString()).startsWith("已约谈");
        assertThat(seen.path("answeredBy").asString()).isEqualTo("supervisor.hangzhou");
    }

    @Test
    void theRegionsSupervisorsHearOfABadRatingInTheirInboxAndOfAGoodOneNot() throws InterruptedException {
        String good = cases.closed(citizen, "MR-002", SHOP);
        String bad = cases.closed(citizen, "MR-002", SHOP);
        assertThat(citizen.post(path(good, "rating"), "{\"score\": 5}").status()).isEqualTo(201);
        assertThat(citizen.post(path(bad, "rating"), "{\"score\": 1, \"reasons\": [\"材料被退回三次\"]}").status()).isEqualTo(201);

        // the message follows the rating's commit, through the event publication registry
        java.util.List<String> told = java.util.List.of();
        for (int tries = 0; tries < 100 && !told.contains(bad); tries++) {
            Thread.sleep(100);
            told = badRatingsIn(supervisor.get("/api/v1/casework/applications/inbox").json());
        }
        assertThat(told).contains(bad).doesNotContain(good);
        assertThat(badRatingsIn(citizen.get("/api/v1/casework/applications/inbox").json())).doesNotContain(bad);
    }

    private static java.util.List<String> badRatingsIn(JsonNode inbox) {
        java.util.List<String> numbers = new java.util.ArrayList<>();
        inbox.forEach(n -> {
            if (n.path("step").asString().equals("bad-rating")) {
                numbers.add(n.path("applicationNumber").asString());
            }
        });
        return numbers;
    }

    @Test
    void aBadRatingSaysWhatWentWrongAndAnyOtherMay() {
        String number = cases.closed(citizen, "MR-002", SHOP);
        var silent = citizen.post(path(number, "rating"), "{\"score\": 1}");
        assertThat(silent.status()).isEqualTo(422);
        assertThat(silent.firstError()).isEqualTo("reasons rating.reasons-required");
        assertThat(citizen.post(path(number, "rating"), "{\"score\": 2, \"reasons\": []}").firstError())
                .isEqualTo("reasons rating.reasons-required");
        // nothing was kept of the refused ratings: the application is still to be rated
        assertThat(citizen.get(path(number, "rating")).status()).isEqualTo(404);
        assertThat(citizen.post(path(number, "rating"), "{\"score\": 1, \"reasons\": [\"材料被退回三次\"]}").status()).isEqualTo(201);

        String fair = cases.closed(citizen, "MR-002", SHOP);
        assertThat(citizen.post(path(fair, "rating"), "{\"score\": 3}").status()).isEqualTo(201);
    }

    @Test
    void aGoodRatingNeedsNoFollowUpAndEachApplicationIsRatedOnce() {
        String number = cases.closed(citizen, "MR-002", SHOP);
        var rated = citizen.post(path(number, "rating"), "{\"score\": 5}");
        assertThat(rated.status()).isEqualTo(201);
        assertThat(rated.json().path("followUpDue").isNull()).isTrue();
        assertThat(citizen.post(path(number, "rating"), "{\"score\": 1}").status()).isEqualTo(409);
        assertThat(numbers(supervisor.get("/api/v1/casework/applications/follow-ups").json())).doesNotContain(number);
    }

    @Test
    void onlyClosedApplicationsAreRatedAndOnlyFromOneToFive() {
        String open = cases.submitted(citizen, "MR-002", SHOP);
        var early = citizen.post(path(open, "rating"), "{\"score\": 4}");
        assertThat(early.status()).isEqualTo(409);
        String number = cases.closed(citizen, "MR-002", SHOP);
        var outOfRange = citizen.post(path(number, "rating"), "{\"score\": 7}");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.firstError()).isEqualTo("score max");
        assertThat(people.lisi().post(path(number, "rating"), "{\"score\": 1}").status()).isEqualTo(404);
        assertThat(citizen.get("/api/v1/casework/applications/follow-ups").status()).isEqualTo(403);
    }

    private static String path(String number, String step) {
        return "/api/v1/casework/applications/" + number + "/" + step;
    }

    private static java.util.List<String> numbers(JsonNode ratings) {
        java.util.List<String> numbers = new java.util.ArrayList<>();
        ratings.forEach(r -> numbers.add(r.path("applicationNumber").asString()));
        return numbers;
    }
}
