package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.internal.SimulatedRealNameRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A window filing reaches only the person whose verified record matches the name and ID number
 * the clerk typed: not an impostor who registered the number first, not a stranger whose number
 * a clerk mistyped.
 */
@IntegrationTest
class WindowBindingTest {

    private static final String SHOP = "{\"shopName\": \"老王面馆\", \"businessScope\": \"面食\", \"organizationForm\": \"FAMILY\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    DemoPeople people;
    PlatformClient clerk;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        clerk = people.xihuClerk();
    }

    @Test
    void anImpostorWhoRegisteredSomeoneElsesIdNumberSeesNothingFiledForThem() {
        // an elderly person who never registered; the impostor knows her name and number, not her phone
        String idNumber = DemoPeople.aNewIdNumber();
        SimulatedRealNameRegister.Person grandmother = SimulatedRealNameRegister.personOf(idNumber);
        DemoPeople.NewCitizen impostor = people.register(idNumber, grandmother.name(), "13600000001");
        var verification = impostor.client().post("/api/v1/identity/me/verification", "");
        assertThat(verification.status()).isEqualTo(422);
        assertThat(verification.firstError()).isEqualTo("identity verification.no-match");

        var filed = atWindow(idNumber, grandmother.name(), "MR-002");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String number = filed.json().path("number").asString();
        assertThat(filed.json().path("applicant").asString()).isNotEqualTo(impostor.username());
        assertThat(impostor.client().get("/api/v1/casework/applications/" + number).status()).isIn(403, 404);
        assertThat(impostor.client().post("/api/v1/casework/applications/" + number + "/withdrawal", "").status()).isIn(403, 404);
        assertThat(applicationsOf(impostor.username())).isZero();

        // she registers later with her own phone, verifies, and finds what was filed for her
        DemoPeople.NewCitizen herself = people.register(idNumber, grandmother.name(), grandmother.phone());
        assertThat(herself.client().post("/api/v1/identity/me/verification", "").status()).isEqualTo(200);
        var followed = herself.client().get("/api/v1/casework/applications/" + number);
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.json().path("applicant").asString()).isEqualTo(herself.username());
        assertThat(impostor.client().get("/api/v1/casework/applications/" + number).status()).isIn(403, 404);
    }

    @Test
    void aMistypedDigitAtTheWindowFilesIntoNoStrangersAccount() {
        DemoPeople.NewCitizen stranger = people.aNewCitizen();
        // the person at the window has another number; the clerk types the stranger's (valid) number by mistake
        String personsName = nameOtherThan(SimulatedRealNameRegister.personOf(stranger.idNumber()).name());
        int notificationsBefore = notificationsOf(stranger.username());

        var filed = atWindow(stranger.idNumber(), personsName, "MR-002");
        assertThat(filed.status()).isEqualTo(422);
        assertThat(filed.firstError()).isEqualTo("applicant.name person.name-mismatch");
        assertThat(applicationsOf(stranger.username())).isZero();
        assertThat(notificationsOf(stranger.username())).isEqualTo(notificationsBefore);

        // a mistyped number nobody verified yet stops the same way: the register knows another name for it
        String unknown = DemoPeople.aNewIdNumber();
        while (SimulatedRealNameRegister.personOf(unknown).name().equals(personsName)) {
            unknown = DemoPeople.aNewIdNumber();
        }
        var intoNobody = atWindow(unknown, personsName, "MR-002");
        assertThat(intoNobody.status()).isEqualTo(422);
        assertThat(intoNobody.firstError()).isEqualTo("applicant.name person.name-mismatch");
    }

    @Test
    void aNameThatDoesNotMatchStopsTheWindowFilingAndSendsNothing() {
        String zhangsan = idNumber("33010619900101123");
        int applications = count("application");
        int notifications = count("notification");
        int accounts = count("account");

        var filed = atWindow(zhangsan, "张三丰", "MR-002");
        assertThat(filed.status()).isEqualTo(422);
        assertThat(filed.firstError()).isEqualTo("applicant.name person.name-mismatch");
        assertThat(filed.json().path("errors").path(0).path("message").asString()).contains("姓名");
        assertThat(count("application")).isEqualTo(applications);
        assertThat(count("notification")).isEqualTo(notifications);
        assertThat(count("account")).isEqualTo(accounts);

        // the same number with the name on record files into zhangsan's account
        var right = atWindow(zhangsan, "张三", "MR-002");
        assertThat(right.status()).isEqualTo(201);
        assertThat(right.json().path("applicant").asString()).isEqualTo("zhangsan");
    }

    @Test
    void aWindowRecordedAuthorizationAlsoNeedsTheNameOnRecord() {
        String idNumber = DemoPeople.aNewIdNumber();
        var recorded = clerk.post("/api/v1/identity/proxy-authorizations/at-window", "{\"principalIdNumber\": \"" + idNumber
                + "\", \"principalName\": \"冒名\", \"proxy\": \"zhangsan\", \"itemCodes\": [\"MR-002\"], \"validUntil\": \"2099-01-01\"}");
        assertThat(recorded.status()).isEqualTo(422);
        assertThat(recorded.firstError()).isEqualTo("applicant.name person.name-mismatch");
    }

    private PlatformClient.Response atWindow(String idNumber, String name, String itemCode) {
        return clerk.apply("/api/v1/casework/applications/at-window", "{\"itemCode\": \"" + itemCode + "\", \"regionCode\": \"330106\", "
                + "\"applicant\": {\"idNumber\": \"" + idNumber + "\", \"name\": \"" + name + "\", \"phone\": \"13700001234\"}, \"form\": "
                + SHOP + "}");
    }

    /** The register's name for some other number: common names repeat, and a test must not depend on luck. */
    private static String nameOtherThan(String name) {
        String other = SimulatedRealNameRegister.personOf(DemoPeople.aNewIdNumber()).name();
        return other.equals(name) ? nameOtherThan(name) : other;
    }

    private int applicationsOf(String username) {
        return jdbc.sql("select count(*) from application where applicant = :u").param("u", username).query(Integer.class).single();
    }

    private int notificationsOf(String username) {
        return jdbc.sql("select count(*) from notification where recipient = :u").param("u", username).query(Integer.class).single();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static String idNumber(String first17) {
        return first17 + ResidentIdNumber.checkDigitFor(first17);
    }
}
