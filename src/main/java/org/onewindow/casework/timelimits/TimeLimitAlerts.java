package org.onewindow.casework.timelimits;

import org.onewindow.shared.GovernmentTime;
import java.util.List;
import java.util.Map;
import org.onewindow.casework.notifications.NotificationLog;
import org.onewindow.casework.process.ApplicationProcesses;
import org.onewindow.catalog.CatalogService;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffDirectory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Never late unseen: every working morning, the handler holding the case (or, while nobody holds
 * it, the handlers of the responsible department) hear of each application that has used three
 * quarters of its time, and the handlers and supervisors
 * of the region of each one that is overdue. Each alert is sent once per application and due date.
 */
@Component
public class TimeLimitAlerts {


    private final Supervision supervision;
    private final StaffDirectory staff;
    private final CatalogService catalog;
    private final NotificationLog log;
    private final ApplicationProcesses processes;

    TimeLimitAlerts(Supervision supervision, StaffDirectory staff, CatalogService catalog, NotificationLog log,
                    ApplicationProcesses processes) {
        this.processes = processes;
        this.supervision = supervision;
        this.staff = staff;
        this.catalog = catalog;
        this.log = log;
    }

    @Scheduled(cron = "${onewindow.casework.time-limit-alerts-cron:0 30 8 * * MON-FRI}", zone = "Asia/Shanghai")
    public void send() {
        List<Supervision.TimeLimitWatch> watches = supervision.lateOrAtRiskEverywhere();
        Map<String, List<String>> holders = processes.holders(watches.stream().map(Supervision.TimeLimitWatch::number).toList());
        for (Supervision.TimeLimitWatch watch : watches) {
            String department = catalog.publishedItem(watch.itemCode()).map(i -> i.standard().department()).orElse(null);
            String kind = watch.overdue() ? "overdue" : "time-limit-warning";
            var due = watch.dueOn().atStartOfDay(GovernmentTime.ZONE).toInstant();
            // the handler holding the case hears of it; while nobody holds it, every handler who could take it
            List<String> holding = holders.getOrDefault(watch.number(), List.of());
            (holding.isEmpty() ? staff.responsibleFor(watch.regionCode(), Role.HANDLER, department) : holding)
                    .forEach(handler -> log.write(handler, "INBOX", watch.number(), kind, watch.state(), due));
            if (watch.overdue()) {
                staff.responsibleFor(watch.regionCode(), Role.SUPERVISOR, null)
                        .forEach(supervisor -> log.write(supervisor, "INBOX", watch.number(), kind, watch.state(), due));
            }
        }
    }
}
