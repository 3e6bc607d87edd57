package org.onewindow.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An application form sent after its session ended, as a browser without JavaScript sends it: the
 * answers wait, encrypted, for the person the form was shown to, and only for them.
 */
@IntegrationTest
class UnsentAnswersPagesTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\"\\s+value=\"([^\"]+)\"");
    private static final Pattern OWNER = Pattern.compile("name=\"owner\"\\s+value=\"([0-9a-f]{64})\"");
    /** What a page from a session that has since ended carries: a CSRF token the platform no longer knows. */
    private static final String STALE_PAGE = "<input type=\"hidden\" name=\"_csrf\" value=\"a-token-of-a-session-that-ended\">";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAnswersGoBackToThePersonTheFormWasShownToAndAreEncryptedMeanwhile() throws Exception {
        String scope = "图书零售-" + UUID.randomUUID();
        FormBrowser sameBrowser = new FormBrowser(port);
        HttpResponse<String> sent = sendAfterTheSessionEnded(formOf("zhangsan"), sameBrowser, scope);

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).isEqualTo("/login?expired=kept");
        String cookie = sent.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("OW_UNSENT_ANSWERS=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/items/MR-002/apply", "Max-Age=1800");
        String token = cookie.substring("OW_UNSENT_ANSWERS=".length(), cookie.indexOf(';'));
        assertThat(jdbc.sql("select count(*) from unsent_application_answers where answers like :plain or token_hash = :token")
                .param("plain", "%" + scope + "%").param("token", token).query(Integer.class).single())
                .as("the answers are encrypted and the token is kept only as a hash").isZero();
        assertThat(sameBrowser.get("/login?expired=kept").body()).contains("id=\"session-ended\"", "您填写的内容已经保存");

        sameBrowser.signIn("zhangsan", DemoPeople.PASSWORD);
        HttpResponse<String> back = sameBrowser.get("/items/MR-002/apply");
        assertThat(back.body()).contains("id=\"answers-restored\"", scope, "张记书店");
        assertThat(sameBrowser.get("/items/MR-002/apply").body()).as("taken once").doesNotContain(scope);
    }

    @Test
    void someoneElseSigningInNextInThatBrowserGetsNothing() throws Exception {
        String scope = "图书零售-" + UUID.randomUUID();
        FormBrowser sharedComputer = new FormBrowser(port);
        assertThat(sendAfterTheSessionEnded(formOf("zhangsan"), sharedComputer, scope).statusCode()).isEqualTo(303);
        int kept = jdbc.sql("select count(*) from unsent_application_answers").query(Integer.class).single();

        sharedComputer.signIn("lisi", DemoPeople.PASSWORD);
        HttpResponse<String> form = sharedComputer.get("/items/MR-002/apply");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).doesNotContain(scope).doesNotContain("answers-restored");
        assertThat(jdbc.sql("select count(*) from unsent_application_answers").query(Integer.class).single())
                .as("and they are gone").isEqualTo(kept - 1);
    }

    @Test
    void aFormWithoutItsOwnersProofIsRefusedAsASessionThatEndedAndNothingIsKept() throws Exception {
        int before = jdbc.sql("select count(*) from unsent_application_answers").query(Integer.class).single();
        HttpResponse<String> forged = new FormBrowser(port).post("/items/MR-002/apply", STALE_PAGE,
                Map.of("form.shopName", "伪造", "regionCode", "330106"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("登录已过期").doesNotContain("没有权限");
        assertThat(jdbc.sql("select count(*) from unsent_application_answers").query(Integer.class).single()).isEqualTo(before);
        HttpResponse<String> otherForm = new FormBrowser(port).post("/applications/OW-1/withdrawal", STALE_PAGE, Map.of("confirm", "yes"));
        assertThat(otherForm.statusCode()).isEqualTo(403);
        assertThat(otherForm.body()).contains("登录已过期", "href=\"/login\"");
    }

    private String formOf(String username) throws Exception {
        return new FormBrowser(port).signIn(username, DemoPeople.PASSWORD).get("/items/MR-002/apply").body();
    }

    private static HttpResponse<String> sendAfterTheSessionEnded(String form, FormBrowser browser, String scope) throws Exception {
        return browser.post("/items/MR-002/apply", STALE_PAGE, Map.of("idempotencyKey", group(KEY, form), "owner", group(OWNER, form),
                "form.shopName", "张记书店", "form.businessScope", scope, "form.organizationForm", "INDIVIDUAL", "regionCode", "330106"));
    }

    private static String group(Pattern pattern, String page) {
        Matcher found = pattern.matcher(page);
        assertThat(found.find()).as(pattern.pattern()).isTrue();
        return found.group(1);
    }
}
