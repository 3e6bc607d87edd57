package org.onewindow.casework.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.shared.delivery.RefusedDelivery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox's messages reach a connected gateway once each, survive its refusals and are never handed over twice at once. */
@IntegrationTest
class OutboxRelayTest {

    private static final String SHOP = "{\"shopName\": \"李记茶馆\", \"businessScope\": \"茶饮\", \"organizationForm\": \"INDIVIDUAL\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NotificationLog log;
    @Autowired
    TransactionTemplate transaction;
    DemoCases cases;
    PlatformClient citizen;

    @BeforeEach
    void connect() {
        DemoPeople people = DemoPeople.at(port);
        cases = DemoCases.of(people);
        citizen = people.zhangsan();
    }

    @Test
    void aConnectedGatewayGetsEachMessageOfItsChannelOnce() {
        String number = cases.submitted(citizen, "MR-002", SHOP);
        List<Long> sms = messages(number, "SMS");
        assertThat(sms).isNotEmpty();
        RecordingGateway gateway = new RecordingGateway(false);
        OutboxRelay relay = new OutboxRelay(List.of(gateway), log, transaction);

        relay.relay(gateway);
        relay.relay(gateway);

        assertThat(gateway.taken.stream().filter(m -> m.applicationNumber().equals(number)).map(NotificationLog.OutboxMessage::id))
                .containsExactlyElementsOf(sms);
        assertThat(delivered(sms)).isTrue();
        assertThat(log.outbox("SMS", "", 500).stream().filter(m -> sms.contains(m.id())).allMatch(m -> m.deliveredAt() != null)).isTrue();
        // only the SMS gateway is connected: the inbox is not an outbox, and nothing else was touched
        assertThat(delivered(messages(number, "INBOX"))).isFalse();
    }

    @Test
    void aRefusedMessageIsTriedAgainLaterAndGivenUpOnlyAfterTheLastTry() {
        String number = cases.submitted(citizen, "MR-002", SHOP);
        List<Long> sms = messages(number, "SMS");
        RecordingGateway down = new RecordingGateway(true);
        OutboxRelay relay = new OutboxRelay(List.of(down), log, transaction);

        relay.relay(down);
        relay.relay(down);   // not due again yet: the pause after a refusal holds

        assertThat(down.taken.stream().filter(m -> m.applicationNumber().equals(number)).count()).isEqualTo(sms.size());
        assertThat(jdbc.sql("select attempts, last_error from notification where id = :id").param("id", sms.getFirst())
                .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2)).single())
                .isEqualTo("1 IllegalStateException: gateway down for number ***");
        assertThat(RefusedDelivery.pauseAfter(1)).hasSeconds(30);
        assertThat(RefusedDelivery.pauseAfter(2)).hasSeconds(60);

        // the pause is over and the gateway is back: delivered
        jdbc.sql("update notification set next_attempt_at = now() - interval '1 second' where id in (:ids)").param("ids", sms).update();
        RecordingGateway back = new RecordingGateway(false);
        new OutboxRelay(List.of(back), log, transaction).relay(back);
        assertThat(delivered(sms)).isTrue();

        // a message refused at every try stays in the outbox, marked as failed, and is not tried again
        List<Long> doomed = messages(cases.submitted(citizen, "MR-002", SHOP), "SMS");
        jdbc.sql("update notification set attempts = :last where id in (:ids)").param("last", OutboxRelay.MAX_ATTEMPTS - 1)
                .param("ids", doomed).update();
        relay.relay(down);
        assertThat(log.outbox("SMS", "", 500).stream().filter(m -> doomed.contains(m.id())).allMatch(NotificationLog.OutboxMessage::failed))
                .isTrue();
        jdbc.sql("update notification set next_attempt_at = null where id in (:ids)").param("ids", doomed).update();
        new OutboxRelay(List.of(back), log, transaction).relay(back);
        assertThat(back.taken.stream().noneMatch(m -> doomed.contains(m.id()))).isTrue();
        assertThat(delivered(doomed)).isFalse();
    }

    @Test
    void twoRelaysSideBySideNeverHandOverTheSameMessage() throws Exception {
        List<Long> ours = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ours.addAll(messages(cases.submitted(citizen, "MR-002", SHOP), "SMS"));
        }
        RecordingGateway slow = new RecordingGateway(false);
        slow.pauseMillis = 20;
        OutboxRelay first = new OutboxRelay(List.of(slow), log, transaction);
        OutboxRelay second = new OutboxRelay(List.of(slow), log, transaction);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            Future<Integer> a = nodes.submit(() -> first.relay(slow));
            Future<Integer> b = nodes.submit(() -> second.relay(slow));
            a.get();
            b.get();
        }
        List<Long> handedOver = slow.taken.stream().map(NotificationLog.OutboxMessage::id).filter(ours::contains).toList();
        assertThat(handedOver).containsExactlyInAnyOrderElementsOf(ours);
        assertThat(delivered(ours)).isTrue();
    }

    private List<Long> messages(String number, String channel) {
        return jdbc.sql("select id from notification where application_number = :n and channel = :c order by id")
                .param("n", number).param("c", channel).query(Long.class).list();
    }

    private boolean delivered(List<Long> ids) {
        return jdbc.sql("select bool_and(delivered_at is not null) from notification where id in (:ids)").param("ids", ids)
                .query(Boolean.class).single();
    }

    /** An SMS gateway that takes (or refuses) every message and remembers what it was given. */
    private static final class RecordingGateway implements NotificationGateway {
        private final boolean refuses;
        final List<NotificationLog.OutboxMessage> taken = new CopyOnWriteArrayList<>();
        long pauseMillis;

        RecordingGateway(boolean refuses) {
            this.refuses = refuses;
        }

        @Override
        public String channel() {
            return "SMS";
        }

        @Override
        public void deliver(NotificationLog.OutboxMessage message) throws Exception {
            taken.add(message);
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
            if (refuses) {
                throw new IllegalStateException("gateway down for number 13800138000");
            }
        }
    }
}
