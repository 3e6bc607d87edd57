package org.onewindow.casework.notifications;

import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.ServiceRated;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffDirectory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A bad rating must be followed up (好差评): the supervisors of the region hear of it in their inbox
 * at once, not only when they next open their follow-ups. It reacts to {@link ServiceRated} after
 * the rating committed, through the event publication registry, so that a crash in between
 * delivers it on restart; a second delivery writes nothing (the inbox is unique per step).
 */
@Component
class BadRatingAlerts {

    static final String STEP = "bad-rating";

    private final StaffDirectory staff;
    private final NotificationLog log;

    BadRatingAlerts(StaffDirectory staff, NotificationLog log) {
        this.staff = staff;
        this.log = log;
    }

    @ApplicationModuleListener
    void on(ServiceRated rated) {
        if (rated.followUp()) {
            staff.responsibleFor(rated.regionCode(), Role.SUPERVISOR, null)
                    .forEach(supervisor -> log.write(supervisor, "INBOX", rated.number(), STEP, ApplicationState.CLOSED, rated.at()));
        }
    }
}
