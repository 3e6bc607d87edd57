package org.onewindow.casework.casefile;

import java.sql.Date;
import java.time.LocalDate;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.shared.GovernmentTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts of a decision just made, as the indicators count them (all null when the change made
 * none): the day in Beijing time, who made it, the working days the office used and whether that
 * was within the promised time.
 */
record DecisionFacts(Date decidedOn, String decidedBy, Integer decisionWorkingDays, Boolean decidedOnTime) {

    static DecisionFacts of(Application a, WorkingDayCalendar calendar) {
        return a.newDecision().map(step -> of(a, LocalDate.ofInstant(step.at(), GovernmentTime.ZONE), step.actor(), calendar))
                .orElse(new DecisionFacts(null, null, null, null));
    }

    static DecisionFacts of(Application a, LocalDate day, String actor, WorkingDayCalendar calendar) {
        return new DecisionFacts(Date.valueOf(day), actor, a.timeLimit().workingDaysUsedBy(day, calendar), !day.isAfter(a.timeLimit().dueOn(calendar)));
    }

    /** Binds :decidedOn, :decidedBy, :decisionWorkingDays and :decidedOnTime. */
    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("decidedOn", decidedOn).param("decidedBy", decidedBy)
                .param("decisionWorkingDays", decisionWorkingDays).param("decidedOnTime", decidedOnTime);
    }
}
