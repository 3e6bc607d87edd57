package org.onewindow.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.TestClock;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Administrators keep the working calendar on a page, as a browser without JavaScript would use it.
 * The days are in 2031, far from the due dates other tests count.
 */
@IntegrationTest
class CalendarAdminPageTest {

    private static final int YEAR = 2031;

    @LocalServerPort
    int port;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    org.onewindow.identity.StaffDirectory staff;
    @Autowired
    TestClock clock;

    @AfterEach
    void forgetTheYear() {
        clock.reset();
        calendar.exceptions(YEAR).forEach(e -> calendar.remove(e.day(), provinceAdministrator()));
    }

    @Test
    void withoutAYearThePageShowsTheCurrentYearInBeijing() throws Exception {
        FormBrowser admin = signedIn("admin");
        clock.set(Instant.parse("2031-12-31T17:00:00Z")); // already 1 January 2032 in Beijing

        assertThat(admin.get("/admin/calendar").body()).contains("<h1>2032 年工作日历</h1>");
        assertThat(admin.get("/admin/calendar?year=1999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/calendar?year=next").statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/calendar?year=2100").body()).contains("href=\"/admin/calendar?year=2099\"")
                .doesNotContain("year=2101");
    }

    @Test
    void anAdministratorDeclaresAHolidayAndAMovedWorkingDayAndRemovesThem() throws Exception {
        FormBrowser admin = signedIn("admin");
        HttpResponse<String> page = admin.get("/admin/calendar?year=2031");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("2031 年工作日历", "href=\"/admin/calendar\"", "href=\"/admin/calendar?year=2030\"",
                "href=\"/admin/calendar?year=2032\"", "id=\"no-days\"", "<label for=\"day\"", "<select id=\"kind\" name=\"kind\"",
                "<label for=\"nameZh\"", "<label for=\"nameEn\"");

        HttpResponse<String> holiday = admin.post("/admin/calendar", page.body(),
                Map.of("year", "2031", "day", "2031-10-06", "kind", "HOLIDAY", "nameZh", "国庆节", "nameEn", "National Day"));
        assertThat(holiday.statusCode()).isEqualTo(303);
        assertThat(holiday.headers().firstValue("Location").orElseThrow()).endsWith("/admin/calendar?year=2031");
        assertThat(admin.get("/admin/calendar?year=2031").body()).contains("已登记：2031-10-06（国庆节）放假。");
        HttpResponse<String> moved = admin.post("/admin/calendar", page.body(),
                Map.of("year", "2031", "day", "2031-09-28", "kind", "WORKDAY", "nameZh", "国庆节调休", "nameEn", "National Day, moved"));
        assertThat(moved.statusCode()).isEqualTo(303);

        HttpResponse<String> listed = admin.get("/admin/calendar?year=2031");
        assertThat(listed.body()).contains("已登记：2031-09-28（国庆节调休）调休上班。", "id=\"day-2031-10-06\"", "星期一", "放假（法定节假日）",
                "国庆节", "National Day", "id=\"day-2031-09-28\"", "星期日", "上班（周末调休）");
        assertThat(listed.body().indexOf("day-2031-09-28")).as("in date order").isLessThan(listed.body().indexOf("day-2031-10-06"));
        assertThat(new PlatformClient(port).get("/api/v1/casework/calendar?year=2031").body())
                .contains("\"day\":\"2031-10-06\"", "\"kind\":\"HOLIDAY\"", "\"nameEn\":\"National Day\"", "\"kind\":\"WORKDAY\"");

        HttpResponse<String> removed = admin.post("/admin/calendar/2031-10-06/removal", listed.body(), Map.of());
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(removed.headers().firstValue("Location").orElseThrow()).endsWith("/admin/calendar?year=2031");
        assertThat(admin.get("/admin/calendar?year=2031").body()).contains("已删除 2031-10-06 的登记").doesNotContain("day-2031-10-06")
                .contains("day-2031-09-28");
        assertThat(new PlatformClient(port).get("/api/v1/casework/calendar?year=2031").body()).doesNotContain("2031-10-06");

        // removing it again changes nothing, and the page says so instead of "removed"
        admin.post("/admin/calendar/2031-10-06/removal", listed.body(), Map.of());
        assertThat(admin.get("/admin/calendar?year=2031").body()).contains("2031-10-06 没有登记过，日历没有变化。").contains("day-2031-09-28");
    }

