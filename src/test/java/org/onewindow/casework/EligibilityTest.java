package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.internal.SimulatedRealNameRegister;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An item's conditions, told from the person's verified identity before they fill anything in:
 * the old-age allowance (CA-005) is for people of 80 and over with a household registration in
 * Zhejiang. An age the ID number settles stops the application, on the page and in the API; a
 * number issued elsewhere is a warning (a registration can move); an unverified person is told
 * the conditions cannot be checked for them. And an optional question the automatic decision
 * needs says so next to it.
 */
@IntegrationTest
class EligibilityTest {

    private static final String ALLOWANCE = "/items/CA-005/apply";

    @LocalServerPort
    int port;
    DemoPeople people;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
    }

    @Test
    void lisiAt78IsToldBeforeTheFormThatTheAllowanceIsFrom80AndWhenSheCanApply() throws Exception {
        String page = signedIn("lisi", DemoPeople.PASSWORD).get(ALLOWANCE).body();
        assertThat(page).contains("id=\"eligibility-too-young\"", "您现在还不能申请这个事项",
                        "这个事项要求年满 80 周岁。按您身份证号码上的出生日期，您现在 78 周岁，2028-03-05 起可以申请。")
                .doesNotContain("id=\"apply-form\"");

        var refused = people.lisi().apply("{\"itemCode\": \"CA-005\", \"regionCode\": \"330106\", \"form\": {}}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.firstError()).isEqualTo("itemCode application.eligibility-too-young");
        assertThat(people.lisi().inLanguage("en").apply("{\"itemCode\": \"CA-005\", \"regionCode\": \"330106\", \"form\": {}}").body())
                .contains("aged 80 or over", "can apply from 2028-03-05");
    }

    @Test
    void someoneOf80FromHereGetsTheFormWithoutAWord() throws Exception {
        DemoPeople.NewCitizen elder = verifiedCitizen("330106", 1940);
        String page = signedIn(elder.username(), elder.password()).get(ALLOWANCE).body();
        assertThat(page).contains("id=\"apply-form\"").doesNotContain("id=\"eligibility\"");
        assertThat(elder.client().apply("{\"itemCode\": \"CA-005\", \"regionCode\": \"330106\", \"form\": {}}").status()).isEqualTo(201);
    }

    @Test
    void anIdNumberIssuedElsewhereIsAWarningAndThePersonMayGoOn() throws Exception {
        DemoPeople.NewCitizen elder = verifiedCitizen("110101", 1940);
        String page = signedIn(elder.username(), elder.password()).get(ALLOWANCE).body();
        assertThat(page).contains("id=\"eligibility-hukou-elsewhere\"", "申请前请注意", "浙江省户籍", "id=\"apply-form\"");
        assertThat(elder.client().apply("{\"itemCode\": \"CA-005\", \"regionCode\": \"330106\", \"form\": {}}").status()).isEqualTo(201);
    }

    @Test
    void anUnverifiedPersonIsToldTheConditionsCannotBeCheckedForThem() throws Exception {
        DemoPeople.NewCitizen unverified = people.aNewUnverifiedCitizen();
        String page = signedIn(unverified.username(), unverified.password()).get(ALLOWANCE).body();
        assertThat(page).contains("id=\"eligibility-unchecked\"", "具有本地户籍，年满80周岁。", "id=\"apply-form\"");
    }

    @Test
    void anOptionalQuestionTheAutomaticDecisionNeedsSaysSoNextToIt() throws Exception {
        String page = signedIn("zhangsan", DemoPeople.PASSWORD).get("/items/MR-002/apply").body();
        // MR-002's table approves at once only with the number of people working there, which the form does not require
        assertThat(page).contains("id=\"form-employees-decision\"", "不填也可以提交，但这样不能自动办结")
                .containsPattern("id=\"form-employees\"[^>]*aria-describedby=\"form-employees-hint form-employees-decision\"|"
                        + "aria-describedby=\"form-employees-hint form-employees-decision\"[^>]*id=\"form-employees\"")
                .doesNotContain("id=\"form-shopName-decision\"", "id=\"form-organizationForm-decision\"");
        // an item without a decision table has nothing to say
        assertThat(signedIn("zhangsan", DemoPeople.PASSWORD).get("/items/MR-001/apply").body()).doesNotContain("不填也可以提交");
    }

    @Test
    void theApiSaysTheSameBeforeApplying() {
        JsonNode lisi = people.lisi().get("/api/v1/casework/applications/eligibility?itemCode=CA-005").json();
        assertThat(lisi.path("mayApply").asBoolean()).isFalse();
        assertThat(lisi.path("eligibility").path(0).path("rule").asString()).isEqualTo("too-young");
        assertThat(lisi.path("eligibility").path(0).path("text").asString()).contains("2028-03-05");

        JsonNode shop = people.zhangsan().get("/api/v1/casework/applications/eligibility?itemCode=MR-002").json();
        assertThat(shop.path("mayApply").asBoolean()).isTrue();
        assertThat(shop.path("eligibility").isEmpty()).isTrue();
        assertThat(shop.path("neededForInstantDecision").toString()).isEqualTo("[\"employees\"]");
        assertThat(people.zhangsan().get("/api/v1/casework/applications/eligibility?itemCode=XX-999").status()).isEqualTo(404);
    }

    private FormBrowser signedIn(String username, String password) throws Exception {
        return new FormBrowser(port).signIn(username, password);
    }

    /** A citizen of this test's own, born in the year with an ID number of the region, verified by the register. */
    private DemoPeople.NewCitizen verifiedCitizen(String region, int year) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = region + year + String.format("%02d%02d%03d", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
        String idNumber = first17 + ResidentIdNumber.checkDigitFor(first17);
        SimulatedRealNameRegister.Person person = SimulatedRealNameRegister.personOf(idNumber);
        DemoPeople.NewCitizen citizen = people.register(idNumber, person.name(), person.phone());
        var verified = citizen.client().post("/api/v1/identity/me/verification", "");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return citizen;
    }
}
