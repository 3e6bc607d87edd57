package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
 * One-window acceptance: a clerk at a service hall files an application for the person in front
 * of them, for any department's item, including for someone who has no account or smartphone.
 */
@IntegrationTest
class WindowChannelTest {

    private static final String SHOP = "{\"shopName\": \"王记面馆\", \"businessScope\": \"面食\", \"organizationForm\": \"FAMILY\"}";
    private static final byte[] PDF = org.onewindow.shared.upload.SampleFiles.pdf();

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
    void aClerkFilesForSomeoneWithoutAnAccountAndTheApplicationFollowsTheSameSteps() {
        String idNumber = idNumber("33010619450607004");
        String name = SimulatedRealNameRegister.personOf(idNumber).name();
        var filed = atWindow(clerk, UUID.randomUUID().toString(), idNumber, name, "330106", SHOP);
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().path("channel").asString()).isEqualTo("WINDOW");
        assertThat(filed.json().path("submittedBy").asString()).isEqualTo("clerk.xihu");
        String applicant = filed.json().path("applicant").asString();
        assertThat(applicant).startsWith("p-").doesNotContain(idNumber);

        assertThat(jdbc.sql("select enabled from account where username = :u").param("u", applicant).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select id_number_cipher from account where username = :u").param("u", applicant).query(String.class).single())
                .doesNotContain(idNumber);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'identity.person-served-at-window' and subject = :u")
                .param("u", applicant).query(Integer.class).single()).isEqualTo(1);

        String number = filed.json().path("number").asString();
        assertThat(scan(number).status()).isEqualTo(201);
        var accepted = clerk.post("/api/v1/casework/applications/" + number + "/acceptance", "");
        assertThat(accepted.json().path("state").asString()).isEqualTo("ACCEPTED");

        // the same person again: the same record, not a second one
        var again = atWindow(clerk, UUID.randomUUID().toString(), idNumber, name, "330106", SHOP);
        assertThat(again.json().path("applicant").asString()).isEqualTo(applicant);
    }

    @Test
    void aPersonWithAnAccountSeesWhatTheClerkFiledForThem() {
        String zhangsan = idNumber("33010619900101123");
        var filed = atWindow(clerk, UUID.randomUUID().toString(), zhangsan, "张三", "330106", SHOP);
        assertThat(filed.json().path("applicant").asString()).isEqualTo("zhangsan");
        String number = filed.json().path("number").asString();
        var followed = people.zhangsan().get("/api/v1/casework/applications/" + number);
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.json().path("channel").asString()).isEqualTo("WINDOW");
    }

    @Test
    void theWindowRefusesWhatItMustRefuse() {
        String idNumber = idNumber("33010619450607012");
        char wrong = idNumber.charAt(17) == '1' ? '2' : '1';
        var badId = atWindow(clerk, UUID.randomUUID().toString(), idNumber.substring(0, 17) + wrong, "赵五", "330106", SHOP);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.firstError()).isEqualTo("applicant.idNumber id-number.check-digit");

        var elsewhere = atWindow(clerk, UUID.randomUUID().toString(), idNumber, "赵五", "330212", SHOP);
        assertThat(elsewhere.status()).isEqualTo(403);

        var byCitizen = atWindow(people.zhangsan(), UUID.randomUUID().toString(), idNumber, "赵五", "330106", SHOP);
        assertThat(byCitizen.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from account where display_name = '赵五'").query(Integer.class).single()).isZero();
    }

    private PlatformClient.Response scan(String number) {
        String boundary = "----window" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\nresident-id-card\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(PDF);
        body.writeBytes(tail);
        return clerk.send(clerk.request("/api/v1/casework/applications/" + number + "/materials")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static PlatformClient.Response atWindow(PlatformClient who, String key, String idNumber, String name, String region, String form) {
        String body = "{\"itemCode\": \"MR-002\", \"regionCode\": \"" + region + "\", \"applicant\": {\"idNumber\": \"" + idNumber
                + "\", \"name\": \"" + name + "\"}, \"form\": " + form + "}";
        return who.send(who.request("/api/v1/casework/applications/at-window").header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String idNumber(String first17) {
        return first17 + ResidentIdNumber.checkDigitFor(first17);
    }
}