    @Test
    void eachBadInputIsExplainedNextToItsFieldAndNothingIsWritten() throws Exception {
        FormBrowser admin = signedIn("admin");
        String page = admin.get("/admin/calendar?year=2031").body();
        Map<String, String> good = Map.of("year", "2031", "day", "2031-10-01", "kind", "HOLIDAY", "nameZh", "国庆节", "nameEn", "National Day");

        record Case(Map<String, String> changed, int status, String field, String message) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("day", "2031-02-30"), 400, "day", "请填写 2000 年至 2100 年之间的真实日期，例如 2027-10-01。"),
                new Case(Map.of("day", "1 Oct"), 400, "day", "请填写 2000 年至 2100 年之间的真实日期"),
                new Case(Map.of("day", ""), 400, "day", "请填写日期。"),
                new Case(Map.of("kind", "BRIDGE_DAY"), 400, "kind", "请选择放假还是上班。"),
                new Case(Map.of("nameZh", "国".repeat(41)), 400, "nameZh", "中文名称最多 40 个字。"),
                new Case(Map.of("nameEn", "N".repeat(61)), 400, "nameEn", "英文名称最多 60 个字符。"),
                new Case(Map.of("kind", "WORKDAY"), 422, "kind", "只有周末可以调为工作日。"),
                new Case(Map.of("nameEn", "  "), 422, "name", "请同时填写中文和英文。"));
        for (Case c : cases) {
            Map<String, String> fields = new LinkedHashMap<>(good);
            fields.putAll(c.changed());

            HttpResponse<String> refused = admin.post("/admin/calendar", page, fields);

            assertThat(refused.statusCode()).as(c.toString()).isEqualTo(c.status());
            assertThat(refused.body()).as(c.toString()).contains("error-summary", "href=\"#" + c.field() + "\"",
                    "id=\"" + c.field() + "-error\"", c.message(), "2031 年工作日历");
            String kept = c.changed().containsKey("nameZh") ? "value=\"National Day\"" : "value=\"国庆节\"";
            assertThat(refused.body()).as("what was typed is kept: " + c).contains(kept);
            assertThat(refused.body()).as("the message is tied to the field: " + c).containsPattern(
                    "aria-describedby=\"[^\"]*\\b" + c.field() + "-error\"");
        }
        assertThat(calendar.exceptions(YEAR)).isEmpty();
    }

    @Test
    void aCountyAdministratorReadsTheCalendarButOnlyTheProvinceChangesIt() throws Exception {
        calendar.declare(new WorkingCalendar.Exception(java.time.LocalDate.of(YEAR, 10, 1),
                org.onewindow.casework.model.WorkingDayCalendar.Exception.HOLIDAY, "国庆节", "National Day"), provinceAdministrator());
        FormBrowser county = signedIn("admin.xihu");
        var page = county.get("/admin/calendar?year=2031");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("国庆节", "id=\"province-keeps-it\"").doesNotContain("id=\"declare-form\"", "remove-2031-10-01");

        assertThat(county.post("/admin/calendar", page.body(),
                Map.of("day", "2031-10-02", "kind", "HOLIDAY", "nameZh", "国庆节", "nameEn", "National Day")).statusCode()).isEqualTo(403);
        assertThat(county.post("/admin/calendar/2031-10-01/removal", page.body(), Map.of()).statusCode()).isEqualTo(403);
        assertThat(calendar.exceptions(YEAR)).extracting(WorkingCalendar.Exception::day)
                .containsExactly(java.time.LocalDate.of(YEAR, 10, 1));
    }

    @Test
    void aClerkMayNeitherSeeNorChangeTheCalendar() throws Exception {
        calendar.declare(new WorkingCalendar.Exception(java.time.LocalDate.of(YEAR, 10, 1),
                org.onewindow.casework.model.WorkingDayCalendar.Exception.HOLIDAY, "国庆节", "National Day"), provinceAdministrator());
        FormBrowser clerk = signedIn("clerk.xihu");
        String office = clerk.get("/office").body();

        assertThat(clerk.get("/admin/calendar?year=2031").statusCode()).isEqualTo(403);
        assertThat(clerk.post("/admin/calendar", office,
                Map.of("day", "2031-10-02", "kind", "HOLIDAY", "nameZh", "国庆节", "nameEn", "National Day")).statusCode()).isEqualTo(403);
        assertThat(clerk.post("/admin/calendar/2031-10-01/removal", office, Map.of()).statusCode()).isEqualTo(403);
        assertThat(office).doesNotContain("href=\"/admin/calendar\"");
        assertThat(calendar.exceptions(YEAR)).extracting(WorkingCalendar.Exception::day)
                .containsExactly(java.time.LocalDate.of(YEAR, 10, 1));
    }

    @Test
    void inEnglishThePageAndItsErrorsAreInEnglish() throws Exception {
        FormBrowser admin = signedIn("admin");
        calendar.declare(new WorkingCalendar.Exception(java.time.LocalDate.of(YEAR, 10, 6),
                org.onewindow.casework.model.WorkingDayCalendar.Exception.HOLIDAY, "国庆节", "National Day"), provinceAdministrator());

        HttpResponse<String> page = admin.get("/admin/calendar?year=2031&lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"en\"", "Working calendar 2031", "Previous year (2030)", "Next year (2032)",
                "Public holidays and working weekend days in 2031", "Monday", "Day off (public holiday)", "Name in Chinese",
                "Name in English", ">Remove<", "Working calendar</a>");

        HttpResponse<String> refused = admin.post("/admin/calendar", page.body(),
                Map.of("year", "2031", "day", "2031-10-08", "kind", "WORKDAY", "nameZh", "调休", "nameEn", "Moved"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem", "Type: Only a weekend day can be declared a working day.");
        assertThat(admin.post("/admin/calendar", page.body(), Map.of("year", "2031", "day", "2031-10-11", "kind", "WORKDAY",
                "nameZh", "调休", "nameEn", "Moved")).statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/calendar?year=2031").body()).contains("2031-10-11 (Moved) is now a working day.", "Saturday");
    }

    private FormBrowser signedIn(String username) throws Exception {
        return new FormBrowser(port).signIn(username, DemoPeople.PASSWORD);
    }

    private org.onewindow.identity.StaffMember provinceAdministrator() {
        return staff.requireStaff("admin");
    }
}
