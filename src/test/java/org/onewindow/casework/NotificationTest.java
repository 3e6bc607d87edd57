package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every step reaches the applicant's inbox and the SMS outbox once, written in the step's own transaction. */
@IntegrationTest
class NotificationTest {

    private static final String SHOP = "{\"shopName\": \"张记书店\", \"businessScope\": \"图书\", \"organizationForm\": \"INDIVIDUAL\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    DemoPeople people;
    DemoCases cases;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        cases = DemoCases.of(people);
    }

    @Test
    void theApplicantIsToldOfEachStepInTheInboxAndBySms() {
        PlatformClient citizen = people.zhangsan();
        String number = cases.accepted(citizen, "MR-002", SHOP);

        // written with each step, not after it: nothing to wait for
        assertThat(steps(citizen, number)).containsExactlyInAnyOrder("accepted", "referred-to-staff");
        assertThat(jdbc.sql("select count(*) from notification where application_number = :n and channel = 'SMS' and recipient = 'zhangsan'")
                .param("n", number).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aProxyHearsWhatThePrincipalHears() {
        // a principal of this test's own, so that other tests' authorizations do not mix in
        DemoPeople.NewCitizen grandma = people.aNewCitizen();
        PlatformClient principal = grandma.client();
        PlatformClient proxy = people.zhangsan();
        assertThat(principal.post("/api/v1/identity/proxy-authorizations", "{\"proxy\": \"zhangsan\", \"itemCodes\": [\"MR-002\"], "
                + "\"validUntil\": \"" + LocalDate.now().plusDays(5) + "\"}").status()).isEqualTo(201);
        String number = cases.submittedOnBehalfOf(proxy, grandma.username(), "MR-002", SHOP);
        assertThat(steps(principal, number)).containsExactly("referred-to-staff");
        assertThat(steps(proxy, number)).containsExactly("referred-to-staff");
    }

    @Test
    void theInboxIsPrivate() {
        PlatformClient citizen = people.zhangsan();
        String number = cases.submitted(citizen, "MR-002", SHOP);
        assertThat(steps(citizen, number)).isNotEmpty();
        assertThat(steps(people.xihuRestaurant(), number)).isEmpty();
        assertThat(people.anonymous().get("/api/v1/casework/applications/inbox").status()).isEqualTo(401);
    }

    @Test
    void anEmailGoesOnlyForTheStepsTheApplicantMustKnowOrActOn() {
        PlatformClient citizen = people.zhangsan();
        String number = cases.returnedForCorrection(citizen, "MR-002", SHOP, "营业场所证明");

        assertThat(steps(citizen, number)).containsExactlyInAnyOrder("returned-for-correction", "referred-to-staff");
        assertThat(jdbc.sql("select step from notification where application_number = :n and channel = 'EMAIL'")
                .param("n", number).query(String.class).list()).containsExactly("returned-for-correction");
    }

    @Test
    void theMessagesOfAStepAreWrittenWithItAndVanishWithItWhenItRollsBack() {
        String number = "OW-ROLLED-BACK-" + java.util.UUID.randomUUID();
        var step = new ApplicationStepTaken(number, "MR-002", "zhangsan", "zhangsan", SubmissionChannel.ONLINE, "approved",
                ApplicationState.APPROVED, java.time.Instant.now());
        transaction.executeWithoutResult(status -> {
            events.publishEvent(step);
            // written in the step's own transaction: inbox, SMS and (for a decision) e-mail
            assertThat(messages(number)).isEqualTo(3);
            status.setRollbackOnly();
        });
        assertThat(messages(number)).isZero();
    }

    private int messages(String number) {
        return jdbc.sql("select count(*) from notification where application_number = :n").param("n", number).query(Integer.class).single();
    }

    private static List<String> steps(PlatformClient who, String number) {
        List<String> steps = new ArrayList<>();
        for (JsonNode message : who.get("/api/v1/casework/applications/inbox").json()) {
            if (message.path("applicationNumber").asString().equals(number)) {
                steps.add(message.path("step").asString());
            }
        }
        return steps;
    }
}
