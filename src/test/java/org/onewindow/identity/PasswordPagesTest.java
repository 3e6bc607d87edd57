package org.onewindow.identity;

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
 * Passwords on the pages: an administrator resets a member of staff's password to a temporary one
 * shown once, which signs in to nothing but choosing a new one; anyone signed in changes their own
 * password, proving the current one, by the rules of a new password. Both end the old sessions.
 */
@IntegrationTest
class PasswordPagesTest {

    private static final Pattern TEMPORARY = Pattern.compile("id=\"temporary-password\"[^>]*>([a-z0-9-]+)<");

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorResetsAStaffPasswordAndTheAccountMustChooseItsOwnBeforeAnythingElse() throws Exception {
        String username = "handler-" + UUID.randomUUID().toString().substring(0, 6);
        staff.handler(username, "330106", "market-regulation");
        FormBrowser before = new FormBrowser(port).signIn(username, DemoPeople.PASSWORD);
        assertThat(before.get("/office").statusCode()).isEqualTo(200);

        FormBrowser admin = new FormBrowser(port).signIn("admin.xihu", DemoPeople.PASSWORD);
        HttpResponse<String> page = admin.get("/admin/staff");
        assertThat(page.body()).contains("reset-password-" + username).doesNotContain("reset-password-admin.xihu\"", "disable-admin.xihu\"");
        HttpResponse<String> reset = admin.post("/admin/staff/" + username + "/password-reset", page.body(), Map.of());
        assertThat(reset.statusCode()).isEqualTo(200);
        Matcher shown = TEMPORARY.matcher(reset.body());
        assertThat(shown.find()).isTrue();
        String temporary = shown.group(1);
        assertThat(admin.get("/admin/staff").body()).doesNotContain(temporary);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'admin.xihu' and action = 'staff.password-reset' and subject = :s")
                .param("s", "account:" + username).query(Integer.class).single()).isEqualTo(1);

        // the old session has ended, the old password opens nothing
        assertThat(before.get("/office").statusCode()).isNotEqualTo(200);
        assertThat(signInFails(username, DemoPeople.PASSWORD)).isTrue();

        FormBrowser withTemporary = new FormBrowser(port).signIn(username, temporary);
        assertThat(withTemporary.get("/account").body()).contains("id=\"password-change-due\"");
        assertThat(withTemporary.get("/office").statusCode()).isEqualTo(403);
        HttpResponse<String> form = withTemporary.get("/account/password");
        assertThat(form.body()).contains("id=\"password-due\"");
        HttpResponse<String> common = withTemporary.post("/account/password", form.body(),
                Map.of("currentPassword", temporary, "password", "password1234"));
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(common.body()).contains("id=\"password-error\"", "href=\"#password\"").doesNotContain(temporary);
        String chosen = "my own handler phrase " + UUID.randomUUID();
        HttpResponse<String> changed = withTemporary.post("/account/password", form.body(), Map.of("currentPassword", temporary, "password", chosen));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location").orElseThrow()).contains("/login?changed");

