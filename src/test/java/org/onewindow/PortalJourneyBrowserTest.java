package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person's journey through the portal in a real browser (Debian's headless Chromium): search
 * in plain words, open a life event, read an item's guide, switch to English and to elderly mode,
 * and find both choices remembered on the next page. A second journey does the same search with
 * JavaScript turned off, because every page must work without it.
 *
 * <p>Screenshots of each step go to target/screenshots/ for a person to look at.
 */
@IntegrationTest
class PortalJourneyBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private Path profile;

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

    // ------------------------------------------------------------------ browser plumbing

    private void open(boolean javascript) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("This browser test needs Debian's headless Chromium at " + CHROMIUM + " and its driver at " + CHROMEDRIVER
                    + ". Install them with: apt-get install -y chromium chromium-driver");
        }
        profile = Files.createTempDirectory("onewindow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void go(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void waitFor(By what) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    private double fontSize() {
        String size = browser.findElement(By.tagName("body")).getCssValue("font-size");
        return Double.parseDouble(size.replace("px", ""));
    }

    /** The whole page, not just the window, so that a person can check the layout. */
    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        JavascriptExecutor js = browser;
        Number width = (Number) js.executeScript("return document.documentElement.scrollWidth");
        Number height = (Number) js.executeScript("return Math.min(document.documentElement.scrollHeight, 8000)");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
