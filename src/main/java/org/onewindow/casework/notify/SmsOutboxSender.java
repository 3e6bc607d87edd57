package org.onewindow.casework.notify;

import org.onewindow.casework.ApplicationStepTaken;
import org.springframework.stereotype.Component;

/**
 * The default SMS sender: it writes the message to the outbox, where an SMS gateway adapter of
 * the province picks it up. Replace this bean to send through a real gateway.
 */
@Component
class SmsOutboxSender implements NotificationSender {

    private final NotificationLog log;

    SmsOutboxSender(NotificationLog log) {
        this.log = log;
    }

    @Override
    public void tell(String recipient, ApplicationStepTaken step) {
        log.write(recipient, "SMS", step);
    }
}
