package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's journey through the portal in a real browser (Debian's headless Chromium): search
 * in plain words, open a life event, read an item's guide, switch to English and to elderly mode,
 * and find both choices remembered on the next page. A second journey does the same search with
 * JavaScript turned off, because every page must work without it.
 *
 * <p>Screenshots of each step go to target/screenshots/ for a person to look at.
 */
@IntegrationTest
class PortalJourneyBrowserTest extends BrowserJourney {


    @Test
    void citizenFindsTheRestaurantBundleAndReadsTheGuideInEnglishWithLargeText() throws IOException {
        open(true);

        // Home: one big search box; the page speaks Chinese until the person switches.
        go("/");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.id("bundle-open-restaurant")).getText()).contains("开餐馆一件事");
        screenshot("01-home");

        // Search in plain words: "open a restaurant" finds the food business licence.
        WebElement box = browser.findElement(By.id("search-q"));
        box.sendKeys("开饭店");
        box.submit();
        waitFor(By.id("result-MR-001"));
        assertThat(browser.getCurrentUrl()).contains("/search");
        assertThat(browser.findElement(By.cssSelector("#result-MR-001 a")).getText()).contains("食品经营许可");
        assertThat(browser.findElement(By.id("result-MR-001")).getText()).contains("要带的材料", "零跑动");
        screenshot("02-search-results");

        // With JavaScript, typing updates the results in place (htmx) and the address follows.
        WebElement live = browser.findElement(By.id("search-q"));
        live.clear();
        live.sendKeys("退休");
        waitFor(By.id("result-HR-002"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q="));
        assertThat(browser.findElements(By.id("search-q"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#results #results"))).isEmpty();
        // Choosing a filter updates the results too, without pressing the button.
        new Select(browser.findElement(By.id("f-department"))).selectByValue("housing-construction");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("department=housing-construction"));
        waitFor(By.id("result-HC-001"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("result-HR-002")));

        // The life event "open a restaurant": each document listed once, however many items ask for it.
        go("/");
        browser.findElement(By.cssSelector("#bundle-open-restaurant a")).click();
        waitFor(By.id("bundle-title"));
        assertThat(browser.findElement(By.id("bundle-title")).getText()).isEqualTo("开餐馆一件事");
        List<String> materials = browser.findElements(By.cssSelector("tr.merged-material .material-name")).stream()
                .map(WebElement::getText).toList();
        assertThat(materials).isNotEmpty().doesNotHaveDuplicates().containsOnlyOnce("居民身份证", "营业执照");
        assertThat(browser.findElement(By.id("material-resident-id-card")).getText()).contains("5 个事项要用");
        assertThat(browser.findElement(By.cssSelector(".big-fact")).getText())
                .contains("分别办理需提交").contains("一次办只需 " + materials.size() + " 份");
        screenshot("03-bundle");

        // One item's guide, opened from the bundle.
        browser.findElement(By.cssSelector("#step-MR-001 a")).click();
        waitFor(By.id("item-MR-001"));
        assertThat(browser.findElement(By.cssSelector("#item-MR-001 h1")).getText()).contains("食品经营许可");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("要带什么材料", "不用带：平台自动调取");
        screenshot("04-item-guide");
        double standardSize = fontSize();

        // English, on the same page.
        browser.findElement(By.id("toggle-language")).click();
        waitFor(By.cssSelector("html[lang='en']"));
        assertThat(browser.findElement(By.cssSelector("#item-MR-001 h1")).getText()).isEqualTo("Food business licence (new)");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("What to bring", "You do not need to bring this: we fetch it");
        assertThat(browser.findElement(By.id("toggle-language")).getText()).isEqualTo("中文");

        // Elderly mode: larger text, on the same page.
        browser.findElement(By.id("toggle-elderly")).click();
        waitFor(By.cssSelector("body.elderly"));
        assertThat(fontSize()).isGreaterThanOrEqualTo(22).isGreaterThan(standardSize);
        assertThat(browser.findElement(By.id("toggle-elderly")).getText()).isEqualTo("Standard mode");
        screenshot("05-item-guide-english-elderly");

        // Both choices are remembered on the next page.
        browser.findElement(By.cssSelector(".site-nav a[href='/bundles']")).click();
        waitFor(By.cssSelector(".card-list"));
        assertThat(browser.getCurrentUrl()).endsWith("/bundles");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("class")).contains("elderly");
        assertThat(fontSize()).isGreaterThanOrEqualTo(22);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Life events: apply once");
        screenshot("portal-journey");
    }

    @Test
    void searchAndFiltersWorkWithoutJavaScript() throws IOException {
        open(false);

        go("/");
        WebElement box = browser.findElement(By.id("search-q"));
        box.sendKeys("开饭店");
        browser.findElement(By.cssSelector("form.big-search button[type=submit]")).click();
        waitFor(By.id("result-MR-001"));

        // Filters are a plain form with a button: choose a department and apply.
        new Select(browser.findElement(By.id("f-department"))).selectByValue("taxation");
        browser.findElement(By.cssSelector("fieldset.filters button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("department=taxation"));
        List<WebElement> results = browser.findElements(By.cssSelector("#results li.result"));
        assertThat(results).isNotEmpty().allSatisfy(result -> assertThat(result.getText()).contains("税务局"));
        assertThat(browser.findElement(By.id("search-q")).getDomProperty("value")).isEqualTo("开饭店");
        screenshot("06-search-without-javascript");

        // Language and elderly mode are plain links too.
        browser.findElement(By.id("toggle-elderly")).click();
        waitFor(By.cssSelector("body.elderly"));
        assertThat(browser.getCurrentUrl()).contains("department=taxation");
        assertThat(fontSize()).isGreaterThanOrEqualTo(22);
    }

    private double fontSize() {
        String size = browser.findElement(By.tagName("body")).getCssValue("font-size");
        return Double.parseDouble(size.replace("px", ""));
    }
}