        assertThat(signInFails(username, temporary)).isTrue();
        assertThat(new FormBrowser(port).signIn(username, chosen).get("/office").statusCode()).isEqualTo(200);
    }

    @Test
    void aCountyAdministratorCannotResetAPasswordOutsideTheirAreaNorTheirOwn() throws Exception {
        FormBrowser admin = new FormBrowser(port).signIn("admin.xihu", DemoPeople.PASSWORD);
        HttpResponse<String> page = admin.get("/admin/staff");
        assertThat(admin.post("/admin/staff/supervisor.hangzhou/password-reset", page.body(), Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> own = admin.post("/admin/staff/admin.xihu/password-reset", page.body(), Map.of());
        assertThat(own.body()).doesNotContain("id=\"temporary-password\"");
        assertThat(new FormBrowser(port).signIn("supervisor.hangzhou", DemoPeople.PASSWORD).get("/account").statusCode()).isEqualTo(200);
        assertThat(new FormBrowser(port).signIn("admin.xihu", DemoPeople.PASSWORD).get("/admin/staff").statusCode()).isEqualTo(200);
    }

    @Test
    void overTheApiATemporaryPasswordIsAnsweredOnceAndOpensNothingUntilChanged() throws Exception {
        String username = "handler-" + UUID.randomUUID().toString().substring(0, 6);
        staff.handler(username, "330106", "market-regulation");
        var reset = DemoPeople.at(port).xihuAdministrator().post("/api/v1/identity/staff/" + username + "/password-reset", "");
        assertThat(reset.status()).isEqualTo(200);
        String temporary = reset.json().path("temporaryPassword").asString();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);

        var refused = new org.onewindow.PlatformClient(port).as(username, temporary).get("/api/v1/identity/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("password-change-due");

        String chosen = "an api handler phrase " + UUID.randomUUID();
        FormBrowser pages = new FormBrowser(port).signIn(username, temporary);
        HttpResponse<String> form = pages.get("/account/password");
        assertThat(pages.post("/account/password", form.body(), Map.of("currentPassword", temporary, "password", chosen)).statusCode())
                .isEqualTo(302);
        var me = new org.onewindow.PlatformClient(port).as(username, chosen);
        assertThat(me.get("/api/v1/identity/me").status()).isEqualTo(200);
        var weak = me.put("/api/v1/identity/me/password", "{\"currentPassword\": \"" + chosen + "\", \"newPassword\": \"short\"}");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.firstError()).isEqualTo("password password-length");
        String again = "a second api phrase " + UUID.randomUUID();
        var changed = me.put("/api/v1/identity/me/password", "{\"currentPassword\": \"" + chosen + "\", \"newPassword\": \"" + again + "\"}");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(new org.onewindow.PlatformClient(port).as(username, again).get("/api/v1/identity/me").status()).isEqualTo(200);
        assertThat(new org.onewindow.PlatformClient(port).as(username, chosen).get("/api/v1/identity/me").status()).isEqualTo(401);
    }

    @Test
    void aCitizenChangesTheirOwnPasswordProvingTheCurrentOne() throws Exception {
        var citizen = DemoPeople.at(port).aNewCitizen();
        FormBrowser browser = new FormBrowser(port).signIn(citizen.username(), citizen.password());
        assertThat(browser.get("/account").body()).contains("href=\"/account/password\"");
        HttpResponse<String> form = browser.get("/account/password");
        assertThat(form.statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = browser.post("/account/password", form.body(),
                Map.of("currentPassword", "not-my-password-at-all", "password", "a brand new passphrase"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"currentPassword-error\"").doesNotContain("a brand new passphrase", "not-my-password-at-all");
        HttpResponse<String> tooShort = browser.post("/account/password", form.body(),
                Map.of("currentPassword", citizen.password(), "password", "short"));
        assertThat(tooShort.body()).contains("id=\"password-error\"").doesNotContain("id=\"currentPassword-error\"");

        HttpResponse<String> changed = browser.post("/account/password", form.body(),
                Map.of("currentPassword", citizen.password(), "password", "a brand new passphrase"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/account").statusCode()).isNotEqualTo(200);
        assertThat(signInFails(citizen.username(), citizen.password())).isTrue();
        assertThat(new FormBrowser(port).signIn(citizen.username(), "a brand new passphrase").get("/account").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'account.password-changed' and subject = :s")
                .param("s", "account:" + citizen.username()).query(Integer.class).single()).isEqualTo(1);
    }

    private boolean signInFails(String username, String password) throws Exception {
        FormBrowser browser = new FormBrowser(port);
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> done = browser.post("/login", login.body(), Map.of("username", username, "password", password));
        return done.headers().firstValue("Location").orElse("").contains("error");
    }
}
