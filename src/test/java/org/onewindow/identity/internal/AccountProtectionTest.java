package org.onewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Attacks on sign-in and on staff accounts: guessing, weak passwords, Basic on pages, a disabled account's session, a stolen password. */
@IntegrationTest
class AccountProtectionTest {

    private static final String STRONG = "staff-passphrase-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecondFactor secondFactor;
    @Autowired
    LoginThrottle throttle;

    /** Every test here signs in from 127.0.0.1 like every other test: forget the address's failures, so no other test is locked out. */
    @AfterEach
    void forgetTheTestAddress() {
        jdbc.sql("delete from login_throttle where key like 'address:%'").update();
    }

    @Test
    void aGuessedPasswordIsLockedOutAfterRepeatedFailures() {
        String username = newStaff("CLERK");
        PlatformClient anonymous = DemoPeople.at(port).anonymous();
        for (int guess = 0; guess < 5; guess++) {
            assertThat(anonymous.as(username, "guess-number-" + guess).get("/api/v1/identity/me").status()).isEqualTo(401);
        }
        var right = anonymous.as(username, STRONG).get("/api/v1/identity/me");
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.body()).contains("login-locked");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'login.failed' and subject = :s")
                .param("s", "account:" + username).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aLockedAccountIsUnlockedByAnAdministrator() {
        String username = newStaff("CLERK");
        PlatformClient anonymous = DemoPeople.at(port).anonymous();
        for (int guess = 0; guess < 5; guess++) {
            anonymous.as(username, "guess-number-" + guess).get("/api/v1/identity/me");
        }
        assertThat(anonymous.as(username, STRONG).get("/api/v1/identity/me").status()).isEqualTo(401);
        var listed = DemoPeople.at(port).provinceAdministrator().get("/api/v1/identity/staff/" + username);
        assertThat(listed.json().path("locked").asBoolean()).isTrue();

        assertThat(DemoPeople.at(port).provinceAdministrator().post("/api/v1/identity/staff/" + username + "/unlocking", "").status())
                .isEqualTo(200);
        assertThat(anonymous.as(username, STRONG).get("/api/v1/identity/me").status()).isEqualTo(200);
    }

