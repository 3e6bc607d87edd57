package org.onewindow.casework.notify;

import java.util.Set;
import org.onewindow.casework.ApplicationStepTaken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default e-mail sender: it writes the message to the e-mail outbox, where a mail gateway
 * adapter picks it up and finds the person's address. Unlike the inbox and SMS, an e-mail is
 * sent only for the steps a person must know of or act on (a correction to answer, a refusal, a
 * decision, the result); the acknowledgements of their own steps stay in the inbox. Switch it off
 * with {@code onewindow.notifications.email.enabled=false}; replace this bean to send through a
 * real gateway.
 */
@Component
@ConditionalOnProperty(name = "onewindow.notifications.email.enabled", havingValue = "true", matchIfMissing = true)
class EmailOutboxSender implements NotificationSender {

    static final Set<String> WORTH_AN_EMAIL = Set.of("returned-for-correction", "not-accepted", "approved", "denied",
            "result-delivered");

    private final NotificationLog log;

    EmailOutboxSender(NotificationLog log) {
        this.log = log;
    }

    @Override
    public void tell(String recipient, ApplicationStepTaken step) {
        if (WORTH_AN_EMAIL.contains(step.step())) {
            log.write(recipient, "EMAIL", step);
        }
    }
}
