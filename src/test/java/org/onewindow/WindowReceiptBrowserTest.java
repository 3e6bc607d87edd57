package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.onewindow.identity.internal.SimulatedRealNameRegister;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A clerk and a handler see whom they serve, in a real browser without JavaScript: the clerk
 * finds the service by search, files for the person at the window, confirms and prints the
 * receipt; someone without an account follows the application with its tracking code; the
 * handler sees the applicant masked and shows them in full (recorded), and a second acceptance is
 * told who accepted first.
 */
@IntegrationTest
class WindowReceiptBrowserTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void fromTheWindowToTheReceiptToFollowingItWithoutAnAccount() throws IOException {
        open(false);

        // the clerk finds the service by the person's words and files for them
        signIn("clerk.xihu");
        go("/office");
        browser.findElement(By.id("to-window")).click();
        waitFor(By.id("item-q"));
        browser.findElement(By.id("item-q")).sendKeys("个体工商户");
        browser.findElement(By.id("choose-submit")).click();
        waitFor(By.id("choose-MR-002"));
        screenshot("40-window-search");
        browser.findElement(By.id("choose-MR-002")).click();
        waitFor(By.id("window-form"));
        String idNumber = DemoPeople.aNewIdNumber();
        String name = SimulatedRealNameRegister.personOf(idNumber).name();
        browser.findElement(By.id("idNumber")).sendKeys(idNumber);
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("phone")).sendKeys("13912345678");
        browser.findElement(By.cssSelector("label[for='received-individual-business-form']")).click();
        browser.findElement(By.cssSelector("label[for='received-resident-id-card']")).click();
        browser.findElement(By.id("form-shopName")).sendKeys("李记馄饨");
        browser.findElement(By.id("form-businessScope")).sendKeys("小吃");
        browser.findElement(By.cssSelector("label[for='form-organizationForm-FAMILY']")).click();
        browser.findElement(By.id("window-submit")).click();
        waitFor(By.id("window-confirm"));
        browser.findElement(By.id("confirm-submit")).click();

        // the receipt: number, materials, promised date with the statutory limit, SMS and the tracking code
        waitFor(By.id("receipt"));
        String number = browser.findElement(By.id("receipt-number")).getText();
        assertThat(number).startsWith("OW");
        assertThat(browser.findElement(By.id("receipt-material-resident-id-card")).getText()).contains("居民身份证", "已收到");
        assertThat(browser.findElement(By.id("receipt-material-premises-proof")).getText()).contains("未收到");
        assertThat(browser.findElement(By.id("receipt-due")).getText()).containsPattern("\\d{4}-\\d{2}-\\d{2}").contains("法定时限 3 个工作日");
        assertThat(browser.findElement(By.id("receipt-sms")).getText()).contains("139****5678");
        String code = browser.findElement(By.id("tracking-code")).getText();
        assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
        assertThat(browser.findElement(By.id("print-receipt")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(idNumber);
        screenshot("41-window-receipt");
        signOut();

        // anyone holding the receipt follows it, without signing in
        go("/track");
        browser.findElement(By.id("number")).sendKeys(number);
        browser.findElement(By.id("code")).sendKeys("WRONG-CODE-0");
        browser.findElement(By.id("track-submit")).click();
        waitFor(By.id("track-not-found"));
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("track-submit")).click();
        waitFor(By.id("tracked"));
        assertThat(browser.findElement(By.id("tracked-state")).getText()).isEqualTo("已提交，等待受理");
        assertThat(browser.findElement(By.id("tracked-name")).getText()).startsWith(name.substring(0, 1)).contains("*");
        screenshot("42-track");

        // the handler sees whom the case serves, masked, and shows the full ID number on record
        signIn("handler.xihu.mr");
        go("/office/applications/" + number);
        waitFor(By.id("applicant"));
        assertThat(browser.findElement(By.id("applicant-idNumber")).getText()).contains("*").doesNotContain(idNumber);
        assertThat(browser.findElement(By.id("applicant-phone")).getText()).isEqualTo("139****5678");
        assertThat(browser.findElement(By.id("applicant-filed-by")).getText()).contains("王窗口");
        browser.findElement(By.id("show-in-full")).click();
        waitFor(By.id("applicant-shown-in-full"));
        assertThat(browser.findElement(By.id("applicant-idNumber")).getText()).isEqualTo(idNumber);
        assertThat(browser.findElement(By.id("applicant-phone")).getText()).isEqualTo("13912345678");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where action = 'casework.applicant-shown-in-full'
                        and purpose = 'applicant-in-full' and actor = 'handler.xihu.mr' and detail = :n""")
                .param("n", number).query(Integer.class).single()).isEqualTo(1);
        screenshot("43-applicant-in-full");

        // the clerk accepts it meanwhile; the handler's acceptance is told who was first
        assertThat(DemoPeople.at(port).xihuClerk().post("/api/v1/casework/applications/" + number + "/acceptance", "").status())
                .isEqualTo(200);
        browser.findElement(By.id("action-accept")).click();
        waitFor(By.id("problem"));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("王窗口已经受理了这件申请", "现在是“已受理”");
        screenshot("44-accepted-first");
    }


}
