package org.onewindow.casework.notify;

import org.onewindow.shared.GovernmentTime;
import org.onewindow.casework.Supervision;
import org.onewindow.catalog.CatalogService;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffDirectory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Never late unseen: every working morning, the handlers of the responsible department hear of
 * each application that has used three quarters of its time, and the handlers and supervisors
 * of the region of each one that is overdue. Each alert is sent once per application and due date.
 */
@Component
public class TimeLimitAlerts {


    private final Supervision supervision;
    private final StaffDirectory staff;
    private final CatalogService catalog;
    private final NotificationLog log;

    TimeLimitAlerts(Supervision supervision, StaffDirectory staff, CatalogService catalog, NotificationLog log) {
        this.supervision = supervision;
        this.staff = staff;
        this.catalog = catalog;
        this.log = log;
    }

    @Scheduled(cron = "${onewindow.casework.time-limit-alerts-cron:0 30 8 * * MON-FRI}", zone = "Asia/Shanghai")
    public void send() {
        for (Supervision.TimeLimitWatch watch : supervision.lateOrAtRiskEverywhere()) {
            String department = catalog.publishedItem(watch.itemCode()).map(i -> i.standard().department()).orElse(null);
            String kind = watch.overdue() ? "overdue" : "time-limit-warning";
            var due = watch.dueOn().atStartOfDay(GovernmentTime.ZONE).toInstant();
            staff.responsibleFor(watch.regionCode(), Role.HANDLER, department)
                    .forEach(handler -> log.write(handler, "INBOX", watch.number(), kind, watch.state(), due));
            if (watch.overdue()) {
                staff.responsibleFor(watch.regionCode(), Role.SUPERVISOR, null)
                        .forEach(supervisor -> log.write(supervisor, "INBOX", watch.number(), kind, watch.state(), due));
            }
        }
    }
}
