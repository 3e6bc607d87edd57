package org.onewindow.casework;

import org.onewindow.casework.persistence.ApplicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored due and at-risk dates of open applications true to the working calendar: all
 * of them after an administrator changed it, and at start-up those stored before the dates were.
 * At start-up it also completes the facts of decisions made before they were stored (the
 * indicators add them up); a decision's facts are never recomputed, they are those of its day.
 * The supervisor's list and the alerts find late applications by these dates through an index.
 */
@Component
class DueDates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DueDates.class);

    private final ApplicationRepository applications;
    private final TransactionTemplate separately;

    DueDates(ApplicationRepository applications, PlatformTransactionManager transactions) {
        this.applications = applications;
        this.separately = new TransactionTemplate(transactions);
        // the change is announced after its own transaction committed: this work needs a new one
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void calendarChanged(WorkingCalendar.Changed change) {
        Integer changed = separately.execute(status -> applications.recomputeDueDates(true));
        log.info("Working calendar changed: due dates of {} open applications stored again", changed);
    }

    @Override
    public void run(ApplicationArguments args) {
        int filled = applications.recomputeDueDates(false);
        if (filled > 0) {
            log.info("Stored the due dates of {} open applications", filled);
        }
        int completed = applications.completeDecisionFacts();
        if (completed > 0) {
            log.info("Stored the working days and on-time answer of {} earlier decisions", completed);
        }
    }
}
