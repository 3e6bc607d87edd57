package org.onewindow.shared.audit;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every look of a member of staff at someone else's data is recorded with its purpose, one test
 * per place where staff read; the person read sees it, and only they do. The audit trail's request
 * id is the platform's, whatever the client sends.
 */
@IntegrationTest
class StaffReadsAreAuditedTest {

    private static final String SHOP = "{\"shopName\": \"查阅小馆\", \"businessScope\": \"面食\", \"organizationForm\": \"FAMILY\"}";
    private static final String FOOD = "{\"premisesAddress\": \"西湖区文三路1号\", \"mainActivity\": \"RESTAURANT\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    DemoPeople people;
    DemoCases cases;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        cases = DemoCases.of(people);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void everyStaffReadOfAnApplicantIsAuditedOnTheWorklist() {
        String number = cases.submitted(people.zhangsan(), "MR-002", SHOP);
        assertThat(page(people.xihuClerk(), "/office")).contains(number);
        assertThat(reads("clerk.xihu", "worklist", "zhangsan", number)).isEqualTo(1);
    }

    @Test
    void everyStaffReadOfAnApplicantIsAuditedOnTheTasksApi() {
        String number = cases.submitted(people.zhangsan(), "MR-002", SHOP);
        assertThat(people.xihuClerk().get("/api/v1/casework/tasks").body()).contains(number);
        assertThat(reads("clerk.xihu", "task-list", "zhangsan", number)).isEqualTo(1);
    }

    @Test
    void everyStaffReadOfAnApplicantIsAuditedOnTheOutboxPage() {
        String number = cases.submitted(people.zhangsan(), "MR-002", SHOP);
        assertThat(page(people.provinceAdministrator(), "/admin/outbox")).contains(number);
        assertThat(reads(username(people.provinceAdministrator()), "outbox-check", "zhangsan", number)).isEqualTo(1);
    }

    @Test
    void everyStaffReadOfAnApplicantIsAuditedOnTheTimeLimitsList() {
        clock.set(Instant.parse("2026-11-23T01:00:00Z")); // Monday 09:00 in Beijing
        String number = cases.accepted(people.xihuRestaurant(), "MR-001", FOOD);
        clock.set(Instant.parse("2026-12-01T01:00:00Z")); // overdue
        PlatformClient supervisor = people.hangzhouSupervisor();
        assertThat(supervisor.get("/api/v1/casework/applications/time-limits").body()).contains(number);
        String applicant = jdbc.sql("select applicant from application where number = :n").param("n", number).query(String.class).single();
        assertThat(reads(username(supervisor), "time-limit-watch", applicant, number)).isEqualTo(1);
        assertThat(page(supervisor, "/supervision")).contains(number);
        assertThat(reads(username(supervisor), "time-limit-watch", applicant, number)).isEqualTo(2);
    }

    @Test
    void everyStaffReadOfAnApplicantIsAuditedOnTheRatingFollowUps() {
        String number = cases.closed(people.zhangsan(), "MR-002", SHOP);
        assertThat(people.zhangsan().post("/api/v1/casework/applications/" + number + "/rating",
                "{\"score\": 1, \"reasons\": [\"没人理我\"]}").status()).isEqualTo(201);
        PlatformClient supervisor = people.hangzhouSupervisor();
        assertThat(supervisor.get("/api/v1/casework/applications/follow-ups").body()).contains(number);
        assertThat(reads(username(supervisor), "rating-follow-up", "zhangsan", number)).isEqualTo(1);
    }

    @Test
    void everyStaffReadOfAnApplicantIsAuditedOnTheCasePageAndTheStatusApi() {
        String number = cases.submitted(people.zhangsan(), "MR-002", SHOP);
        assertThat(page(people.xihuClerk(), "/office/applications/" + number)).contains(number);
        assertThat(reads("clerk.xihu", "case-handling", "zhangsan", number)).isEqualTo(1);
        assertThat(people.xihuClerk().get("/api/v1/casework/applications/" + number).status()).isEqualTo(200);
        assertThat(reads("clerk.xihu", "case-handling", "zhangsan", number)).isEqualTo(2);
        // the applicant's own look is not a read of someone else's data
        people.zhangsan().get("/api/v1/casework/applications/" + number);
        assertThat(reads("zhangsan", "case-handling", "zhangsan", number)).isZero();
    }

    @Test
    void aCitizenSeesWhoReadTheirApplication() {
        String number = cases.submitted(people.zhangsan(), "MR-002", SHOP);
        people.xihuClerk().get("/api/v1/casework/applications/" + number);

        var answer = people.zhangsan().inLanguage("en").get("/api/v1/identity/me/reads");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode newest = answer.json().path(0);
        assertThat(newest.path("about").asString()).isEqualTo(number);
        assertThat(newest.path("purpose").asString()).isEqualTo("case-handling");
        assertThat(newest.path("purposeText").asString()).isEqualTo("To handle or look into your application");
        assertThat(newest.path("staffRoles").toString()).contains("CLERK");
        assertThat(newest.path("regionCode").asString()).isEqualTo("330106");
        // staff are shown by role and department, not by name or user name
        assertThat(answer.body()).doesNotContain("clerk.xihu");

        assertThat(page(people.zhangsan(), "/account")).contains("谁查看过我的信息").contains("办理或查看您的申请").contains(number)
                .doesNotContain("clerk.xihu");
        // another person sees only the reads of their own data
        assertThat(people.lisi().get("/api/v1/identity/me/reads").body()).doesNotContain(number);
    }

    @Test
    void aClientCannotChooseTheRequestIdOfTheAuditTrail() {
        String number = cases.submitted(people.zhangsan(), "MR-002", SHOP);
        PlatformClient clerk = people.xihuClerk();
        var answer = clerk.send(clerk.request("/api/v1/casework/applications/" + number).header("X-Request-Id", "someone-elses-request").GET());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.requestId()).isNotEqualTo("someone-elses-request");
        var row = jdbc.sql("""
                select request_id, client_request_id from audit_event
                where actor = 'clerk.xihu' and purpose = 'case-handling' and detail = :n order by id desc limit 1""")
                .param("n", number).query().singleRow();
        assertThat(row.get("request_id")).isEqualTo(answer.requestId());
        assertThat(row.get("client_request_id")).isEqualTo("someone-elses-request");
    }

    private int reads(String actor, String purpose, String subject, String number) {
        return jdbc.sql("""
                select count(*) from audit_event where actor = :actor and purpose = :purpose and subject = :subject
                  and (' ' || detail || ' ') like '% ' || :number || ' %'""")
                .param("actor", actor).param("purpose", purpose).param("subject", subject).param("number", number)
                .query(Integer.class).single();
    }

    private static String page(PlatformClient client, String path) {
        var answer = client.send(client.request(path).header("Accept", "text/html").GET());
        assertThat(answer.status()).as(path).isEqualTo(200);
        return answer.body();
    }

    private static String username(PlatformClient client) {
        return client.get("/api/v1/identity/me").json().path("username").asString();
    }
}
