package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.onewindow.identity.internal.SimulatedRealNameRegister;
import org.openqa.selenium.By;

/**
 * Registering and verifying in a real browser: the registration page answers the same whatever
 * exists, and the account page verifies the person, or says plainly why not.
 */
@IntegrationTest
class IdentityVerificationBrowserTest extends BrowserJourney {

    @Test
    void aCitizenRegistersThenVerifiesOnTheAccountPage() throws IOException {
        String idNumber = DemoPeople.aNewIdNumber();
        SimulatedRealNameRegister.Person person = SimulatedRealNameRegister.personOf(idNumber);
        String username = "web" + System.nanoTime() % 1_000_000;
        open(false);
        go("/register");
        browser.findElement(By.id("name")).sendKeys(person.name());
        browser.findElement(By.id("idNumber")).sendKeys(idNumber);
        browser.findElement(By.id("phone")).sendKeys(person.phone());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DemoPeople.NEW_CITIZEN_PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.id("registration-sent"));
        assertThat(browser.findElement(By.id("registration-sent")).getText()).contains(person.phone().substring(0, 3) + "****")
                .doesNotContain(person.phone());

        signIn(username, DemoPeople.NEW_CITIZEN_PASSWORD);
        assertThat(browser.findElement(By.id("verification-state")).getText()).isEqualTo("未核验");
        screenshot("30-account-unverified");
        browser.findElement(By.id("verify-submit")).click();
        waitFor(By.id("verification-done"));
        assertThat(browser.findElement(By.id("verification-state")).getText()).isEqualTo("已核验");
        assertThat(browser.findElements(By.id("verify-submit"))).isEmpty();
        screenshot("31-account-verified");
    }

    @Test
    void anImpostorIsToldPlainlyThatTheDetailsDoNotMatch() throws IOException {
        String idNumber = DemoPeople.aNewIdNumber();
        DemoPeople.NewCitizen impostor = DemoPeople.at(port).register(idNumber, SimulatedRealNameRegister.personOf(idNumber).name(),
                "13600000002");
        open(false);
        signIn(impostor.username(), DemoPeople.NEW_CITIZEN_PASSWORD);
        browser.findElement(By.id("verify-submit")).click();
        waitFor(By.id("verification-error"));
        assertThat(browser.findElement(By.id("verification-error")).getText()).contains("不一致");
        assertThat(browser.findElement(By.id("verification-state")).getText()).isEqualTo("未核验");
        screenshot("32-account-verification-mismatch");
    }

}
