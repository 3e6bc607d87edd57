package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator keeps the standard list in a real browser without JavaScript and without
 * writing JSON: starting from an existing item, adds a document and a fee in both languages,
 * is told next to the field what is wrong and keeps what was typed, publishes, and sees the new
 * service's guide as the public does. A county administrator gets a plain "outside your area".
 */
@IntegrationTest
class CatalogEditorBrowserTest extends BrowserJourney {

    @Test
    void anAdministratorAddsADocumentAndAFeeInTheStructuredEditorAndPublishes() throws Exception {
        String code = "MR-" + ThreadLocalRandom.current().nextInt(700_000, 999_999);
        open(false);
        signIn("admin");
        go("/admin/catalog/items/edit?code=MR-001");
        waitFor(By.id("name-zh"));
        assertThat(browser.findElement(By.id("materials-0-code")).getAttribute("value")).isNotBlank();
        int documents = browser.findElements(By.cssSelector("input[id$='-code'][id^='materials-']")).size();
        type("code", code);
        type("name-zh", "小餐馆登记（试点）");
        browser.findElement(By.cssSelector("button[value='add-material']")).click();
        waitFor(By.id("materials-" + documents + "-code"));
        assertThat(browser.findElement(By.id("code")).getAttribute("value")).isEqualTo(code);
        String at = "materials-" + documents + "-";
        type(at + "code", "kitchen-floor-plan");
        type(at + "name-zh", "厨房平面布局图");
        type(at + "originals", "一");
        type("feeYuan", "35");
        type("feeNote-zh", "按证书工本费收取。");
        type("feeNote-en", "The cost of printing the licence.");
        browser.findElement(By.cssSelector("button[value='publish']")).click();
        waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("整数", "中文和英文");
        assertThat(browser.findElement(By.id(at + "originals-error")).getText()).contains("整数");
        assertThat(browser.findElement(By.id(at + "name-error")).getText()).contains("中文和英文");
        assertThat(browser.findElement(By.id(at + "name-zh")).getAttribute("value")).isEqualTo("厨房平面布局图");
        assertThat(browser.findElement(By.id("feeNote-en")).getAttribute("value")).isEqualTo("The cost of printing the licence.");
        screenshot("editor-01-refused-kept-as-typed");

        type(at + "name-en", "Floor plan of the kitchen");
        type(at + "originals", "1");
        browser.findElement(By.cssSelector("button[value='publish']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(".*/admin/catalog$"));
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText()).contains(code);

        go("/items/" + code);
        String guide = browser.findElement(By.id("main")).getText();
        assertThat(guide).contains("小餐馆登记（试点）", "厨房平面布局图", "35", "按证书工本费收取。");
        screenshot("editor-02-published-guide");
        go("/items/" + code + "?lang=en");
        assertThat(browser.findElement(By.id("main")).getText()).contains("Floor plan of the kitchen", "The cost of printing the licence.");
    }

    @Test
    void aCountyAdministratorIsToldAnotherCountyIsOutsideTheirAreaAndKeepsWhatTheyTyped() throws Exception {
        open(false);
        signIn("admin.xihu");
        go("/admin/catalog");
        assertThat(browser.findElements(By.cssSelector("a[href^='/admin/catalog/items/edit']"))).isEmpty();
        type("itemCode", "MR-002");
        type("regionCode", "330110");
        type("addressZh", "上城区市民中心");
        type("hoursZh", "工作日 9:00-17:00");
        type("phone", "0571-87000000");
        browser.findElement(By.cssSelector("section[aria-labelledby='local'] button[type=submit]")).click();
        waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("regionCode-error")).getText()).contains("330110", "不在您的管辖范围内", "西湖区");
        assertThat(browser.findElement(By.id("addressZh")).getAttribute("value")).isEqualTo("上城区市民中心");
        assertThat(browser.findElement(By.id("hoursZh")).getAttribute("value")).isEqualTo("工作日 9:00-17:00");
        assertThat(browser.findElement(By.id("phone")).getAttribute("value")).isEqualTo("0571-87000000");
        screenshot("editor-03-outside-the-area");
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

}
