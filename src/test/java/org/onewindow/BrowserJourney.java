package org.onewindow;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every browser journey needs: a headless Chromium on the running platform, closed after each test. */
abstract class BrowserJourney {

    @LocalServerPort
    protected int port;

    protected HeadlessChromium chromium;
    protected ChromeDriver browser;

    protected void open(boolean javascript) throws IOException {
        chromium = HeadlessChromium.open(port, javascript);
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    protected void go(String path) {
        chromium.go(path);
    }

    protected void waitFor(By what) {
        chromium.waitFor(what);
    }

    /** Signs in through the form, as a person does, and waits for the account page it leads to. */
    protected void signIn(String username, String password) {
        go("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/account"));
    }

    protected void signIn(String username) {
        signIn(username, DemoPeople.PASSWORD);
    }

    /** Signs out with the header's button and waits until the page it was on is gone. */
    protected void signOut() {
        WebElement button = browser.findElement(By.cssSelector("form[action='/logout'] button"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(button));
    }

    protected void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
