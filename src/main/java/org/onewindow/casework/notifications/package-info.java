/**
 * Telling people: the inbox, SMS and e-mail outboxes written in the step's own transaction, and
 * the relay that hands the outboxes to the connected gateways.
 */
@ApplicationModule(displayName = "Casework :: Notifications")
package org.onewindow.casework.notifications;

import org.springframework.modulith.ApplicationModule;
