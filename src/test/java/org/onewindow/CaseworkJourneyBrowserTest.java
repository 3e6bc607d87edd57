package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.internal.SimulatedRealNameRegister;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An application's whole life in a real browser (Debian's headless Chromium): a citizen applies
 * online and follows it; a clerk files for a person at the window and accepts; the handler asks
 * the citizen for a correction with one complete list, the citizen answers it, and the handler
 * accepts, reviews, approves with reasons, delivers and closes; the citizen reads the decision
 * and rates the service. Four eyes on the office's pages: a denial is left to a second handler.
 * The pages are used as they are, through their links, forms and buttons.
 *
 * <p>Screenshots of each step go to target/screenshots/ for a person to look at.
 */
@IntegrationTest
class CaseworkJourneyBrowserTest extends BrowserJourney {


    @Test
    void anApplicationFromTheFormToTheRating() throws IOException {
        open(true);

        // (a) The citizen finds the item, applies online and lands on the status page.
        signIn("zhangsan");
        go("/items/MR-002");
        browser.findElement(By.id("apply-online")).click();
        waitFor(By.id("apply-form"));
        browser.findElement(By.id("apply-submit")).click();
        waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("此项为必填");
        screenshot("10-apply-errors");
        browser.findElement(By.id("form-shopName")).sendKeys("张记书店");
        browser.findElement(By.id("form-businessScope")).sendKeys("图书零售");
        browser.findElement(By.cssSelector("label[for='form-organizationForm']")).click();
        assertThat(new Select(browser.findElement(By.id("regionCode"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("330106");
        screenshot("11-apply-form");
        browser.findElement(By.id("apply-submit")).click();
        waitFor(By.id("state"));
        String number = browser.findElement(By.id("number")).getText();
        assertThat(browser.getCurrentUrl()).endsWith("/applications/" + number);
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已提交，等待受理");
        assertThat(browser.findElement(By.id("timeline-heading")).isDisplayed()).isTrue();
        assertThat(text()).contains("个体工商户设立登记", "提交了申请", "您");
        screenshot("12-status-submitted");
        browser.findElement(By.cssSelector(".site-nav a[href='/applications']")).click();
        waitFor(By.id("application-" + number));
        signOut();

        // (b) A clerk files for a person at the window, choosing the item first, and accepts it.
        signIn("clerk.xihu");
        go("/office");
        browser.findElement(By.id("to-window")).click();
        browser.findElement(By.id("item-q")).sendKeys("个体工商户");
        browser.findElement(By.id("choose-submit")).click();
        waitFor(By.id("choose-MR-002"));
        browser.findElement(By.id("choose-MR-002")).click();
        waitFor(By.id("window-form"));
        String first17 = "33010619700303" + String.format("%03d", System.nanoTime() % 1000);
        String idNumber = first17 + ResidentIdNumber.checkDigitFor(first17);
        browser.findElement(By.id("idNumber")).sendKeys(idNumber);
        browser.findElement(By.id("name")).sendKeys(SimulatedRealNameRegister.personOf(idNumber).name());
        browser.findElement(By.id("phone")).sendKeys("13900001111");
        browser.findElement(By.id("form-shopName")).sendKeys("王记面馆");
        browser.findElement(By.id("form-businessScope")).sendKeys("面食");
        browser.findElement(By.cssSelector("label[for='form-organizationForm-FAMILY']")).click();
        screenshot("13-window-form");
        browser.findElement(By.id("window-submit")).click();
        // the clerk sees whom the application will belong to, masked, before it is filed
        waitFor(By.id("window-confirm"));
        assertThat(browser.findElement(By.id("owner-idNumber")).getText()).contains("*").doesNotContain(idNumber);
        screenshot("13b-window-confirm");
        browser.findElement(By.id("confirm-submit")).click();
        waitFor(By.id("receipt"));
        browser.findElement(By.id("receipt-to-case")).click();
        waitFor(By.id("actions"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已提交，等待受理");
        assertThat(text()).contains("王记面馆", "家庭经营", "窗口收件");
        browser.findElement(By.id("action-accept")).click();
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已受理");
        screenshot("14-window-accepted");
        signOut();

        // (c) The handler takes the citizen's application from the worklist and asks for everything missing at once.
        signIn("handler.xihu.mr");
        go("/office");
        browser.findElement(By.id("take-" + number)).click();
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("work-" + number)).getText()).contains("handler.xihu.mr");
        browser.findElement(By.cssSelector("#work-" + number + " a")).click();
        waitFor(By.id("actions"));
        // the rules did not settle it, and the handler sees why
        assertThat(browser.findElement(By.id("fired-rules")).getText()).contains("未填写从业人数");
        browser.findElement(By.id("action-return")).sendKeys("请补充经营场所证明\n经营范围请写具体，例如“图书、文具零售”");
        browser.findElement(By.id("submit-return")).click();
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("需要您补正");
        screenshot("15-office-returned");
        signOut();

        // The citizen sees the whole list and answers it with the corrected form.
        signIn("zhangsan");
        go("/applications");
        browser.findElement(By.cssSelector("#application-" + number + " a")).click();
        waitFor(By.id("missing-list"));
        assertThat(browser.findElements(By.cssSelector("#missing-list li"))).extracting(WebElement::getText)
                .containsExactly("请补充经营场所证明", "经营范围请写具体，例如“图书、文具零售”");
        WebElement scope = browser.findElement(By.id("form-businessScope"));
        assertThat(scope.getDomProperty("value")).isEqualTo("图书零售");
        scope.clear();
        scope.sendKeys("图书、文具零售");
        screenshot("16-status-correction");
        browser.findElement(By.id("correction-submit")).click();
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已提交，等待受理");
        signOut();

        // The handler accepts, reviews, approves with reasons, delivers and closes.
        signIn("handler.xihu.mr");
        go("/office/applications/" + number);
        assertThat(text()).contains("图书、文具零售");
        step("action-accept", "已受理");
        step("action-review", "审核中");
        browser.findElement(By.id("action-approve")).sendKeys("材料齐全，符合设立条件");
        step("submit-approve", "已批准");
        step("action-deliver", "结果已送达");
        step("action-close", "已办结");
        screenshot("17-office-closed");
        signOut();

        // The citizen reads the decision with its reasons and rates the service.
        signIn("zhangsan");
        go("/applications/" + number);
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已办结");
        assertThat(browser.findElement(By.id("decision")).getText()).contains("已批准", "材料齐全，符合设立条件");
        assertThat(text()).contains("工作人员", "退回补正", "提交了补正", "批准", "办结");
        browser.findElement(By.cssSelector("label[for='score-5']")).click();
        browser.findElement(By.id("reasons")).sendKeys("一次就讲清楚了要补什么");
        browser.findElement(By.id("rating-submit")).click();
        waitFor(By.id("rating-given"));
        assertThat(browser.findElement(By.id("rating-given")).getText()).contains("5 分");
        assertThat(browser.findElements(By.id("rating-form"))).isEmpty();
        screenshot("18-status-rated");

        // The same page in English and in elderly mode.
        browser.findElement(By.id("toggle-language")).click();
        waitFor(By.cssSelector("html[lang='en']"));
        browser.findElement(By.id("toggle-elderly")).click();
        waitFor(By.cssSelector("body.elderly"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Done");
        assertThat(text()).contains("Approved", "staff", "Your rating: 5 out of 5");
        screenshot("casework-journey");
    }

    @Test
    void aClearCaseIsApprovedAtOnceAndTheRulesSayWhy() throws IOException {
        // a person of this test's own: the rules refer anyone who already holds this registration
        DemoPeople.NewCitizen citizen = DemoPeople.at(port).aNewCitizen();
        open(true);
        signIn(citizen.username(), citizen.password());
        go("/items/MR-002/apply");
        waitFor(By.id("apply-form"));
        browser.findElement(By.id("form-shopName")).sendKeys("周记烧饼");
        browser.findElement(By.id("form-businessScope")).sendKeys("烧饼");
        browser.findElement(By.id("form-employees")).sendKeys("2");
        browser.findElement(By.cssSelector("label[for='form-organizationForm']")).click();
        browser.findElement(By.id("apply-submit")).click();
        waitFor(By.id("rules"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已批准");
        assertThat(browser.findElement(By.id("fired-rules")).getText()).contains("符合即时办结条件，自动核准");
        assertThat(browser.findElement(By.id("rules-outcome")).getText()).contains("自动批准");
        assertThat(text()).contains("自动审批（按规则）");
        screenshot("20-instant-approval");

        browser.findElement(By.id("toggle-language")).click();
        waitFor(By.cssSelector("html[lang='en']"));
        assertThat(browser.findElement(By.id("fired-rules")).getText()).contains("approved at once");
        screenshot("21-instant-approval-en");
        browser.findElement(By.id("toggle-language")).click();
        waitFor(By.cssSelector("html[lang='zh-CN']"));
        signOut();

        // the supervisor sees it among the automatic decisions of the area; the administrator sees the procedure behind it
        signIn("supervisor.hangzhou");
        go("/supervision");
        waitFor(By.id("indicators"));
        assertThat(browser.findElement(By.id("automatic")).getText()).isNotEqualTo("—");
        screenshot("22-supervision");
        signOut();
        signIn("admin");
        go("/admin/processes");
        waitFor(By.id("procedures"));
        assertThat(browser.findElement(By.id("procedures")).getText()).contains("MR-002", "mr-002-instant");
        screenshot("23-processes");
    }

    @Test
    void aDenialIsLeftToASecondHandlerOnTheOfficePages() throws IOException {
        String number = DemoCases.at(port).submitted(DemoPeople.at(port).xihuRestaurant(), "MR-001",
                "{\"premisesAddress\": \"杭州市西湖区文三路5号\", \"mainActivity\": \"SNACK_BAR\"}");
        open(true);

        // the handler takes the window's step and reviews: they may approve this free item, not deny it
        signIn("handler.xihu.mr");
        go("/office/applications/" + number);
        step("action-accept", "已受理");
        step("action-review", "审核中");
        assertThat(browser.findElements(By.id("submit-deny"))).isEmpty();
        assertThat(browser.findElements(By.id("submit-approve"))).hasSize(1);
        assertThat(browser.findElement(By.id("four-eyes")).getText()).contains("另一位审核人员", "双人复核");
        screenshot("30-four-eyes-withheld");
        // so they hand the decision to a colleague of the department
        new Select(browser.findElement(By.id("handover-to"))).selectByValue("handler2.xihu.mr");
        browser.findElement(By.id("handover-submit")).click();
        waitFor(By.id("notice"));
        signOut();

        // the second handler sees both decisions and denies, with reasons
        signIn("handler2.xihu.mr");
        go("/office/applications/" + number);
        assertThat(browser.findElements(By.id("four-eyes"))).isEmpty();
        browser.findElement(By.id("action-deny")).sendKeys("经营场所不符合食品安全要求");
        step("submit-deny", "不予批准");
        assertThat(text()).contains("经营场所不符合食品安全要求");
        screenshot("31-four-eyes-second-handler");
        signOut();
    }

    private void step(String button, String stateAfter) {
        browser.findElement(By.id(button)).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBe(By.id("state"), stateAfter));
    }




    private String text() {
        return browser.findElement(By.tagName("main")).getText();
    }
}
