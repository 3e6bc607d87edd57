package org.onewindow.casework.timelimits;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.casefile.ApplicationRows;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored due and at-risk dates of open applications true to the working calendar after
 * an administrator changed it. The supervisor's list and the alerts find late applications by
 * these dates through an index. A decision's facts are never recomputed: they are those of its day.
 */
@Component
class DueDates {

    private static final Logger log = LoggerFactory.getLogger(DueDates.class);
    private static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final ApplicationRows rows;
    private final WorkingCalendar calendar;
    private final TransactionTemplate separately;

    DueDates(JdbcClient jdbc, ApplicationRows rows, WorkingCalendar calendar, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.calendar = calendar;
        this.separately = new TransactionTemplate(transactions);
        // the change is announced after its own transaction committed: this work needs a new one
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void calendarChanged(WorkingCalendar.Changed change) {
        Integer changed = separately.execute(status -> recompute());
        log.info("Working calendar changed: due dates of {} open applications stored again", changed);
    }

    /** Stores the dates of every open accepted application again, a page of a thousand at a time; answers how many. */
    int recompute() {
        WorkingDayCalendar current = calendar.current();
        int changed = 0;
        // PostgreSQL orders uuids by their unsigned bytes: the all-zero uuid comes first
        UUID after = new UUID(0, 0);
        while (true) {
            List<Application> page = jdbc.sql("""
                    select * from application where accepted_on is not null and state not in ('CLOSED', 'WITHDRAWN', 'NOT_ACCEPTED')
                      and id > :after order by id limit :page""")
                    .param("after", after).param("page", PAGE).query(rows).list();
            if (page.isEmpty()) {
                return changed;
            }
            // the whole page in one statement
            changed += jdbc.sql("""
                    update application a set due_on = cast(d.due as date), at_risk_on = cast(d.risk as date)
                    from unnest(cast(:ids as uuid[]), cast(:dues as text[]), cast(:risks as text[])) as d(id, due, risk)
                    where a.id = d.id""")
                    .param("ids", page.stream().map(Application::id).toArray(UUID[]::new))
                    .param("dues", page.stream().map(a -> Objects.toString(a.dueOn(current), null)).toArray(String[]::new))
                    .param("risks", page.stream().map(a -> Objects.toString(a.atRiskOn(current), null)).toArray(String[]::new))
                    .update();
            after = page.getLast().id();
        }
    }
}
