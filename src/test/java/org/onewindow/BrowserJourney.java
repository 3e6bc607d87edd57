package org.onewindow;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
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

    protected void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
