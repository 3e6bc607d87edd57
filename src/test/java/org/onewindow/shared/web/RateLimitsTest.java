package org.onewindow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The platform behind a reverse proxy on this machine, with small limits: a burst from one client
 * is answered 429, and the client is the address the trusted proxy names. Its own context, since
 * the shared one switches the limits off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "onewindow.database.ephemeral=true", "onewindow.demo-data=true",
        "onewindow.data-dir=target/test-data-rate-limits",
        "onewindow.pii.key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
        "logging.level.org.onewindow.request=WARN",
        "onewindow.web.trusted-proxies=127\\.0\\.0\\.1",
        "onewindow.web.public-base-url=https://zwfw.example.gov.cn",
        "onewindow.rate-limits.enabled=true",
        "onewindow.rate-limits.login.per-address=6",
        "onewindow.rate-limits.login.per-account=4",
        "onewindow.rate-limits.registration.per-address=3",
        "onewindow.rate-limits.lookup.per-address=1000",
        "onewindow.rate-limits.lookup.per-account=5",
        "onewindow.rate-limits.search.per-address=5"
})
@Import(IntegrationTest.Clocks.class)
class RateLimitsTest {

    @LocalServerPort
    int port;

    @Test
    void aBurstOfLoginsIsAnswered429WithRetryAfter() {
        RawHttp raw = new RawHttp(port);
        int lastStatus = 0;
        RawHttp.Answer answer = null;
        for (int i = 0; i < 5 && lastStatus != 429; i++) {
            answer = login(raw, "203.0.113.10", "zhangsan", "wrong-" + i);
            lastStatus = answer.status();
        }
        assertThat(lastStatus).as("the fifth try on one account").isEqualTo(429);
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.body()).doesNotContain("Exception");

        // another account from another address is not held up; one address trying many accounts is
        for (int i = 0; i < 6; i++) {
            assertThat(login(raw, "203.0.113.11", "user" + i, "x").status()).as("try " + i).isNotEqualTo(429);
        }
        assertThat(login(raw, "203.0.113.11", "user-last", "x").status()).isEqualTo(429);
        assertThat(login(raw, "203.0.113.12", "lisi", "x").status()).isNotEqualTo(429);
    }

    @Test
    void aBurstOfRegistrationsThroughTheApiGetsAProblemDetail() {
        RawHttp raw = new RawHttp(port);
        RawHttp.Answer answer = null;
        for (int i = 0; i < 4; i++) {
            String body = "{}";
            answer = raw.send("POST /api/v1/identity/persons HTTP/1.1\nHost: localhost\nX-Forwarded-For: 198.51.100.20\n"
                    + "Content-Type: application/json\nContent-Length: 2\nConnection: close\n\n", body.getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.body()).contains("\"status\":429");
    }

    @Test
    void guessingApplicationNumbersIsSlowedDownForCitizensButNotForStaff() {
        DemoPeople people = DemoPeople.at(port);
        PlatformClient clerk = people.xihuClerk();
        PlatformClient guesser = people.lisi();
        String number = DemoCases.of(people).submitted(people.zhangsan(), "MR-002",
                "{\"shopName\": \"李记小吃\", \"businessScope\": \"小吃\", \"organizationForm\": \"INDIVIDUAL\"}");
        String prefix = number.substring(0, number.length() - 6);
        int lastStatus = 0;
        PlatformClient.Response last = null;
        for (int i = 1; i <= 6; i++) {
            last = guesser.get("/api/v1/casework/applications/" + prefix + String.format("%06d", i));
            lastStatus = last.status();
        }
        assertThat(lastStatus).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        for (int i = 0; i < 8; i++) {
            assertThat(clerk.get("/api/v1/casework/applications/" + number).status()).isEqualTo(200);
        }
    }

    @Test
    void aTrustedProxysForwardedHeadersAreBelieved() {
        RawHttp raw = new RawHttp(port);
        var answer = raw.get("/account", "Accept: text/html", "X-Forwarded-Proto: https", "X-Forwarded-Host: zwfw.example.gov.cn", "X-Forwarded-Port: 443",
                "X-Forwarded-For: 198.51.100.30");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/login");
        assertThat(answer.header("Strict-Transport-Security")).contains("max-age=");
        var forged = raw.get("/account", "Accept: text/html", "X-Forwarded-Host: evil.example");
        assertThat(forged.status()).isEqualTo(400);
    }

    private RawHttp.Answer login(RawHttp raw, String client, String user, String password) {
        String form = "username=" + user + "&password=" + password;
        return raw.send("POST /login HTTP/1.1\nHost: localhost:" + port + "\nX-Forwarded-For: " + client
                + "\nAccept: text/html\nContent-Type: application/x-www-form-urlencoded\nContent-Length: " + form.length() + "\nConnection: close\n\n",
                form.getBytes(StandardCharsets.US_ASCII));
    }
}
