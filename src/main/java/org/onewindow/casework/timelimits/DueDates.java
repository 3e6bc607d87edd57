package org.onewindow.casework.timelimits;

import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.casefile.StoredDates;
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

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final TransactionTemplate separately;

    DueDates(JdbcClient jdbc, WorkingCalendar calendar, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
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

    /** Stores the dates of every open accepted application again; answers how many. */
    int recompute() {
        return StoredDates.dueDates(jdbc, calendar.current(), false);
    }
}
