package org.onewindow.casework;

import org.onewindow.casework.casefile.DatesOfEarlierApplications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.TestClock;
import org.onewindow.casework.timelimits.TimeLimitAlerts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Never late unseen: a supervisor sees what is late or about to be in their part of the tree;
 * handlers are warned at three quarters of the time, handlers and supervisors when it is over.
 */
@IntegrationTest
class SupervisionTest {

    private static final String FOOD = "{\"premisesAddress\": \"西湖区文三路1号\", \"mainActivity\": \"RESTAURANT\"}";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TimeLimitAlerts alerts;
    @Autowired
    org.onewindow.identity.TestStaff staff;
    DemoPeople people;
    DemoCases cases;
    PlatformClient citizen;
    PlatformClient clerk;
    PlatformClient supervisor;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        cases = DemoCases.of(people);
        citizen = people.xihuRestaurant();
        clerk = people.xihuClerk();
        supervisor = people.hangzhouSupervisor();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anApplicationIsAtRiskAtThreeQuartersOfItsTimeAndOverdueAfterIt() {
        clock.set(Instant.parse("2026-11-23T01:00:00Z")); // Monday 09:00 in Beijing
        String number = cases.submitted(citizen, "MR-001", FOOD);
        assertThat(clerk.post("/api/v1/casework/applications/" + number + "/acceptance", "").status()).isEqualTo(200);
        // the handler takes the case up: alerts go to them, not to every colleague who could have taken it
        staff.handler("handler3.xihu.mr", "330106", "market-regulation");
        assertThat(people.xihuMarketHandler().post("/api/v1/casework/applications/" + number + "/review", "")
                .status()).isEqualTo(200);
        int promised = people.anonymous().get("/api/v1/catalog/items/MR-001").json().path("standard").path("promisedDays").asInt();
        assertThat(promised).isEqualTo(5);

        clock.set(Instant.parse("2026-11-26T01:00:00Z")); // Thursday: 3 of 5 working days used
        assertThat(watch(number)).isNull();

        clock.set(Instant.parse("2026-11-27T01:00:00Z")); // Friday: 4 of 5, at risk
        JsonNode atRisk = watch(number);
        assertThat(atRisk.path("overdue").asBoolean()).isFalse();
        assertThat(atRisk.path("workingDaysUsed").asInt()).isEqualTo(4);
        assertThat(atRisk.path("dueOn").asString()).isEqualTo("2026-11-30");

        alerts.send();
        alerts.send();
        assertThat(inbox(people.xihuMarketHandler(), number)).containsExactly("time-limit-warning");
        assertThat(inbox(people.signedIn("handler3.xihu.mr"), number)).isEmpty();
        assertThat(inbox(supervisor, number)).isEmpty();

        clock.set(Instant.parse("2026-12-01T01:00:00Z")); // Tuesday after the due Monday
        assertThat(watch(number).path("overdue").asBoolean()).isTrue();
        alerts.send();
        assertThat(inbox(people.xihuMarketHandler(), number))
                .containsExactlyInAnyOrder("time-limit-warning", "overdue");
        assertThat(inbox(supervisor, number)).containsExactly("overdue");
        assertThat(supervisor.get("/api/v1/casework/applications/time-limits").json().path(0).path("overdue").asBoolean()).isTrue();
    }

    @Test
    void indicatorsCoverTheSupervisorsPartOfTheTreeOnly() {
        cases.submitted(citizen, "MR-001", FOOD);
        cases.submitted(citizen, "MR-001", "330212", FOOD); // Ningbo: not Hangzhou's
        JsonNode indicators = supervisor.get("/api/v1/casework/applications/indicators").json();
        long counted = 0;
        for (JsonNode n : indicators.path("byState")) {
            counted += n.asLong();
        }
        long inHangzhou = jdbc.sql("select count(*) from application where region_code like '3301%'").query(Long.class).single();
        assertThat(counted).isEqualTo(inHangzhou).isPositive();
        assertThat(indicators.path("zeroVisitShare").asDouble()).isBetween(0.0, 1.0);
        assertThat(people.xihuClerk().get("/api/v1/casework/applications/indicators").status())
                .isEqualTo(403);
    }

