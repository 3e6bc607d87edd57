package org.onewindow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An address where nothing is answers 404 to everyone, signed in or not, a page for people and a
 * problem detail for the API; the addresses that are there keep their sign-in and their rules.
 */
@IntegrationTest
class UnknownAddressesTest {

    @LocalServerPort
    int port;

    @Test
    void pagesThatAreNotThereAreNotFoundForEveryone() throws Exception {
        FormBrowser anonymous = new FormBrowser(port);
        FormBrowser citizen = new FormBrowser(port).signIn("zhangsan", DemoPeople.PASSWORD);
        for (String nowhere : new String[] {"/no-such-page", "/office/no-such-page", "/admin/no-such-page", "/supervision/x/y",
                "/account/no-such-page", "/applications/OW-1/no-such-page"}) {
            var seen = anonymous.get(nowhere);
            assertThat(seen.statusCode()).as(nowhere).isEqualTo(404);
            assertThat(seen.body()).as(nowhere).contains("找不到这个页面");
            assertThat(citizen.get(nowhere).statusCode()).as(nowhere).isEqualTo(404);
        }
        // what is there still needs signing in, and the right role
        assertThat(anonymous.get("/office").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/admin/catalog").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(citizen.get("/office").statusCode()).isEqualTo(403);
        assertThat(citizen.get("/admin/catalog").statusCode()).isEqualTo(403);
    }

    @Test
    void signingInAfterAnAddressThatIsNotThereLeadsToTheAccountNotBackToIt() throws Exception {
        FormBrowser anonymous = new FormBrowser(port);
        assertThat(anonymous.get("/office/no-such-page").statusCode()).isEqualTo(404);
        var login = anonymous.get("/login");
        var done = anonymous.post("/login", login.body(), java.util.Map.of("username", "zhangsan", "password", DemoPeople.PASSWORD));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/account");
    }

    @Test
    void apiPathsThatAreNotThereAnswerAProblemOf404() {
        DemoPeople people = DemoPeople.at(port);
        for (var caller : new org.onewindow.PlatformClient[] {people.anonymous(), people.zhangsan()}) {
            var answer = caller.get("/api/v1/casework/no-such-thing");
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("status").asInt()).isEqualTo(404);
        }
        assertThat(people.anonymous().get("/api/v1/casework/tasks").status()).isEqualTo(401);
        assertThat(people.zhangsan().get("/api/v1/casework/tasks").status()).isEqualTo(403);
    }
}
