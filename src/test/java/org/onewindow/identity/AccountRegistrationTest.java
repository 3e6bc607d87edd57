package org.onewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opening accounts: identifiers are checked by their standards, stored encrypted, shown masked. */
@IntegrationTest
class AccountRegistrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    PlatformClient platform;

    @BeforeEach
    void connect() {
        platform = new PlatformClient(port);
    }

    @Test
    void aCitizenRegistersAndTheIdNumberIsEncryptedAtRestAndMaskedInAnswers() {
        String idNumber = validIdNumber("11010519850315241");
        var response = platform.post("/api/v1/identity/persons", person("wangwu", idNumber, "13700137000"));
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body()).doesNotContain(idNumber).doesNotContain("13700137000").contains("137****7000");

        String stored = jdbc.sql("select id_number_cipher || ' ' || id_number_index || ' ' || phone_cipher from account where username = 'wangwu'")
                .query(String.class).single();
        assertThat(stored).doesNotContain(idNumber).doesNotContain("13700137000");

        var me = platform.as("wangwu", "a-long-password").get("/api/v1/identity/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("idNumber").asString()).contains("*").doesNotContain(idNumber);
        assertThat(me.json().path("phone").asString()).isEqualTo("137****7000");
        assertThat(me.json().path("verified").asBoolean()).isFalse();
    }

    @Test
    void aWrongCheckDigitIsNamedAndNothingIsWritten() {
        String idNumber = validIdNumber("11010519850315242");
        char wrong = idNumber.charAt(17) == '1' ? '2' : '1';
        var response = platform.post("/api/v1/identity/persons", person("badcheck", idNumber.substring(0, 17) + wrong, "13700137001"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.firstError()).isEqualTo("idNumber id-number.check-digit");
        assertThat(response.json().path("errors").path(0).path("message").asString()).contains("校验");
        assertThat(accounts("badcheck")).isZero();
    }

    @Test
    void otherBrokenIdentifiersAreNamedByTheirRule() {
        assertThat(platform.post("/api/v1/identity/persons", person("short", "1234", "13700137001")).firstError())
                .isEqualTo("idNumber id-number.length");
        assertThat(platform.post("/api/v1/identity/persons", person("future", validIdNumber("11010520991231123"), "13700137001")).firstError())
                .isEqualTo("idNumber id-number.birth-date");
        assertThat(platform.post("/api/v1/identity/persons", person("badphone", validIdNumber("11010519850315243"), "12345")).firstError())
                .isEqualTo("phone phone.format");
        var enterprise = platform.post("/api/v1/identity/enterprises",
                "{\"username\": \"acme\", \"password\": \"a-long-password\", \"name\": \"Acme\", \"creditCode\": \"91350100M000100Y44\", \"phone\": \"13700137009\"}");
        assertThat(enterprise.status()).isEqualTo(400);
        assertThat(enterprise.firstError()).isEqualTo("creditCode credit-code.check-char");
        assertThat(accounts("short") + accounts("future") + accounts("badphone") + accounts("acme")).isZero();
    }

    @Test
    void anEnterpriseWithAValidCreditCodeRegisters() {
        var response = platform.post("/api/v1/identity/enterprises", enterprise("fujian-co", "91350100M000100Y43"));
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body()).contains("137****7010").doesNotContain("13700137010");
        var me = platform.as("fujian-co", "a-long-password").get("/api/v1/identity/me");
        assertThat(me.json().path("roles").path(0).asString()).isEqualTo("ENTERPRISE_AGENT");
        assertThat(messages("fujian-co")).containsExactly("ACCOUNT_OPENED");
    }

    @Test
    void anEnterpriseRegistrationDoesNotTellWhetherTheUserNameOrTheCreditCodeIsTaken() {
        var first = platform.post("/api/v1/identity/enterprises", enterprise("min-co", "91350100M000101Y4Q"));
        var nameTaken = platform.post("/api/v1/identity/enterprises", enterprise("min-co", "91350100M000102Y4E"));
        var codeTaken = platform.post("/api/v1/identity/enterprises", enterprise("min-co-2", "91350100M000101Y4Q"));

        assertThat(nameTaken.status()).isEqualTo(first.status()).isEqualTo(202);
        assertThat(codeTaken.status()).isEqualTo(202);
        assertThat(nameTaken.body()).isEqualTo(first.body()).isEqualTo(codeTaken.body());
        assertThat(messages("min-co")).containsExactly("ACCOUNT_OPENED", "USERNAME_TAKEN");
        assertThat(messages("min-co-2")).containsExactly("CREDIT_CODE_REGISTERED");
        assertThat(accounts("min-co-2")).isZero();
    }

    @Test
    void aDoubleSubmitDoesNotCreateTwoAccounts() {
        String body = person("twice", validIdNumber("11010519850315244"), "13700137002");
        var first = platform.post("/api/v1/identity/persons", body);
        assertThat(first.status()).isEqualTo(202);
        var again = platform.post("/api/v1/identity/persons", body);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(accounts("twice")).isEqualTo(1);
    }

    @Test
    void aPhoneIsRequiredForTheOutcomeIsSentToIt() {
        var response = platform.post("/api/v1/identity/persons", person("nophone", validIdNumber("11010519850315245"), null));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.firstError()).startsWith("phone ");
        assertThat(accounts("nophone")).isZero();
    }

    @Test
    void passwordsAreHashed() {
        String hash = jdbc.sql("select password_hash from account where username = 'zhangsan'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("demo1234");
    }

    private static String enterprise(String username, String creditCode) {
        return "{\"username\": \"" + username + "\", \"password\": \"a-long-password\", \"name\": \"某某公司\", \"creditCode\": \""
                + creditCode + "\", \"phone\": \"13700137010\"}";
    }

    private java.util.List<String> messages(String username) {
        return jdbc.sql("select kind from identity_message where username = :u order by id").param("u", username).query(String.class).list();
    }

    private int accounts(String username) {
        return jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Integer.class).single();
    }

    private static String validIdNumber(String first17) {
        return first17 + ResidentIdNumber.checkDigitFor(first17);
    }

    private static String person(String username, String idNumber, String phone) {
        return "{\"username\": \"" + username + "\", \"password\": \"a-long-password\", \"name\": \"王五\", \"idNumber\": \"" + idNumber + "\""
                + (phone == null ? "" : ", \"phone\": \"" + phone + "\"") + "}";
    }
}
