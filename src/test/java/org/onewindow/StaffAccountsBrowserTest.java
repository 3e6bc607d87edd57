package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.identity.internal.TotpForTests;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator keeps a staff account on /admin/staff in a real browser: a common password is
 * refused next to its field, the account is created, two-step verification is required of it; the
 * new member of staff can then only set up an authenticator app, signs in with a code, and is
 * stopped at their next page once the administrator disables the account.
 */
@IntegrationTest
class StaffAccountsBrowserTest extends BrowserJourney {

    @Autowired
    TestClock clock;

    @Test
    void anAdministratorCreatesAStaffAccountThatMustSignInWithACodeAndThenDisablesIt() throws Exception {
        String username = "clerk" + UUID.randomUUID().toString().substring(0, 6);
        String password = "window-clerk-" + UUID.randomUUID();
        open(false);

        signIn("admin", DemoPeople.PASSWORD);
        go("/admin/staff");
        assertThat(browser.findElement(By.id("staff")).getText()).contains("clerk.xihu");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("password1234");
        browser.findElement(By.id("name")).sendKeys("新窗口");
        new Select(browser.findElement(By.id("regionCode"))).selectByValue("330106");
        browser.findElement(By.id("role-CLERK")).click();
        browser.findElement(By.id("create-staff")).click();
        waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("password-error")).getText()).contains("常见");
        screenshot("staff-01-common-password-refused");

        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("create-staff")).click();
        waitFor(By.id("staff-" + username));
        assertThat(browser.findElement(By.id("notice")).getText()).contains(username);
        browser.findElement(By.id("second-factor-" + username)).click();
        waitFor(By.id("staff-" + username));
        assertThat(browser.findElement(By.id("staff-" + username)).getText()).contains("须两步验证");
        screenshot("staff-02-created-second-factor-required");
        signOut();

        // the password alone gives nothing but the setting up of an authenticator app
        signIn(username, password);
        assertThat(browser.findElement(By.id("enrol-now")).isDisplayed()).isTrue();
        go("/office");
        assertThat(browser.findElements(By.id("to-window"))).isEmpty();
        go("/account/second-factor");
        browser.findElement(By.id("start-second-factor")).click();
        waitFor(By.id("totp-secret"));
        String secret = browser.findElement(By.id("totp-secret")).getText();
        assertThat(browser.findElement(By.id("totp-uri")).getText()).startsWith("otpauth://totp/");
        screenshot("staff-03-authenticator-secret");
        browser.findElement(By.id("code")).sendKeys(TotpForTests.code(secret, clock.instant()));
        browser.findElement(By.id("confirm-second-factor")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("enrolled"));

        // without the code the password is refused; with it the clerk is in
        go("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.id("login-code"));
        screenshot("staff-04-code-asked");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("code")).sendKeys(TotpForTests.code(secret, clock.instant().plusSeconds(30)));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/account"));
        go("/office");
        assertThat(browser.findElements(By.id("to-window"))).hasSize(1);

        // the administrator disables the account: the clerk's very next page asks them to sign in
        var admin = DemoPeople.at(port).provinceAdministrator().post("/api/v1/identity/staff/" + username + "/disabling", "");
        assertThat(admin.status()).isEqualTo(200);
        go("/office");
        assertThat(browser.getCurrentUrl()).contains("/login");
        screenshot("staff-05-disabled-signed-out");
    }


}