    @Test
    void indicatorsCountEachDecisionOnceWithItsWorkingDaysAndWhetherItWasOnTime() {
        clock.set(Instant.parse("2026-11-23T01:00:00Z")); // Monday 09:00 in Beijing
        JsonNode before = supervisor.get("/api/v1/casework/applications/indicators").json();

        // a clear case the rules approve at once: decided the day it came in, on time, automatically
        String first17 = "33010619700707" + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(500, 1000));
        String instant = clerk.apply("/api/v1/casework/applications/at-window", "{\"itemCode\": \"MR-002\", \"regionCode\": \"330106\", "
                + "\"applicant\": {\"idNumber\": \"" + first17 + org.onewindow.identity.ResidentIdNumber.checkDigitFor(first17)
                + "\", \"name\": \"" + org.onewindow.identity.internal.SimulatedRealNameRegister.personOf(first17
                + org.onewindow.identity.ResidentIdNumber.checkDigitFor(first17)).name() + "\"}, \"form\": {\"shopName\": \"钱记面馆\", \"businessScope\": \"面食\", \"employees\": 2, "
                + "\"organizationForm\": \"INDIVIDUAL\"}}").json().path("number").asString();
        // a case decided by a person a day after its promised date (MR-001: 5 working days)
        String late = cases.submitted(citizen, "MR-001", FOOD);
        PlatformClient handler = people.xihuMarketHandler();
        assertThat(clerk.post("/api/v1/casework/applications/" + late + "/acceptance", "").status()).isEqualTo(200);
        assertThat(handler.post("/api/v1/casework/applications/" + late + "/review", "").status()).isEqualTo(200);
        clock.set(Instant.parse("2026-12-01T01:00:00Z")); // Tuesday after the due Monday: 6 working days
        assertThat(handler.post("/api/v1/casework/applications/" + late + "/decision",
                "{\"outcome\": \"APPROVE\", \"reasons\": [\"材料齐全\"]}").status()).isEqualTo(200);

        assertThat(decisionFacts(instant)).isEqualTo("0 true system:automatic-decision");
        assertThat(decisionFacts(late)).isEqualTo("6 false handler.xihu.mr");
        // decisions recorded before their facts were stored (an upgrade) get them at start-up
        jdbc.sql("update application set decision_working_days = null, decided_on_time = null where number = :n").param("n", late).update();
        DatesOfEarlierApplications.complete(jdbc); // the upgrade's migration
        assertThat(decisionFacts(late)).isEqualTo("6 false handler.xihu.mr");
        JsonNode after = supervisor.get("/api/v1/casework/applications/indicators").json();
        assertThat(after.path("decided").asLong()).isEqualTo(before.path("decided").asLong() + 2);
        assertThat(count(after, "onTimeShare") - count(before, "onTimeShare")).isEqualTo(1);
        assertThat(count(after, "automaticShare") - count(before, "automaticShare")).isEqualTo(1);
        assertThat(Math.round(after.path("averageWorkingDaysToDecision").asDouble() * after.path("decided").asLong()
                - before.path("averageWorkingDaysToDecision").asDouble() * before.path("decided").asLong())).isEqualTo(6);
    }

    /** How many decisions a share stands for. */
    private static long count(JsonNode indicators, String share) {
        return Math.round(indicators.path(share).asDouble() * indicators.path("decided").asLong());
    }

    private String decisionFacts(String number) {
        return jdbc.sql("select decision_working_days || ' ' || decided_on_time || ' ' || decided_by from application where number = :n")
                .param("n", number).query(String.class).single();
    }

    private static java.util.List<String> inbox(PlatformClient who, String number) {
        java.util.List<String> steps = new java.util.ArrayList<>();
        for (JsonNode message : who.get("/api/v1/casework/applications/inbox").json()) {
            if (message.path("applicationNumber").asString().equals(number)) {
                steps.add(message.path("step").asString());
            }
        }
        return steps;
    }

    private JsonNode watch(String number) {
        for (JsonNode watched : supervisor.get("/api/v1/casework/applications/time-limits").json()) {
            if (watched.path("number").asString().equals(number)) {
                return watched;
            }
        }
        return null;
    }
}
