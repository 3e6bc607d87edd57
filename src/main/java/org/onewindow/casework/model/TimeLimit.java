package org.onewindow.casework.model;

import java.time.LocalDate;

/**
 * The time an office has for an application (承诺时限): its promised working days, counted from
 * the day after acceptance and moved on by the working days the applicant had the file. Three
 * quarters of it used (at least one day) puts the application at risk: its handler is warned and
 * its supervisor sees it.
 */
public record TimeLimit(LocalDate acceptedOn, int promisedDays, int pausedWorkingDays) {

    private static final double AT_RISK_SHARE = 0.75;

    /** The promised completion date; null before acceptance. */
    public LocalDate dueOn(WorkingDayCalendar calendar) {
        return acceptedOn == null ? null : calendar.addWorkingDays(acceptedOn, promisedDays + pausedWorkingDays);
    }

    /** The day the application is at risk; null before acceptance. */
    public LocalDate atRiskOn(WorkingDayCalendar calendar) {
        return acceptedOn == null ? null : calendar.addWorkingDays(acceptedOn, atRiskAfterWorkingDays() + pausedWorkingDays);
    }

    /** Working days of the office's own time after which the application is at risk. */
    public int atRiskAfterWorkingDays() {
        return (int) Math.ceil(AT_RISK_SHARE * Math.max(1, promisedDays));
    }

    /** The working days of the office's own time from acceptance to a day (the applicant's turns not counted). */
    public int workingDaysUsedBy(LocalDate day, WorkingDayCalendar calendar) {
        return Math.max(0, calendar.workingDaysBetween(acceptedOn, day) - pausedWorkingDays);
    }
}
