package org.onewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.SmsGateway;
import org.onewindow.shared.pii.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What registration decided reaches the phone through the province's SMS gateway, once, and survives its refusals. */
@IntegrationTest
class RegistrationMessagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    MessageSource texts;
    @Autowired
    TransactionTemplate transaction;
    DemoPeople people;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
    }

    record Sent(String reference, MobilePhoneNumber to, String text) {
    }

    @Test
    void theOutcomeOfARegistrationIsSentToThePhoneGivenOnce() {
        String idNumber = DemoPeople.aNewIdNumber();
        var person = SimulatedRealNameRegister.personOf(idNumber);
        DemoPeople.NewCitizen someone = people.register(idNumber, person.name(), person.phone());
        List<Sent> sent = new CopyOnWriteArrayList<>();
        SmsGateway recording = (reference, to, text) -> sent.add(new Sent(reference, to, text));
        RegistrationMessages messages = relayTo(recording);

        messages.sendDue(recording);
        List<Sent> mine = sent.stream().filter(s -> s.text().contains(someone.username())).toList();
        assertThat(mine).singleElement().satisfies(s -> {
            assertThat(s.to().value()).isEqualTo(person.phone());
            assertThat(s.text()).contains("已开通").contains("实名核验");
        });
        assertThat(jdbc.sql("select count(*) from identity_message where username = :u and sent_at is not null")
                .param("u", someone.username()).query(Integer.class).single()).isEqualTo(1);

        sent.clear();
        messages.sendDue(recording);
        assertThat(sent).noneMatch(s -> s.text().contains(someone.username()));
    }

    @Test
    void aRefusedMessageWaitsAndIsTriedAgainWithTheReasonMasked() {
        String idNumber = DemoPeople.aNewIdNumber();
        var person = SimulatedRealNameRegister.personOf(idNumber);
        DemoPeople.NewCitizen someone = people.register(idNumber, person.name(), person.phone());
        SmsGateway refusing = (reference, to, text) -> {
            throw new IllegalStateException("number " + to.value() + " is out of service");
        };
        RegistrationMessages messages = relayTo(refusing);

        messages.sendDue(refusing);

        var row = jdbc.sql("select attempts, sent_at is null as waiting, last_error, next_attempt_at > now() as later from identity_message where username = :u")
                .param("u", someone.username()).query().singleRow();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("waiting")).isEqualTo(true);
        assertThat(row.get("later")).isEqualTo(true);
        assertThat((String) row.get("last_error")).contains("out of service").doesNotContain(person.phone());
    }

    private RegistrationMessages relayTo(SmsGateway gateway) {
        return new RegistrationMessages(List.of(gateway), jdbc, cipher, texts, transaction);
    }
}
