package org.onewindow.casework.notify;

import org.onewindow.casework.ApplicationStepTaken;

/** One way of telling a person about a step of their application (inbox, SMS, e-mail...). */
public interface NotificationSender {

    void tell(String recipient, ApplicationStepTaken step);
}
