package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen's side in a real browser: told before the form that they do not meet an item's
 * conditions, told in words in their inbox what happened to which application, asked what went
 * wrong when they give a bad rating, and told when the supervisors answered it.
 */
@IntegrationTest
class CitizenJourneyBrowserTest extends BrowserJourney {

    private static final String SHOP = "{\"shopName\": \"吴记包子\", \"businessScope\": \"包子\", \"organizationForm\": \"INDIVIDUAL\"}";

    @Test
    void lisiAt78SeesBeforeFillingInThatTheAllowanceIsFrom80() throws IOException {
        open(false);
        signIn("lisi", DemoPeople.PASSWORD);
        go("/items/CA-005");
        browser.findElement(By.id("apply-online")).click();
        waitFor(By.id("eligibility"));
        assertThat(browser.findElement(By.id("eligibility-too-young")).getText()).contains("年满 80 周岁", "78 周岁", "2028-03-05");
        assertThat(browser.findElements(By.id("apply-form"))).isEmpty();
        screenshot("40-eligibility-too-young");
        browser.findElement(By.id("eligibility-guide")).click();
        waitFor(By.id("apply-online"));
        assertThat(browser.getCurrentUrl()).endsWith("/items/CA-005");
    }

    @Test
    void theInboxSaysTheServiceAndTheStepInWordsAndLinksToTheApplication() throws IOException {
        DemoPeople.NewCitizen citizen = DemoPeople.at(port).aNewCitizen();
        String number = DemoCases.at(port).returnedForCorrection(citizen.client(), "MR-002", SHOP, "请补充经营场所证明", "请补充租赁合同");
        open(false);
        signIn(citizen.username(), citizen.password());
        go("/applications");
        waitFor(By.id("inbox"));
        By message = By.linkText("个体工商户设立登记：已退回补正，请补正 2 项内容后重新提交");
        assertThat(browser.findElement(By.id("inbox")).getText()).contains(number).doesNotContain("returned-for-correction");
        screenshot("41-inbox-in-words");
        browser.findElement(message).click();
        waitFor(By.id("missing-list"));
        assertThat(browser.getCurrentUrl()).endsWith("/applications/" + number);
        assertThat(browser.findElement(By.id("missing-list")).getText()).contains("请补充经营场所证明", "请补充租赁合同");
    }

    @Test
    void aOneStarRatingAsksWhatWentWrongAndTheSupervisorsAnswerReachesTheInbox() throws IOException {
        DemoPeople.NewCitizen citizen = DemoPeople.at(port).aNewCitizen();
        String number = DemoCases.at(port).closed(citizen.client(), "MR-002", SHOP);
        open(false);
        signIn(citizen.username(), citizen.password());
        go("/applications/" + number);
        browser.findElement(By.cssSelector("label[for='score-1']")).click();
        browser.findElement(By.id("rating-submit")).click();
        waitFor(By.id("reasons-error"));
        assertThat(browser.findElement(By.id("reasons-error")).getText()).contains("打 1 分时请写下哪里不满意");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("打 1 分时请写下哪里不满意");
        assertThat(browser.findElement(By.id("score-1")).isSelected()).as("the score chosen is kept").isTrue();
        screenshot("42-rating-reason-required");
        browser.findElement(By.id("reasons")).sendKeys("材料退回了三次，每次只说一样");
        browser.findElement(By.id("rating-submit")).click();
        waitFor(By.id("rating-given"));
        assertThat(browser.findElement(By.id("rating-given")).getText()).contains("1 分");
        signOut();

        signIn("supervisor.hangzhou", DemoPeople.PASSWORD);
        go("/supervision");
        waitFor(By.id("follow-up-" + number));
        assertThat(browser.findElement(By.id("follow-up-" + number)).getText()).contains("材料退回了三次");
        browser.findElement(By.id("answer-" + number)).sendKeys("已约谈窗口负责人，今后一次告知所需材料。");
        browser.findElement(By.id("submit-answer-" + number)).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.invisibilityOfElementLocated(By.id("follow-up-" + number)));
        signOut();

        signIn(citizen.username(), citizen.password());
        go("/applications");
        waitFor(By.id("inbox"));
        browser.findElement(By.linkText("个体工商户设立登记：监督部门答复了您的评价，请查看")).click();
        waitFor(By.id("rating-given"));
        assertThat(browser.getCurrentUrl()).endsWith("/applications/" + number);
        assertThat(browser.findElement(By.id("rating")).getText()).contains("监督部门的答复", "已约谈窗口负责人");
        screenshot("43-rating-answered");
    }


}
