package org.onewindow.casework.notifications;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
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

    static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 50;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    private static final Pattern LONG_NUMBER = Pattern.compile("[0-9]{7,}");
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
                outbox.failed(message.id(), reason(refused), pauseAfter(attempt));
                log.warn("{} gateway refused message {} (attempt {} of {}): {}", gateway.channel(), message.id(), attempt, MAX_ATTEMPTS,
                        reason(refused));
            }
        }
        return new Batch(due.size(), taken);
    }

    static Duration pauseAfter(int attempt) {
        return FIRST_PAUSE.multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    /** The gateway's reason, short, with anything that could be a phone or ID number masked. */
    private static String reason(Exception refused) {
        String text = refused.getClass().getSimpleName() + (refused.getMessage() == null ? "" : ": " + refused.getMessage());
        text = LONG_NUMBER.matcher(text).replaceAll("***");
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
