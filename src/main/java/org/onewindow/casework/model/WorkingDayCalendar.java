package org.onewindow.casework.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * Counts working days the way time limits are counted: Monday to Friday, minus public
 * holidays, plus the weekend days that are declared working days when holidays are moved
 * (调休). The exceptions come from the calendar the administrators maintain.
 */
public final class WorkingDayCalendar {

    /** A day that differs from the weekly rule. */
    public enum Exception {
        HOLIDAY, WORKDAY
    }

    private static final int LONGEST_SEARCH_DAYS = 3 * 366;
    private final Map<LocalDate, Exception> exceptions;

    public WorkingDayCalendar(Map<LocalDate, Exception> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
    }

    public boolean isWorkingDay(LocalDate day) {
        Exception exception = exceptions.get(day);
        if (exception != null) {
            return exception == Exception.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The day by which something started on {@code start} must be done within {@code days}
     * working days. The start day itself does not count (the statutory convention: the limit
     * runs from the next day); a limit of 0 means the same day.
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a time limit cannot be negative");
        }
        LocalDate day = start;
        int counted = 0;
        int searched = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
            if (++searched > LONGEST_SEARCH_DAYS + days) {
                throw new IllegalStateException("the calendar has no working days after " + start);
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
