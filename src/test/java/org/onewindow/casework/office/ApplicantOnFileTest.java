package org.onewindow.casework.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.identity.internal.SimulatedRealNameRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office sees whom a case serves: the name, the ID number and phone masked, how it came in and
 * who filed it. A handler in duty may show the ID number and phone in full, and that is recorded
 * against the applicant with its purpose; a clerk may not.
 */
@IntegrationTest
class ApplicantOnFileTest {

    private static final String SHOP = "{\"shopName\": \"钱记米铺\", \"businessScope\": \"粮油\", \"organizationForm\": \"INDIVIDUAL\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    DemoPeople people;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
    }

    @Test
    void aHandlerSeesTheApplicantMaskedAndShowsThemInFullOnRecord() throws Exception {
        String idNumber = DemoPeople.aNewIdNumber();
        String name = SimulatedRealNameRegister.personOf(idNumber).name();
        var filed = atWindow(people.xihuClerk(), idNumber, name, "13912345678");
        assertThat(filed.status()).isEqualTo(201);
        String number = filed.json().path("number").asString();
        String applicant = filed.json().path("applicant").asString();

        FormBrowser handler = new FormBrowser(port).signIn("handler.xihu.mr", DemoPeople.PASSWORD);
        String page = handler.get("/office/applications/" + number).body();
        assertThat(page).contains(name, idNumber.substring(0, 4) + "**********" + idNumber.substring(14), "139****5678", "王窗口")
                .doesNotContain(idNumber, "13912345678");
        assertThat(readsInFull(applicant)).isZero();

        var shown = handler.post("/office/applications/" + number + "/applicant", page, Map.of());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains(idNumber, "13912345678", "id=\"applicant-shown-in-full\"");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where action = 'casework.applicant-shown-in-full' and purpose = 'applicant-in-full'
                        and actor = 'handler.xihu.mr' and subject = :s and detail = :n""")
                .param("s", applicant).param("n", number).query(Integer.class).single()).isEqualTo(1);

        // the worklist shows whom each case serves, masked
        String worklist = handler.get("/office").body();
        assertThat(worklist).contains(name.substring(0, 1) + "*".repeat(name.codePointCount(0, name.length()) - 1)).doesNotContain(idNumber);
    }

    @Test
    void aClerkSeesTheApplicantMaskedButCannotShowThemInFull() throws Exception {
        String idNumber = DemoPeople.aNewIdNumber();
        String name = SimulatedRealNameRegister.personOf(idNumber).name();
        String number = atWindow(people.xihuClerk(), idNumber, name, "13912345678").json().path("number").asString();

        FormBrowser clerk = new FormBrowser(port).signIn("clerk.xihu", DemoPeople.PASSWORD);
        String page = clerk.get("/office/applications/" + number).body();
        assertThat(page).contains("id=\"applicant-idNumber\"").doesNotContain("id=\"show-in-full\"", idNumber);
        var refused = clerk.post("/office/applications/" + number + "/applicant", page, Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(idNumber);

        // a handler of another department is told the case does not exist
        FormBrowser housing = new FormBrowser(port).signIn("handler.xihu.hc", DemoPeople.PASSWORD);
        var hidden = housing.post("/office/applications/" + number + "/applicant", housing.get("/office").body(), Map.of());
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'casework.applicant-shown-in-full' and detail = :n")
                .param("n", number).query(Integer.class).single()).isZero();
    }

    private int readsInFull(String applicant) {
        return jdbc.sql("select count(*) from audit_event where purpose = 'applicant-in-full' and subject = :s")
                .param("s", applicant).query(Integer.class).single();
    }

    private static PlatformClient.Response atWindow(PlatformClient clerk, String idNumber, String name, String phone) {
        String body = "{\"itemCode\": \"MR-002\", \"regionCode\": \"330106\", \"applicant\": {\"idNumber\": \"" + idNumber
                + "\", \"name\": \"" + name + "\", \"phone\": \"" + phone + "\"}, \"form\": " + SHOP + "}";
        return clerk.send(clerk.request("/api/v1/casework/applications/at-window").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
