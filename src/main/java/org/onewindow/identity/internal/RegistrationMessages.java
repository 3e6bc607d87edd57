package org.onewindow.identity.internal;

import java.util.List;
import java.util.Locale;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.SmsGateway;
import org.onewindow.shared.delivery.RefusedDelivery;
import org.onewindow.shared.pii.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what registration decided to the phone it concerns, through the province's
 * {@link SmsGateway}: the registration answer itself says nothing, so this is the only way the
 * person learns that the account is open or the user name taken. A batch per transaction with
 * the rows locked (skip locked), so that nodes side by side never send one message twice at
 * once; a refused message waits twice as long each time, {@link RefusedDelivery#MAX_ATTEMPTS} times in all.
 * Times are the database's, the same on every node. The text is Chinese, the language of the phone networks' users, with the user name in it.
 */
@Component
class RegistrationMessages {

    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(RegistrationMessages.class);

    private final List<SmsGateway> gateways;
    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final MessageSource texts;
    private final TransactionTemplate transaction;

    RegistrationMessages(List<SmsGateway> gateways, JdbcClient jdbc, PersonalDataCipher cipher, MessageSource texts,
            TransactionTemplate transaction) {
        this.gateways = gateways;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.texts = texts;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${onewindow.notifications.relay-interval-ms:5000}",
            initialDelayString = "${onewindow.notifications.relay-interval-ms:5000}")
    void sendDue() {
        if (gateways.size() == 1) {
            sendDue(gateways.getFirst());
        } else if (gateways.size() > 1) {
            log.warn("{} SMS gateways are connected; registration messages wait until exactly one is", gateways.size());
        }
    }

    /** Hands every due message to the gateway; answers how many it took. */
    int sendDue(SmsGateway gateway) {
        int taken = 0;
        while (true) {
            int[] batch = transaction.execute(status -> sendBatch(gateway));
            taken += batch[1];
            if (batch[0] < BATCH) {
                return taken;
            }
        }
    }

    private record Due(long id, String phoneCipher, String kind, String username, int attempts) {
    }

    private int[] sendBatch(SmsGateway gateway) {
        List<Due> due = jdbc.sql("""
                select id, phone_cipher, kind, username, attempts from identity_message
                where sent_at is null and attempts < :max and next_attempt_at <= now()
                order by id limit :batch for update skip locked""")
                .param("max", RefusedDelivery.MAX_ATTEMPTS).param("batch", BATCH)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("phone_cipher"), rs.getString("kind"),
                        rs.getString("username"), rs.getInt("attempts")))
                .list();
        int taken = 0;
        for (Due message : due) {
            try {
                gateway.send("identity-" + message.id(), new MobilePhoneNumber(cipher.decrypt(message.phoneCipher())), text(message));
                jdbc.sql("update identity_message set sent_at = now(), attempts = attempts + 1, last_error = null where id = :id")
                        .param("id", message.id()).update();
                taken++;
            } catch (Exception refused) {
                int attempt = message.attempts() + 1;
                String reason = RefusedDelivery.reason(refused);
                jdbc.sql("update identity_message set attempts = :attempt, next_attempt_at = now() + make_interval(secs => :pause), last_error = :reason where id = :id")
                        .param("attempt", attempt).param("pause", RefusedDelivery.pauseAfter(attempt).toSeconds())
                        .param("reason", reason).param("id", message.id()).update();
                log.warn("SMS gateway refused registration message {} (attempt {} of {}): {}", message.id(), attempt, RefusedDelivery.MAX_ATTEMPTS, reason);
            }
        }
        return new int[] {due.size(), taken};
    }

    private String text(Due message) {
        return texts.getMessage("identity.sms." + message.kind(), new Object[] {message.username()}, Locale.SIMPLIFIED_CHINESE);
    }
}
