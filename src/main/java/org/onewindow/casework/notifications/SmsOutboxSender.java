package org.onewindow.casework.notifications;

import org.springframework.stereotype.Component;

/**
 * SMS: every step goes to the SMS outbox, where the province's SMS gateway adapter picks it up
 * and finds the person's number. Until one is connected, administrators read the outbox on
 * {@code /admin/outbox}.
 */
@Component
class SmsOutboxSender implements NotificationSender {

    @Override
    public String channel() {
        return "SMS";
    }
}
