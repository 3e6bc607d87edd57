package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.TestClock;
import org.onewindow.identity.ResidentIdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone who cannot use the portal (李四 is 78) authorizes a family member, who applies in
 * their name for the named items only, until the date chosen, and not a moment after a
 * revocation. The principal sees everything done for them.
 */
@IntegrationTest
class ProxyChannelTest {

    private static final String SHOP = "{\"shopName\": \"李家小卖部\", \"businessScope\": \"日用百货\", \"organizationForm\": \"FAMILY\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    DemoPeople people;
    PlatformClient principal;
    PlatformClient proxy;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        principal = people.lisi();
        proxy = people.zhangsan();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aFamilyMemberAppliesInThePrincipalsNameAndTheRevocationEndsItAtOnce() {
        String id = authorize(principal, "zhangsan", "[\"MR-002\"]", today().plusDays(30)).json().path("id").asString();

        var filed = apply(proxy, "MR-002", "lisi", SHOP);
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().path("channel").asString()).isEqualTo("PROXY");
        assertThat(filed.json().path("applicant").asString()).isEqualTo("lisi");
        assertThat(filed.json().path("submittedBy").asString()).isEqualTo("zhangsan");
        String number = filed.json().path("number").asString();
        assertThat(principal.get("/api/v1/casework/applications/" + number).status()).isEqualTo(200);
        assertThat(proxy.get("/api/v1/casework/applications/" + number).status()).isEqualTo(200);

        assertThat(principal.post("/api/v1/identity/proxy-authorizations/" + id + "/revocation", "").status()).isEqualTo(200);
        assertThat(proxy.get("/api/v1/casework/applications/" + number).status()).isEqualTo(403);
        assertThat(proxy.post("/api/v1/casework/applications/" + number + "/withdrawal", "").status()).isEqualTo(403);
        assertThat(apply(proxy, "MR-002", "lisi", SHOP).status()).isEqualTo(403);
        assertThat(principal.post("/api/v1/casework/applications/" + number + "/withdrawal", "").json().path("state").asString())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void aProxyActsOnlyForTheNamedItemsAndUntilTheDate() {
        authorize(principal, "zhangsan", "[\"MR-002\"]", today().plusDays(10));
        int before = applicationsOf("lisi");
        var otherItem = apply(proxy, "CA-001", "lisi", "{\"partnerName\": \"王芳\", \"bothConsent\": true, \"appointmentDate\": \"2026-12-01\"}");
        assertThat(otherItem.status()).isEqualTo(403);
        var someoneElse = apply(proxy, "MR-002", "xihu-restaurant", SHOP);
        assertThat(someoneElse.status()).isEqualTo(403);

        clock.advance(Duration.ofDays(12));
        assertThat(apply(proxy, "MR-002", "lisi", SHOP).status()).isEqualTo(403);
        assertThat(applicationsOf("lisi")).isEqualTo(before);
    }

    @Test
    void badAuthorizationsAreNamed() {
        assertThat(authorize(principal, "zhangsan", "[\"MR-002\"]", today().minusDays(1)).firstError())
                .isEqualTo("validUntil proxy.valid-until-range");
        assertThat(authorize(principal, "nobody-at-all", "[\"MR-002\"]", today().plusDays(1)).firstError())
                .isEqualTo("proxy proxy.unknown-person");
        assertThat(authorize(principal, "lisi", "[\"MR-002\"]", today().plusDays(1)).firstError())
                .isEqualTo("proxy proxy.unknown-person");
        assertThat(authorize(principal, "zhangsan", "[]", today().plusDays(1)).status()).isEqualTo(400);
        assertThat(people.xihuClerk()
                .post("/api/v1/identity/proxy-authorizations", "{\"proxy\": \"zhangsan\", \"itemCodes\": [\"MR-002\"], \"validUntil\": \""
                        + today().plusDays(1) + "\"}").status()).isEqualTo(403);
    }

    @Test
    void aClerkRecordsAnAuthorizationForSomeoneWithoutASmartphone() {
        String first17 = "33010619400302002";
        String idNumber = first17 + ResidentIdNumber.checkDigitFor(first17);
        var recorded = people.xihuClerk().post("/api/v1/identity/proxy-authorizations/at-window",
                "{\"principalIdNumber\": \"" + idNumber + "\", \"principalName\": \""
                        + org.onewindow.identity.internal.SimulatedRealNameRegister.personOf(idNumber).name() + "\", \"proxy\": \"zhangsan\", "
                        + "\"itemCodes\": [\"MR-002\"], \"validUntil\": \"" + today().plusDays(60) + "\"}");
        assertThat(recorded.status()).isEqualTo(201);
        String grandfather = recorded.json().path("principal").asString();
        assertThat(recorded.json().path("grantedBy").asString()).isEqualTo("clerk.xihu");

        var filed = apply(proxy, "MR-002", grandfather, SHOP);
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().path("applicant").asString()).isEqualTo(grandfather);
    }

    private PlatformClient.Response authorize(PlatformClient who, String proxyName, String items, LocalDate until) {
        return who.post("/api/v1/identity/proxy-authorizations",
                "{\"proxy\": \"" + proxyName + "\", \"itemCodes\": " + items + ", \"validUntil\": \"" + until + "\"}");
    }

    private PlatformClient.Response apply(PlatformClient who, String item, String onBehalfOf, String form) {
        String body = "{\"itemCode\": \"" + item + "\", \"regionCode\": \"330106\", \"onBehalfOf\": \"" + onBehalfOf + "\", \"form\": " + form + "}";
        return who.send(who.request("/api/v1/casework/applications").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private int applicationsOf(String applicant) {
        return jdbc.sql("select count(*) from application where applicant = :a").param("a", applicant).query(Integer.class).single();
    }
}
