package org.onewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Identity's records one may not touch answer exactly like records that do not exist: someone
 * else's proxy authorization, and a staff account outside the administrator's region.
 */
@IntegrationTest
class IdentityNoOracleTest {

    @LocalServerPort
    int port;
    DemoPeople people;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
    }

    @Test
    void revokingSomeoneElsesAuthorizationAnswersLikeRevokingNone() {
        var granted = people.zhangsan().post("/api/v1/identity/proxy-authorizations",
                "{\"proxy\": \"lisi\", \"itemCodes\": [\"MR-002\"], \"validUntil\": \"" + LocalDate.now().plusMonths(1) + "\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        String theirs = granted.json().path("id").asString();
        String none = UUID.randomUUID().toString();

        sameAnswer(people.xihuRestaurant(), theirs, none, (c, id) -> c.post("/api/v1/identity/proxy-authorizations/" + id + "/revocation", ""));
        // the proxy received it but did not give it: not theirs to revoke either
        sameAnswer(people.lisi(), theirs, none, (c, id) -> c.post("/api/v1/identity/proxy-authorizations/" + id + "/revocation", ""));
        assertThat(people.zhangsan().get("/api/v1/identity/proxy-authorizations").body()).contains(theirs);
    }

    @Test
    void aStaffAccountOutsideTheAdministratorsRegionAnswersLikeNone() {
        PlatformClient county = people.xihuAdministrator();
        String outside = "supervisor.hangzhou";
        String none = "nobody.at.all";
        sameAnswer(county, outside, none, (c, u) -> c.get("/api/v1/identity/staff/" + u));
        sameAnswer(county, outside, none, (c, u) -> c.post("/api/v1/identity/staff/" + u + "/disabling", ""));
        sameAnswer(county, outside, none, (c, u) -> c.post("/api/v1/identity/staff/" + u + "/unlocking", ""));
        sameAnswer(county, outside, none, (c, u) -> c.put("/api/v1/identity/staff/" + u + "/assignment",
                "{\"regionCode\": \"330106\", \"departmentId\": \"\", \"roles\": [\"CLERK\"]}"));
        assertThat(people.hangzhouSupervisor().get("/api/v1/identity/me").status()).isEqualTo(200);
    }

    private static void sameAnswer(PlatformClient who, String hidden, String missing, BiFunction<PlatformClient, String, PlatformClient.Response> call) {
        PlatformClient.Response seen = call.apply(who, hidden);
        PlatformClient.Response none = call.apply(who, missing);
        assertThat(none.status()).as(none.body()).isEqualTo(404);
        assertThat(seen.status()).as(seen.body()).isEqualTo(404);
        assertThat(normalized(seen, hidden)).isEqualTo(normalized(none, missing));
    }

    private static String normalized(PlatformClient.Response answer, String id) {
        String body = answer.body().replace(id, "ID");
        return answer.requestId() == null ? body : body.replace(answer.requestId(), "REQUEST");
    }
}
