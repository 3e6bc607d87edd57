package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The basics of the pages in a real browser (Debian's headless Chromium): a session lost in the
 * middle of the application form keeps the answers through signing in again; an address where
 * nothing is answers the plain 404 page for everyone; after a refused submit the focus is on the
 * error summary; on a 375 px phone every target is at least 24 x 24 px and the materials table of
 * the elderly mode fits; the printed guide says where to go; a withdrawn application shows no due date.
 */
@IntegrationTest
class SessionAndPageBasicsBrowserTest extends BrowserJourney {

    @Test
    void aSessionLostInTheMiddleOfTheFormKeepsTheAnswersThroughSigningIn() throws IOException {
        open(true);
        go("/");
        // no cookie yet: the styles are linked without a session id in their address
        assertThat(browser.findElements(By.cssSelector("link[rel=stylesheet], script[src]")))
                .extracting(e -> e.getDomAttribute(e.getTagName().equals("link") ? "href" : "src"))
                .isNotEmpty().noneMatch(address -> address.contains(";jsessionid"));
        signInWhereAsked("zhangsan");
        go("/items/MR-002/apply");
        browser.findElement(By.id("form-shopName")).sendKeys("张记书店");
        browser.findElement(By.id("form-businessScope")).sendKeys("图书零售");
        browser.findElement(By.cssSelector("label[for='form-organizationForm']")).click();

        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.findElement(By.id("apply-submit")).click();
        waitFor(By.id("session-ended"));
        assertThat(browser.findElement(By.id("session-ended")).getText()).contains("登录已经过期", "填写的内容已经保存");
        assertThat(text()).doesNotContain("没有权限");
        screenshot("60-session-ended");

        browser.findElement(By.id("username")).sendKeys("zhangsan");
        browser.findElement(By.id("password")).sendKeys(DemoPeople.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.id("answers-restored"));
        assertThat(browser.getCurrentUrl()).endsWith("/items/MR-002/apply");
        assertThat(browser.findElement(By.id("form-shopName")).getDomProperty("value")).isEqualTo("张记书店");
        assertThat(browser.findElement(By.id("form-businessScope")).getDomProperty("value")).isEqualTo("图书零售");
        assertThat(browser.findElement(By.id("form-organizationForm")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.id("regionCode"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("330106");
        screenshot("61-answers-restored");

        browser.findElement(By.id("apply-submit")).click();
        waitFor(By.id("state"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已提交，等待受理");
        // taken once: the form is empty when opened again
        go("/items/MR-002/apply");
        assertThat(browser.findElements(By.id("answers-restored"))).isEmpty();
        assertThat(browser.findElement(By.id("form-shopName")).getDomProperty("value")).isEmpty();
    }

    @Test
    void anAddressWhereNothingIsAnswersThePlainNotFoundPageForEveryone() throws IOException {
        open(true);
        for (String nowhere : List.of("/no-such-page", "/office/no-such-page", "/admin/no-such-page", "/applications/a/b/c")) {
            go(nowhere);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(nowhere).isEqualTo("找不到这个页面");
            assertThat(browser.getCurrentUrl()).as(nowhere).doesNotContain("/login");
        }
        screenshot("62-not-found-anonymous");
        // a page that is there still needs signing in
        go("/office");
        assertThat(browser.getCurrentUrl()).contains("/login");
        signInWhereAsked("zhangsan");
        for (String nowhere : List.of("/no-such-page", "/office/no-such-page", "/admin/no-such-page")) {
            go(nowhere);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(nowhere).isEqualTo("找不到这个页面");
        }
        screenshot("63-not-found-signed-in");
        go("/office");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo("找不到这个页面");
    }

    @Test
    void afterARefusedSubmitTheFocusIsOnTheErrorSummaryFirstInThePage() throws IOException {
        open(true);
        signInWhereAsked("zhangsan");
        go("/items/MR-002/apply");
        browser.findElement(By.id("apply-submit")).click();
        waitFor(By.id("error-summary"));
        assertThat(browser.executeScript("return document.activeElement.id")).isEqualTo("error-summary");
        assertThat(browser.executeScript("return document.querySelector('main').firstElementChild.id")).isEqualTo("error-summary");
        WebElement summary = browser.findElement(By.id("error-summary"));
        assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
        assertThat(summary.getDomAttribute("tabindex")).isEqualTo("-1");
    }

    @Test
    void onAPhoneEveryTargetIsAtLeast24PixelsAndTheElderlyMaterialsTableFits() throws IOException {
        open(true);
        phone();
        for (String page : List.of("/", "/items/MR-002", "/search?q=%E5%BC%80%E5%BA%97", "/login", "/bundles")) {
            go(page);
            assertThat(smallTargets()).as(page).isEmpty();
        }
        signInWhereAsked("zhangsan");
        phone();
        for (String page : List.of("/items/MR-002/apply", "/applications", "/account")) {
            go(page);
            assertThat(smallTargets()).as(page).isEmpty();
        }
        go("/items/MR-002?elderly=on");
        assertThat(smallTargets()).as("elderly item page").isEmpty();
        Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(pageWidth.intValue()).isLessThanOrEqualTo(375);
        Number overflow = (Number) browser.executeScript(
                "var t = document.querySelector('table.materials'); return t.scrollWidth - t.parentElement.clientWidth;");
        assertThat(overflow.intValue()).as("the materials table needs no sideways scrolling").isLessThanOrEqualTo(0);
        screenshot("64-elderly-materials-375");
        go("/items/MR-002?elderly=off");
    }

    @Test
    void thePrintedGuideSaysWhereToGo() throws IOException {
        open(true);
        go("/items/MR-002");
        WebElement onPaper = browser.findElement(By.id("where-print"));
        assertThat(onPaper.isDisplayed()).as("only on paper").isFalse();
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(onPaper.isDisplayed()).isTrue();
        assertThat(onPaper.getText()).contains("办理地点", "办公时间", "政务服务中心");
    }

    @Test
    void aWithdrawnApplicationShowsNoDueDate() throws IOException {
        open(true);
        signInWhereAsked("zhangsan");
        go("/items/MR-002/apply");
        browser.findElement(By.id("form-shopName")).sendKeys("撤回书店");
        browser.findElement(By.id("form-businessScope")).sendKeys("图书零售");
        browser.findElement(By.cssSelector("label[for='form-organizationForm']")).click();
        browser.findElement(By.id("apply-submit")).click();
        waitFor(By.id("state"));
        String number = browser.findElement(By.id("number")).getText();
        assertThat(browser.findElements(By.id("due"))).hasSize(1);
        browser.findElement(By.cssSelector("label[for='withdraw-confirm']")).click();
        browser.findElement(By.id("withdraw-submit")).click();
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已撤回");
        assertThat(browser.findElements(By.id("due"))).isEmpty();
        screenshot("65-withdrawn-no-due-date");
        go("/applications");
        assertThat(browser.findElement(By.id("application-" + number)).getText()).contains("不再计算办结日期");
    }

    private void phone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
    }

    /**
     * Visible targets smaller than 24 x 24 CSS pixels, except links inside a sentence (WCAG 2.2's
     * inline exception): a link is inline when its block holds more text than the link.
     */
    @SuppressWarnings("unchecked")
    private List<String> smallTargets() {
        return (List<String>) browser.executeScript("""
                var small = [];
                document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary').forEach(function (e) {
                    var r = e.getBoundingClientRect();
                    if (r.width === 0 && r.height === 0) { return; }
                    if (getComputedStyle(e).visibility === 'hidden' || e.closest('.visually-hidden, .skip-link')) { return; }
                    if (e.tagName === 'A') {
                        var block = e.parentElement;
                        while (block && getComputedStyle(block).display.indexOf('inline') === 0) { block = block.parentElement; }
                        if (block && block.textContent.trim().length > e.textContent.trim().length) { return; }
                    }
                    if (r.width < 24 || r.height < 24) {
                        small.push((e.id || e.tagName + ' ' + (e.textContent || e.name || '').trim().substring(0, 20))
                                + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
                    }
                });
                return small;""");
    }

    /** Signs in where the page asks for it; the sign-in leads back to the page that asked, not always the account. */
    private void signInWhereAsked(String username) {
        go("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DemoPeople.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private String text() {
        return browser.findElement(By.tagName("main")).getText();
    }
}
