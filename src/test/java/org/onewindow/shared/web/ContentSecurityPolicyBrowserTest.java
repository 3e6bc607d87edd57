package org.onewindow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.HeadlessChromium;
import org.onewindow.IntegrationTest;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages still work under their Content-Security-Policy: the main journeys in a real browser, no violation reported. */
@IntegrationTest
class ContentSecurityPolicyBrowserTest {

    /** Runs before any script of the page and is not itself subject to the page's policy. */
    private static final String RECORD_VIOLATIONS = "window.__csp = []; document.addEventListener('securitypolicyviolation', "
            + "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";

    @LocalServerPort
    int port;

    @Test
    void theMainJourneysRunWithoutAContentSecurityPolicyViolation() throws Exception {
        List<String> violations = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.open(port, true)) {
            var browser = chromium.driver();
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
            for (String path : new String[] {"/", "/bundles", "/bundles/open-restaurant", "/items/MR-001", "/register", "/?elderly=on"}) {
                chromium.go(path);
                violations.addAll(recorded(browser, path));
            }
            // the search page updates its results with htmx as one types
            chromium.go("/search");
            browser.findElement(By.id("search-q")).sendKeys("餐馆");
            Thread.sleep(1200);
            violations.addAll(recorded(browser, "/search (typing)"));

            chromium.go("/login");
            browser.findElement(By.id("username")).sendKeys("zhangsan");
            browser.findElement(By.id("password")).sendKeys(DemoPeople.PASSWORD);
            browser.findElement(By.cssSelector("form[action='/login'] button[type='submit'], form[action='/login'] [type='submit']")).click();
            chromium.waitFor(By.id("main"));
            assertThat(browser.getCurrentUrl()).doesNotContain("/login");
            violations.addAll(recorded(browser, "after sign-in"));
            for (String path : new String[] {"/account", "/applications", "/items/MR-002/apply"}) {
                chromium.go(path);
                violations.addAll(recorded(browser, path));
            }
        }
        assertThat(violations).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> recorded(org.openqa.selenium.chrome.ChromeDriver browser, String where) {
        Object found = browser.executeScript("return window.__csp || []");
        return ((List<Object>) found).stream().map(v -> where + ": " + v).toList();
    }
}
