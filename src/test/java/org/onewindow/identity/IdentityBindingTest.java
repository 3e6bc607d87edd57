package org.onewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.identity.internal.SimulatedRealNameRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An ID number is trusted only once the real-name register confirmed it; registration tells
 * nobody which numbers or user names exist.
 */
@IntegrationTest
class IdentityBindingTest {

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
    void registrationAnswersTheSameWhetherOrNotTheIdNumberIsTaken() {
        String phone = "13611112222";
        String zhangsan = "33010619900101123" + ResidentIdNumber.checkDigitFor("33010619900101123");
        String fresh = DemoPeople.aNewIdNumber();
        var taken = register("taken-id-" + suffix(), zhangsan, "张三", phone);
        var free = register("free-id-" + suffix(), fresh, "王二", phone);
        var takenName = register("zhangsan", fresh, "王二", phone);
        assertThat(taken.status()).isEqualTo(free.status()).isEqualTo(takenName.status()).isEqualTo(202);
        assertThat(taken.body()).isEqualTo(free.body()).isEqualTo(takenName.body());

        // what came of each goes by SMS: to the phone given, and to the verified owner of a number registered again
        assertThat(messages("zhangsan")).contains("USERNAME_TAKEN").doesNotContain("ACCOUNT_OPENED");
        assertThat(jdbc.sql("select count(*) from identity_message where kind = 'ID_NUMBER_REGISTERED_AGAIN' and username like 'taken-id-%'")
                .query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("select phone_cipher from identity_message where kind = 'USERNAME_TAKEN' and username = 'zhangsan'")
                .query(String.class).list()).allSatisfy(stored -> assertThat(stored).doesNotContain(phone));
        // the person whose name was taken still has their ID number and can register under another name
        assertThat(register("wang-er-" + suffix(), fresh, "王二", phone).status()).isEqualTo(202);
    }

    @Test
    void anUnverifiedAccountNeitherGivesNorReceivesAuthority() {
        DemoPeople.NewCitizen unverified = people.aNewUnverifiedCitizen();
        String grant = "{\"proxy\": \"%s\", \"itemCodes\": [\"MR-002\"], \"validUntil\": \"2099-01-01\"}";
        var given = unverified.client().post("/api/v1/identity/proxy-authorizations", grant.formatted("zhangsan"));
        assertThat(given.status()).isEqualTo(422);
        assertThat(given.firstError()).isEqualTo("principal proxy.principal-unverified");
        var received = people.zhangsan().post("/api/v1/identity/proxy-authorizations", grant.formatted(unverified.username()));
        assertThat(received.status()).isEqualTo(422);
        assertThat(received.firstError()).isEqualTo("proxy proxy.unknown-person");
    }

    @Test
    void aSecondAccountCannotVerifyANumberAVerifiedAccountHolds() {
        DemoPeople.NewCitizen owner = people.aNewCitizen();
        var person = SimulatedRealNameRegister.personOf(owner.idNumber());
        DemoPeople.NewCitizen second = people.register(owner.idNumber(), person.name(), person.phone());
        var verification = second.client().post("/api/v1/identity/me/verification", "");
        assertThat(verification.status()).isEqualTo(409);
        assertThat(verification.body()).contains("verification.held-by-another-account");
        assertThat(second.client().get("/api/v1/identity/me").json().path("verified").asBoolean()).isFalse();
    }

    @Test
    void aMismatchIsExplainedAndLeavesTheAccountUnverified() {
        String idNumber = DemoPeople.aNewIdNumber();
        DemoPeople.NewCitizen someone = people.register(idNumber, SimulatedRealNameRegister.personOf(idNumber).name(), "13600000009");
        var verification = someone.client().post("/api/v1/identity/me/verification", "");
        assertThat(verification.status()).isEqualTo(422);
        assertThat(verification.json().path("errors").path(0).path("message").asString()).contains("实名");
        assertThat(someone.client().get("/api/v1/identity/me").json().path("verified").asBoolean()).isFalse();
    }

    @Test
    void theDemoCitizensAreVerifiedThroughTheRegister() {
        assertThat(people.zhangsan().get("/api/v1/identity/me").json().path("verified").asBoolean()).isTrue();
        assertThat(jdbc.sql("select identity_verified_by from account where username = 'lisi'").query(String.class).single())
                .isEqualTo("simulated");
    }

    private PlatformClient.Response register(String username, String idNumber, String name, String phone) {
        return people.anonymous().post("/api/v1/identity/persons", "{\"username\": \"" + username + "\", \"password\": \"a-long-password\", "
                + "\"name\": \"" + name + "\", \"idNumber\": \"" + idNumber + "\", \"phone\": \"" + phone + "\"}");
    }

    private List<String> messages(String username) {
        return jdbc.sql("select kind from identity_message where username = :u order by id").param("u", username).query(String.class).list();
    }

    private static String suffix() {
        return Long.toString(Instant.now().toEpochMilli() % 1_000_000) + (int) (Math.random() * 1000);
    }
}
