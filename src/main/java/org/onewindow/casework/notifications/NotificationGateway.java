package org.onewindow.casework.notifications;

/**
 * Connects one channel's outbox to the outside world: the province's SMS gateway, a mail
 * server. Add a bean of this type for a channel and {@link OutboxRelay} hands it every message
 * of that channel, after the step that wrote it committed. A message may be handed over again
 * after a crash between the gateway's acceptance and our record of it, so a gateway should
 * ignore a message id it has already taken. Throw to refuse a message: it is tried again later.
 * The recipient is a user name; the gateway asks the identity module for the person's number or
 * address.
 */
public interface NotificationGateway {

    /** The outbox channel this gateway delivers ({@code SMS}, {@code EMAIL}). */
    String channel();

    void deliver(NotificationLog.OutboxMessage message) throws Exception;
}
