package org.onewindow.casework;

import org.onewindow.casework.calendar.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.TestClock;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An application from submission to decision through the API: applied for once however often
 * the button is pressed, accepted and decided by the right people of the right region, one
 * complete list when something is missing, and the office's clock stopped while the applicant
 * has the file.
 */
@IntegrationTest
class ApplicationLifecycleTest {

    private static final String ITEM = "MR-002";
    private static final String SHOP = "{\"shopName\": \"李记小吃\", \"businessScope\": \"小吃\", \"organizationForm\": \"INDIVIDUAL\"}";
    private static final String MARRIAGE = "{\"partnerName\": \"李梅\", \"bothConsent\": true, \"appointmentDate\": \"2026-12-01\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    WorkingCalendar workingCalendar;
    DemoPeople people;
    DemoCases cases;
    PlatformClient citizen;
    PlatformClient clerk;
    PlatformClient handler;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        cases = DemoCases.of(people);
        citizen = people.zhangsan();
        clerk = people.xihuClerk();
        handler = people.xihuMarketHandler();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void pressingSubmitTwiceMakesOneApplication() {
        String key = UUID.randomUUID().toString();
        var first = apply(citizen, key, "330106", SHOP);
        assertThat(first.status()).isEqualTo(201);
        String number = first.json().path("number").asString();
        assertThat(number).matches("OW\\d{8}-\\d{6}");
        assertThat(first.json().path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(first.json().path("timeline").path(0).path("step").asString()).isEqualTo("submitted");

        var again = apply(citizen, key, "330106", SHOP);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("number").asString()).isEqualTo(number);
        assertThat(jdbc.sql("select count(*) from application where idempotency_key = :k").param("k", key).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void badSubmissionsAreNamedAndWriteNothing() {
        int before = applicationsOf("zhangsan");
        var noKey = citizen.post("/api/v1/casework/applications", "{\"itemCode\": \"CA-001\", \"regionCode\": \"330106\", \"form\": {}}");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.firstError()).isEqualTo("Idempotency-Key required");

        assertThat(apply(citizen, UUID.randomUUID().toString(), "330106", "{}", "NO-999").firstError())
                .isEqualTo("itemCode application.item-unknown");
        assertThat(apply(citizen, UUID.randomUUID().toString(), "999999", "{}").firstError())
                .isEqualTo("regionCode application.region-unknown");
        assertThat(apply(citizen, UUID.randomUUID().toString(), "330106", "{\"nested\": {\"a\": 1}}", "PS-001").firstError())
                .isEqualTo("form.nested application.form-field-value");
        assertThat(apply(citizen, UUID.randomUUID().toString(), "330106", "[1,2").status()).isEqualTo(400);
        assertThat(apply(people.xihuClerk(), UUID.randomUUID().toString(), "330106", "{}").status())
                .isEqualTo(403);
        assertThat(applicationsOf("zhangsan")).isEqualTo(before);
    }

    @Test
    void theClockStopsWhileTheApplicantHasTheFile() {
        clock.set(Instant.parse("2026-11-23T01:00:00Z")); // Monday 09:00 in Beijing
        String number = cases.submitted(citizen, ITEM, SHOP);

        JsonNode accepted = clerk.post(path(number, "acceptance"), "").json();
        assertThat(accepted.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("acceptedOn").asString()).isEqualTo("2026-11-23");
        int promisedDays = people.anonymous().get("/api/v1/catalog/items/" + ITEM).json().path("standard").path("promisedDays").asInt();
        WorkingDayCalendar calendar = workingCalendar.current();
        LocalDate due = calendar.addWorkingDays(LocalDate.of(2026, 11, 23), promisedDays);
        assertThat(accepted.path("dueOn").asString()).isEqualTo(due.toString());

        assertThat(handler.post(path(number, "review"), "").json().path("state").asString()).isEqualTo("UNDER_REVIEW");
        var emptyList = handler.post(path(number, "correction-request"), "{\"reasons\": []}");
        assertThat(emptyList.status()).isEqualTo(400);
        JsonNode returned = handler.post(path(number, "correction-request"),
                "{\"reasons\": [\"经营场所使用证明不清晰\", \"缺少经营场所平面图\"]}").json();
        assertThat(returned.path("state").asString()).isEqualTo("RETURNED_FOR_CORRECTION");
        assertThat(last(returned).path("reasons").size()).isEqualTo(2);

        clock.advance(Duration.ofDays(7)); // the applicant takes a week: five working days
        JsonNode answered = citizen.post(path(number, "correction"), "{\"form\": " + SHOP.replace("小吃\"", "小吃、饮料\"") + "}").json();
        assertThat(answered.path("state").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(answered.path("pausedWorkingDays").asInt()).isEqualTo(5);
        assertThat(answered.path("dueOn").asString()).isEqualTo(calendar.addWorkingDays(LocalDate.of(2026, 11, 23), promisedDays + 5).toString());

        var denialWithoutReasons = handler.post(path(number, "decision"), "{\"outcome\": \"DENY\", \"reasons\": []}");
        assertThat(denialWithoutReasons.status()).isEqualTo(422);
        assertThat(denialWithoutReasons.firstError()).isEqualTo("reasons application.reasons-required");

        JsonNode approved = handler.post(path(number, "decision"), "{\"outcome\": \"APPROVE\", \"reasons\": [\"材料齐全，符合条件\"]}").json();
        assertThat(approved.path("state").asString()).isEqualTo("APPROVED");
        List<String> steps = new ArrayList<>();
        approved.path("timeline").forEach(step -> steps.add(step.path("step").asString()));
        // MR-002 has instant-approval rules: without the number of people working there they refer it to a person
        assertThat(steps).containsExactly("submitted", "referred-to-staff", "accepted", "review-started", "returned-for-correction",
                "correction-answered", "approved");

        var lateWithdrawal = citizen.post(path(number, "withdrawal"), "");
        assertThat(lateWithdrawal.status()).isEqualTo(409);
    }

    @Test
    void onlyTheRightPeopleOfTheRightRegionAct() {
        String number = cases.submitted(citizen, ITEM, "330212", SHOP);
        assertThat(citizen.post(path(number, "acceptance"), "").status()).isEqualTo(403);
        // a Xihu clerk cannot see a Yinzhou application: it answers as one that does not exist
        assertThat(clerk.post(path(number, "acceptance"), "").status()).isEqualTo(404);

        String here = cases.submitted(citizen, ITEM, SHOP);
        assertThat(clerk.post(path(here, "acceptance"), "").status()).isEqualTo(200);
        assertThat(clerk.post(path(here, "acceptance"), "").status()).isEqualTo(409); // accepted already
        assertThat(clerk.post(path(here, "decision"), "{\"outcome\": \"APPROVE\"}").status()).isEqualTo(403);

        assertThat(people.lisi().get("/api/v1/casework/applications/" + here).status()).isEqualTo(404);
        assertThat(handler.get("/api/v1/casework/applications/" + here).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'casework.application-read' and detail = :n")
                .param("n", here).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theFormIsCheckedAgainstTheQuestionsTheItemAsks() {
        String key = UUID.randomUUID().toString();
        var missing = apply(citizen, key, "330106", "{\"shopName\": \"李记小吃\", \"organizationForm\": \"INDIVIDUAL\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.firstError()).isEqualTo("form.businessScope application.field-required");

        var wrong = apply(citizen, key, "330106", "{\"shopName\": \"李记\", \"businessScope\": \"小吃\", \"organizationForm\": \"COOPERATIVE\", "
                + "\"employees\": \"many\", \"favouriteColour\": \"red\"}");
        assertThat(wrong.body()).contains("\"field\":\"form.organizationForm\"", "\"field\":\"form.employees\"",
                "\"field\":\"form.favouriteColour\"", "application.field-unknown", "application.field-type");

        var badDate = apply(citizen, key, "330106", "{\"partnerName\": \"李梅\", \"bothConsent\": true, \"appointmentDate\": \"2026-13-45\"}", "CA-001");
        assertThat(badDate.firstError()).isEqualTo("form.appointmentDate application.field-type");
        assertThat(jdbc.sql("select count(*) from application where idempotency_key = :k").param("k", key).query(Integer.class).single()).isZero();
    }

    @Test
    void onlyTheResponsibleDepartmentDecides() {
        String marriage = cases.submitted(citizen, "CA-001", MARRIAGE);
        assertThat(clerk.post(path(marriage, "acceptance"), "").status()).isEqualTo(200); // any window accepts
        assertThat(handler.post(path(marriage, "review"), "").status()).isEqualTo(403); // a market-regulation handler
    }

    @Test
    void theApplicantMayWithdrawBeforeTheDecision() {
        String number = cases.submitted(citizen, ITEM, SHOP);
        assertThat(people.lisi().post(path(number, "withdrawal"), "").status()).isIn(403, 404);
        JsonNode withdrawn = citizen.post(path(number, "withdrawal"), "").json();
        assertThat(withdrawn.path("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(clerk.post(path(number, "acceptance"), "").status()).isEqualTo(409);
    }

    private PlatformClient.Response apply(PlatformClient who, String key, String region, String form) {
        return apply(who, key, region, form, ITEM);
    }

    private PlatformClient.Response apply(PlatformClient who, String key, String region, String form, String item) {
        String body = form.startsWith("{") ? "{\"itemCode\": \"" + item + "\", \"regionCode\": \"" + region + "\", \"form\": " + form + "}" : form;
        return who.send(who.request("/api/v1/casework/applications").header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String path(String number, String step) {
        return "/api/v1/casework/applications/" + number + "/" + step;
    }

    private static JsonNode last(JsonNode application) {
        JsonNode timeline = application.path("timeline");
        return timeline.path(timeline.size() - 1);
    }

    private int applicationsOf(String applicant) {
        return jdbc.sql("select count(*) from application where applicant = :a").param("a", applicant).query(Integer.class).single();
    }
}
