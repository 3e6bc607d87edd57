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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Administrators keep the holiday calendar; a declared holiday moves every due date it falls into. */
@IntegrationTest
class WorkingCalendarTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    DemoPeople people;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aDeclaredHolidayMovesTheDueDateAndItsRemovalMovesItBack() {
        PlatformClient admin = people.provinceAdministrator();
        PlatformClient owner = people.xihuRestaurant();
        clock.set(Instant.parse("2027-03-01T01:00:00Z")); // Monday
        String number = DemoCases.of(people).accepted(owner, "MR-001", "{\"premisesAddress\": \"文三路9号\", \"mainActivity\": \"CANTEEN\"}");
        assertThat(due(owner, number)).isEqualTo("2027-03-08");

        var declared = admin.put("/api/v1/casework/calendar/2027-03-03",
                "{\"kind\": \"HOLIDAY\", \"nameZh\": \"示例假日\", \"nameEn\": \"Example holiday\"}");
        assertThat(declared.status()).isEqualTo(200);
        assertThat(due(owner, number)).isEqualTo("2027-03-09");
        // the stored dates the supervisor's list and the alerts search by follow the calendar too
        assertThat(stored(number, "due_on")).isEqualTo("2027-03-09");
        assertThat(stored(number, "at_risk_on")).isEqualTo("2027-03-08"); // 4 of 5 working days: Mon 1 + 4, skipping the 3rd
        assertThat(people.anonymous().get("/api/v1/casework/calendar?year=2027").body()).contains("2027-03-03", "Example holiday");

        assertThat(admin.send(admin.request("/api/v1/casework/calendar/2027-03-03").DELETE()).status()).isEqualTo(204);
        assertThat(due(owner, number)).isEqualTo("2027-03-08");
        assertThat(stored(number, "due_on")).isEqualTo("2027-03-08");

        // rows stored before the dates were (an upgrade) get them at start-up
        jdbc.sql("update application set due_on = null, at_risk_on = null where number = :n").param("n", number).update();
        DatesOfEarlierApplications.complete(jdbc); // the upgrade's migration
        assertThat(stored(number, "due_on")).isEqualTo("2027-03-08");
        assertThat(stored(number, "at_risk_on")).isEqualTo("2027-03-05");
    }

    private String stored(String number, String column) {
        return jdbc.sql("select " + column + "::text from application where number = :n").param("n", number).query(String.class).single();
    }

    @Test
    void onlyTheProvincesAdministratorsChangeItAndOnlyWeekendsBecomeWorkingDays() {
        PlatformClient admin = people.provinceAdministrator();
        var weekday = admin.put("/api/v1/casework/calendar/2027-03-10", "{\"kind\": \"WORKDAY\", \"nameZh\": \"调休\", \"nameEn\": \"Moved\"}");
        assertThat(weekday.status()).isEqualTo(422);
        assertThat(weekday.firstError()).isEqualTo("kind calendar.workday-on-weekend-only");
        assertThat(admin.put("/api/v1/casework/calendar/2027-03-13", "{\"kind\": \"WORKDAY\", \"nameZh\": \"调休\", \"nameEn\": \"Moved\"}")
                .status()).isEqualTo(200);
        assertThat(people.xihuClerk()
                .put("/api/v1/casework/calendar/2027-03-14", "{\"kind\": \"WORKDAY\", \"nameZh\": \"调休\", \"nameEn\": \"Moved\"}").status())
                .isEqualTo(403);
        // a county administrator may not change the one calendar every county counts in
        assertThat(people.xihuAdministrator()
                .put("/api/v1/casework/calendar/2027-03-14", "{\"kind\": \"WORKDAY\", \"nameZh\": \"调休\", \"nameEn\": \"Moved\"}").status())
                .isEqualTo(403);
        assertThat(admin.put("/api/v1/casework/calendar/not-a-date", "{\"kind\": \"HOLIDAY\", \"nameZh\": \"x\", \"nameEn\": \"x\"}").firstError())
                .isEqualTo("day type");
        admin.send(admin.request("/api/v1/casework/calendar/2027-03-13").DELETE());
    }

    private static String due(PlatformClient who, String number) {
        return who.get("/api/v1/casework/applications/" + number).json().path("dueOn").asString();
    }
}
