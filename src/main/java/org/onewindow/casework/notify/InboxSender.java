package org.onewindow.casework.notify;

import org.onewindow.casework.ApplicationStepTaken;
import org.springframework.stereotype.Component;

/** The in-platform inbox every person has. */
@Component
class InboxSender implements NotificationSender {

    private final NotificationLog log;

    InboxSender(NotificationLog log) {
        this.log = log;
    }

    @Override
    public void tell(String recipient, ApplicationStepTaken step) {
        log.write(recipient, "INBOX", step);
    }
}
