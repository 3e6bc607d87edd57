package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.onewindow.shared.upload.SampleFiles;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen finishes in a real browser (Debian's headless Chromium): applies with two documents
 * on the form, is asked for one more and hands it in with the answer to the correction; the
 * handler opens a document (recorded) and approves; the citizen gets the decision notice as a
 * PDF that carries the application's number. The pages are used through their fields and links.
 */
@IntegrationTest
class DocumentsJourneyBrowserTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizenHandsInDocumentsAndPrintsTheDecisionNotice() throws IOException {
        Path form = document("申请书.pdf");
        Path idCard = document("身份证.pdf");
        Path lease = document("租赁合同.pdf");
        open(true);

        // the form asks for each document, saying what it takes, and sends two of them with the application
        signIn("zhangsan");
        go("/items/MR-002/apply");
        waitFor(By.id("apply-form"));
        assertThat(browser.findElement(By.id("materials-resident-id-card-hint")).getText()).isEqualTo("PDF、JPG 或 PNG 文件，不超过 10 MB");
        browser.findElement(By.id("form-shopName")).sendKeys("陈记书屋");
        browser.findElement(By.id("form-businessScope")).sendKeys("图书零售");
        browser.findElement(By.cssSelector("label[for='form-organizationForm']")).click();
        browser.findElement(By.id("materials-individual-business-form")).sendKeys(form.toString());
        browser.findElement(By.id("materials-resident-id-card")).sendKeys(idCard.toString());
        screenshot("40-apply-with-documents");
        browser.findElement(By.id("apply-submit")).click();
        waitFor(By.id("state"));
        String number = browser.findElement(By.id("number")).getText();
        assertThat(browser.findElements(By.cssSelector("#handed-in li strong"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("个体工商户登记（备案）申请书", "居民身份证");
        assertThat(text()).doesNotContain("resident-id-card");
        signOut();

        // the clerk asks for the document still missing
        signIn("clerk.xihu");
        go("/office/applications/" + number);
        waitFor(By.id("actions"));
        browser.findElement(By.id("action-return")).sendKeys("请上传经营场所使用证明（租赁合同）");
        browser.findElement(By.id("submit-return")).click();
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("需要您补正");
        signOut();

        // the citizen hands it in with the answer to the correction
        signIn("zhangsan");
        go("/applications/" + number);
        waitFor(By.id("missing-list"));
        browser.findElement(By.id("materials-premises-proof")).sendKeys(lease.toString());
        screenshot("41-correction-with-document");
        browser.findElement(By.id("correction-submit")).click();
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已提交，等待受理");
        assertThat(browser.findElement(By.id("document-premises-proof")).getText()).contains("经营场所使用证明", "租赁合同.pdf");
        signOut();

        // the handler opens the lease from the office's page (the opening is recorded) and approves
        signIn("handler.xihu.mr");
        go("/office/applications/" + number);
        waitFor(By.id("handed-in"));
        screenshot("42-office-documents");
        String href = browser.findElement(By.id("download-premises-proof")).getDomAttribute("href");
        Map<?, ?> opened = fetch(href);
        assertThat(opened.get("status")).isEqualTo(200L);
        assertThat(Base64.getDecoder().decode((String) opened.get("body"))).startsWith("%PDF-".getBytes());
        assertThat(jdbc.sql("""
                select count(*) from audit_event where actor = 'handler.xihu.mr' and purpose = 'document-opened' and detail = :detail""")
                .param("detail", number + " premises-proof").query(Integer.class).single()).isEqualTo(1);
        step("action-accept", "已受理");
        step("action-review", "审核中");
        browser.findElement(By.id("action-approve")).sendKeys("材料齐全，符合设立条件");
        step("submit-approve", "已批准");
        signOut();

        // the citizen gets the decision notice, a PDF with the application's number
        signIn("zhangsan");
        go("/applications/" + number);
        waitFor(By.id("decision-notice"));
        screenshot("43-status-approved-notice");
        Map<?, ?> notice = fetch(browser.findElement(By.id("decision-notice")).getDomAttribute("href"));
        assertThat(notice.get("status")).isEqualTo(200L);
        assertThat(notice.get("type")).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode((String) notice.get("body")))) {
            String words = new PDFTextStripper().getText(pdf);
            assertThat(words).contains(number, "个体工商户设立登记", "准予批准", "西湖区市场监督管理局", "材料齐全，符合设立条件");
        }
    }

    /** Fetches a link as the signed-in browser would, its answer's status, type and body (base64). */
    private Map<?, ?> fetch(String href) {
        return (Map<?, ?>) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) {
                    return r.arrayBuffer().then(function (b) {
                        var bytes = new Uint8Array(b), s = '';
                        for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                        done({status: r.status, type: r.headers.get('Content-Type'), body: btoa(s)});
                    });
                });""", href);
    }

    private static Path document(String name) throws IOException {
        Path file = Files.createTempDirectory("onewindow-upload-").resolve(name);
        Files.write(file, SampleFiles.pdf());
        return file;
    }

    private void step(String button, String stateAfter) {
        browser.findElement(By.id(button)).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.id("state"), stateAfter));
    }



    private String text() {
        return browser.findElement(By.tagName("main")).getText();
    }
}
