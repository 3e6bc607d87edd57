package org.onewindow.casework.notifications;

import java.util.List;
import org.onewindow.shared.delivery.RefusedDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The other half of the outbox: hands the SMS and e-mail messages that steps wrote to the
 * connected gateways ({@link NotificationGateway}), a batch per transaction with the rows
 * locked, so that nodes running side by side never hand over the same message at once. A refused
 * message is tried again after a pause that doubles each time, {@link #MAX_ATTEMPTS} times in
 * all (about two hours); then it stays on /admin/outbox as failed, with the gateway's reason. A
 * channel without a gateway keeps its messages in the outbox, where administrators read them.
 */
@Component
class OutboxRelay {

    static final int MAX_ATTEMPTS = RefusedDelivery.MAX_ATTEMPTS;
    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final List<NotificationGateway> gateways;
    private final NotificationLog outbox;
    private final TransactionTemplate transaction;

    OutboxRelay(List<NotificationGateway> gateways, NotificationLog outbox, TransactionTemplate transaction) {
        this.gateways = gateways;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${onewindow.notifications.relay-interval-ms:5000}",
            initialDelayString = "${onewindow.notifications.relay-interval-ms:5000}")
    void relayAll() {
        gateways.forEach(this::relay);
    }

    /** Hands every due message of the gateway's channel to it; answers how many it took. */
    int relay(NotificationGateway gateway) {
        int taken = 0;
        while (true) {
            Batch batch = transaction.execute(status -> deliverBatch(gateway));
            taken += batch.taken();
            if (batch.size() < BATCH) {
                return taken;
            }
        }
    }

    private record Batch(int size, int taken) {
    }

    private Batch deliverBatch(NotificationGateway gateway) {
        List<NotificationLog.OutboxMessage> due = outbox.lockDue(gateway.channel(), MAX_ATTEMPTS, BATCH);
        int taken = 0;
        for (NotificationLog.OutboxMessage message : due) {
            try {
                gateway.deliver(message);
                outbox.delivered(message.id());
                taken++;
            } catch (Exception refused) {
                int attempt = message.attempts() + 1;
                outbox.failed(message.id(), RefusedDelivery.reason(refused), RefusedDelivery.pauseAfter(attempt));
                log.warn("{} gateway refused message {} (attempt {} of {}): {}", gateway.channel(), message.id(), attempt, MAX_ATTEMPTS,
                        RefusedDelivery.reason(refused));
            }
        }
        return new Batch(due.size(), taken);
    }
}
