package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.identity.TestStaff;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Administrators in a real browser without JavaScript: a broken process model is explained in
 * plain words with its line; a member of staff's password is reset to a temporary one that the
 * member of staff signs in with and replaces with their own on /account/password.
 */
@IntegrationTest
class AdministrationBrowserTest extends BrowserJourney {

    @Autowired
    TestStaff staff;

    @Test
    void aBrokenProcessModelIsExplainedInPlainWordsWithItsLine() throws Exception {
        Path model = Files.createTempFile("broken", ".bpmn20.xml");
        Files.writeString(model, """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://onewindow.org/test">
                  <process id="ow-broken" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="done">
                    <endEvent id="done"/>
                  </process>
                </definitions>
                """);
        open(false);
        signIn("admin", DemoPeople.PASSWORD);
        go("/admin/processes");
        browser.findElement(By.id("model-field")).sendKeys(model.toAbsolutePath().toString());
        browser.findElement(By.id("deploy-submit")).click();
        waitFor(By.id("error-summary"));
        String explained = browser.findElement(By.id("error-summary")).getText();
        assertThat(explained).contains("第 6 行", "endEvent", "BPMN 2.0").doesNotContain("Exception", "ParseError", "cvc-");
        screenshot("admin-01-broken-model-explained");
        Files.delete(model);
    }

    @Test
    void anAdministratorResetsAStaffPasswordAndTheStaffSignsInWithItAndChoosesTheirOwn() throws Exception {
        String username = "handler-" + UUID.randomUUID().toString().substring(0, 6);
        staff.handler(username, "330106", "market-regulation");
        open(false);
        signIn("admin.xihu", DemoPeople.PASSWORD);
        go("/admin/staff");
        browser.findElement(By.id("reset-password-" + username)).click();
        waitFor(By.id("temporary-password"));
        String temporary = browser.findElement(By.id("temporary-password")).getText();
        screenshot("admin-02-temporary-password-shown-once");
        signOut();

        signIn(username, temporary);
        assertThat(browser.findElement(By.id("password-change-due")).getText()).isNotBlank();
        go("/account/password");
        browser.findElement(By.id("currentPassword")).sendKeys(temporary);
        browser.findElement(By.id("password")).sendKeys("12345678");
        browser.findElement(By.id("change-password")).click();
        waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("password-error")).getText()).contains("12");
        screenshot("admin-03-new-password-refused");
        String chosen = "the handler's own phrase " + UUID.randomUUID().toString().substring(0, 4);
        browser.findElement(By.id("currentPassword")).sendKeys(temporary);
        browser.findElement(By.id("password")).sendKeys(chosen);
        browser.findElement(By.id("change-password")).click();
        waitFor(By.id("password-changed"));

        signIn(username, chosen);
        go("/office");
        assertThat(browser.findElements(By.id("main"))).hasSize(1);
        assertThat(browser.getCurrentUrl()).endsWith("/office");
        screenshot("admin-04-signed-in-with-own-password");
    }

    @Test
    void aCitizenChangesTheirOwnPassword() throws Exception {
        var citizen = DemoPeople.at(port).aNewCitizen();
        open(false);
        signIn(citizen.username(), citizen.password());
        browser.findElement(By.id("password-link")).click();
        waitFor(By.id("change-password"));
        browser.findElement(By.id("currentPassword")).sendKeys(citizen.password());
        browser.findElement(By.id("password")).sendKeys("a new and longer passphrase");
        browser.findElement(By.id("change-password")).click();
        waitFor(By.id("password-changed"));
        screenshot("admin-05-password-changed");
        signIn(citizen.username(), "a new and longer passphrase");
        assertThat(browser.getCurrentUrl()).contains("/account");
    }


}
