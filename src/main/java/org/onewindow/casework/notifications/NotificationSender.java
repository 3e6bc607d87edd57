package org.onewindow.casework.notifications;

import org.onewindow.casework.ApplicationStepTaken;

/**
 * One way of telling a person about a step of their application (inbox, SMS, e-mail...). A
 * sender names its channel and which steps are worth a message there; the message is written to
 * that channel's outbox in the transaction of the step, and the channel's gateway adapter delivers
 * it from there. Add a channel with a bean of this type.
 */
public interface NotificationSender {

    /** The channel's name in the outbox ({@code INBOX}, {@code SMS}, {@code EMAIL}...). */
    String channel();

    default boolean wants(ApplicationStepTaken step) {
        return true;
    }
}
