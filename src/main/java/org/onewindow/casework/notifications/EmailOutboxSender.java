package org.onewindow.casework.notifications;

import java.util.Set;
import org.onewindow.casework.ApplicationStepTaken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * E-mail: unlike the inbox and SMS, an e-mail is sent only for the steps a person must know of or
 * act on (a correction to answer, a refusal, a decision, the result); the acknowledgements of
 * their own steps stay in the inbox. The mail gateway adapter picks the messages up from the
 * e-mail outbox and finds the person's address. Switch it off with
 * {@code onewindow.notifications.email.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "onewindow.notifications.email.enabled", havingValue = "true", matchIfMissing = true)
class EmailOutboxSender implements NotificationSender {

    static final Set<String> WORTH_AN_EMAIL = Set.of("returned-for-correction", "not-accepted", "approved", "denied",
            "result-delivered");

    @Override
    public String channel() {
        return "EMAIL";
    }

    @Override
    public boolean wants(ApplicationStepTaken step) {
        return WORTH_AN_EMAIL.contains(step.step());
    }
}
