package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * One thing, done once, in a real browser without JavaScript: a citizen searches in their own
 * words for a life event, is offered it before any item, opens it, applies for all of its
 * items in one form (told at once what is missing) and follows every application on one page.
 *
 * <p>Screenshots of each step go to target/screenshots/ for a person to look at.
 */
@IntegrationTest
class BundleJourneyBrowserTest extends BrowserJourney {

    @Test
    void aCitizenAppliesForAWholeLifeEventInOneFormAndFollowsItOnOnePage() throws IOException {
        open(false);
        signIn("zhangsan");

        // (a) The life event is offered first for what the person calls it.
        go("/");
        browser.findElement(By.id("search-q")).sendKeys("我要办退休" + Keys.ENTER);
        waitFor(By.id("life-events"));
        assertThat(browser.findElement(By.id("life-event-retire")).getText()).contains("退休一件事");
        assertThat(browser.findElement(By.id("life-events")).getLocation().getY())
                .isLessThan(browser.findElement(By.cssSelector("ol.results")).getLocation().getY());
        screenshot("50-search-life-event");
        browser.findElement(By.cssSelector("#life-event-retire a")).click();

        // (b) The life event's guide has one button for all of it.
        waitFor(By.id("apply-bundle"));
        screenshot("51-bundle-guide");
        browser.findElement(By.id("apply-bundle")).click();

        // (c) One form: every document listed once, the questions of all items together; what is missing is said at once.
        waitFor(By.id("bundle-form"));
        assertThat(browser.findElements(By.cssSelector("#items li"))).hasSize(4);
        assertThat(browser.findElements(By.id("need-resident-id-card"))).hasSize(1);
        browser.findElement(By.id("bundle-submit")).click();
        waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("退休日期", "养老金发放银行账户");
        screenshot("52-bundle-form-errors");
        // a date field takes the digits typed in the browser's own order of day and month: 1 January reads the same either way
        browser.findElement(By.id("form-retirementDate")).sendKeys("01012027");
        browser.findElement(By.id("form-bankAccount")).sendKeys("6222020200112233445");
        screenshot("53-bundle-form");
        browser.findElement(By.id("bundle-submit")).click();

        // (d) One page follows every application, each with its state, its next step and its own page.
        waitFor(By.id("bundle-applications"));
        assertThat(browser.getCurrentUrl()).contains("/applications/bundles/B");
        List<WebElement> rows = browser.findElements(By.cssSelector("#bundle-applications tbody tr"));
        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.findElement(By.className("member-state")).getText()).isEqualTo("已提交，等待受理");
            assertThat(row.findElement(By.className("member-next")).getText()).isEqualTo("等部门受理，您现在不用做什么。");
        });
        assertThat(text()).contains("退休一件事", "职工基本养老保险退休待遇申领", "住房公积金提取");
        screenshot("54-bundle-followed");
        String followPage = browser.getCurrentUrl();
        rows.getFirst().findElement(By.tagName("a")).click();
        waitFor(By.id("state"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已提交，等待受理");
        browser.navigate().to(followPage);
        waitFor(By.id("bundle-applications"));
    }


    private String text() {
        return browser.findElement(By.tagName("main")).getText();
    }
}
