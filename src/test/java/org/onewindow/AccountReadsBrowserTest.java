package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A citizen opens their account page in a real browser and finds who looked at their
 * application: the clerk's role and office and why, never the clerk's user name.
 */
@IntegrationTest
class AccountReadsBrowserTest extends BrowserJourney {

    private static final String SHOP = "{\"shopName\": \"浏览器面馆\", \"businessScope\": \"面食\", \"organizationForm\": \"FAMILY\"}";

    @Test
    void aCitizenSeesWhoReadTheirApplicationOnTheirAccountPage() throws IOException {
        DemoPeople people = DemoPeople.at(port);
        DemoPeople.NewCitizen citizen = people.aNewCitizen();
        String number = DemoCases.of(people).submitted(citizen.client(), "MR-002", SHOP);

        open(true);
        signIn(citizen.username(), citizen.password());
        go("/account");
        assertThat(browser.findElement(By.id("reads")).getText()).contains("还没有工作人员查看过您的信息");

        assertThat(people.xihuClerk().get("/api/v1/casework/applications/" + number).status()).isEqualTo(200);
        go("/account");
        List<WebElement> reads = browser.findElements(By.cssSelector("#reads tr.read"));
        assertThat(reads).hasSize(1);
        assertThat(reads.getFirst().getText()).contains(number, "办理或查看您的申请", "西湖区").doesNotContain("clerk.xihu");
        screenshot("account-reads");
    }

}