    @Test
    void manyAccountsTriedFromOneAddressLockThatAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("someone-" + i, "203.0.113.7", "wrong password");
        }
        assertThat(throttle.lockedUntil("zhangsan", "203.0.113.7")).isPresent();
        assertThat(throttle.lockedUntil("zhangsan", "203.0.113.8")).isEmpty();
    }

    @Test
    void failuresOfMadeUpNamesAreForgottenOnceOld() {
        throttle.failed("made-up-" + suffix(), "198.51.100.9", "wrong password");
        jdbc.sql("update login_throttle set last_failure_at = now() - interval '2 days' where key = 'address:198.51.100.9'").update();
        throttle.forgetOldFailures();
        assertThat(jdbc.sql("select count(*) from login_throttle where key = 'address:198.51.100.9'").query(Integer.class).single()).isZero();
    }

    @Test
    void aCommonPasswordIsRefusedAtRegistration() {
        PlatformClient anonymous = DemoPeople.at(port).anonymous();
        var common = anonymous.post("/api/v1/identity/persons", registration("password1234"));
        assertThat(common.status()).isEqualTo(422);
        assertThat(common.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
        assertThat(common.json().path("errors").get(0).path("rule").asString()).isEqualTo("password-common");
        var tooShort = anonymous.post("/api/v1/identity/persons", registration("short-pass"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("password");
        var weakStaff = DemoPeople.at(port).provinceAdministrator().post("/api/v1/identity/staff", staff("weak" + suffix(), "qwerty123456", "CLERK"));
        assertThat(weakStaff.status()).isEqualTo(422);
        assertThat(weakStaff.body()).contains("password-common");
    }

    @Test
    void thePagesRefuseHttpBasic() {
        // the clerk's password sent the way the API takes it, to a page
        PlatformClient nobody = DemoPeople.at(port).anonymous();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("clerk.xihu:" + DemoPeople.PASSWORD).getBytes());
        var page = nobody.send(nobody.request("/office").header("Authorization", basic).header("Accept", "text/html").GET());
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        assertThat(DemoPeople.at(port).xihuClerk().get("/api/v1/identity/me").status()).isEqualTo(200);
    }

    @Test
    void aDisabledStaffAccountStopsAtOnceEvenWithASession() throws Exception {
        String username = newStaff("CLERK");
        FormBrowser browser = new FormBrowser(port).signIn(username, STRONG);
        PlatformClient api = DemoPeople.at(port).anonymous().as(username, STRONG);
        assertThat(browser.get("/office").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/casework/tasks").status()).isEqualTo(200);

        assertThat(DemoPeople.at(port).provinceAdministrator().post("/api/v1/identity/staff/" + username + "/disabling", "").status())
                .isEqualTo(200);
        assertThat(browser.get("/office").statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/casework/tasks").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'staff.disabled' and subject = :s")
                .param("s", "account:" + username).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRoleTakenAwayEndsTheSessionAtOnce() throws Exception {
        String username = newStaff("CLERK");
        FormBrowser browser = new FormBrowser(port).signIn(username, STRONG);
        assertThat(browser.get("/office").statusCode()).isEqualTo(200);
        var changed = DemoPeople.at(port).provinceAdministrator().put("/api/v1/identity/staff/" + username + "/assignment",
                "{\"regionCode\": \"330106\", \"roles\": [\"DATA_STEWARD\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(browser.get("/office").statusCode()).isEqualTo(302);
        assertThat(new FormBrowser(port).signIn(username, STRONG).get("/office").statusCode()).isEqualTo(403);
    }

    @Test
    void aCountyAdministratorCannotTouchStaffOutsideTheCounty() {
        var outside = DemoPeople.at(port).xihuAdministrator().post("/api/v1/identity/staff",
                staff("ningbo" + suffix(), STRONG, "CLERK").replace("330106", "330212"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("regionCode");
        assertThat(DemoPeople.at(port).xihuAdministrator().post("/api/v1/identity/staff/supervisor.hangzhou/disabling", "").status())
                .isEqualTo(404);
        assertThat(DemoPeople.at(port).xihuClerk().get("/api/v1/identity/staff").status()).isEqualTo(403);
    }

    @Test
    void aStaffMemberWithTotpCannotSignInWithThePasswordAlone() throws Exception {
        String username = newStaff("CLERK");
        assertThat(DemoPeople.at(port).provinceAdministrator().put("/api/v1/identity/staff/" + username + "/second-factor",
                "{\"required\": true}").status()).isEqualTo(200);

        // with the password alone, all one may do is enrol
        FormBrowser browser = new FormBrowser(port).signIn(username, STRONG);
        assertThat(browser.get("/office").statusCode()).isEqualTo(403);
        HttpResponse<String> page = browser.get("/account/second-factor");
        browser.post("/account/second-factor/secret", page.body(), Map.of());
        page = browser.get("/account/second-factor");
        var secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page.body());
        assertThat(secret.find()).isTrue();
        assertThat(page.body()).contains("otpauth://totp/");
        HttpResponse<String> enrolled = browser.post("/account/second-factor", page.body(),
                Map.of("code", secondFactor.codeAt(secret.group(1), secondFactor.currentStep())));
        assertThat(enrolled.headers().firstValue("Location").orElseThrow()).endsWith("/login?enrolled");

        FormBrowser thief = new FormBrowser(port);
        HttpResponse<String> login = thief.get("/login");
        var passwordOnly = thief.post("/login", login.body(), Map.of("username", username, "password", STRONG));
        assertThat(passwordOnly.headers().firstValue("Location").orElseThrow()).contains("error=code");
        assertThat(thief.get("/office").statusCode()).isEqualTo(302);
        var overBasic = DemoPeople.at(port).anonymous().as(username, STRONG).get("/api/v1/casework/tasks");
        assertThat(overBasic.status()).isEqualTo(401);
        assertThat(overBasic.body()).contains("second-factor-required");

        FormBrowser owner = new FormBrowser(port);
        login = owner.get("/login");
        var withCode = owner.post("/login", login.body(), Map.of("username", username, "password", STRONG,
                "code", secondFactor.codeAt(secret.group(1), secondFactor.currentStep() + 1)));
        assertThat(withCode.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(owner.get("/office").statusCode()).isEqualTo(200);
    }

    private String newStaff(String role) {
        String username = "staff" + suffix();
        var created = DemoPeople.at(port).provinceAdministrator().post("/api/v1/identity/staff", staff(username, STRONG, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    private static String staff(String username, String password, String role) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\", \"name\": \"测试\", \"regionCode\": \"330106\","
                + " \"roles\": [\"" + role + "\"]}";
    }

    private static String registration(String password) {
        String first17 = "33010619" + (50 + java.util.concurrent.ThreadLocalRandom.current().nextInt(40)) + "0101"
                + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        String idNumber = first17 + org.onewindow.identity.ResidentIdNumber.checkDigitFor(first17);
        return "{\"username\": \"p" + suffix() + "\", \"password\": \"" + password + "\", \"name\": \"王五\", \"idNumber\": \"" + idNumber + "\", \"phone\": \"13812345678\"}";
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
