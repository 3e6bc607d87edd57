package org.onewindow.casework.notifications;

import org.springframework.stereotype.Component;

/** The in-platform inbox every person has: the platform's own pages are its gateway. */
@Component
class InboxSender implements NotificationSender {

    @Override
    public String channel() {
        return "INBOX";
    }
}
