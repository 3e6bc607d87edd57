package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.casework.model.WorkingDayCalendar.Exception;

/** Time limits are counted in working days: weekends and holidays do not count, moved working days do. */
class WorkingDayCalendarTest {

    // National Day week 2026 as an example of a holiday with a moved working day (the dates are illustrative).
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(Map.of(
            LocalDate.of(2026, 10, 1), Exception.HOLIDAY,
            LocalDate.of(2026, 10, 2), Exception.HOLIDAY,
            LocalDate.of(2026, 10, 5), Exception.HOLIDAY,
            LocalDate.of(2026, 10, 10), Exception.WORKDAY));

    @Test
    void weekendsDoNotCount() {
        LocalDate friday = LocalDate.of(2026, 11, 20);
        assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(calendar.addWorkingDays(friday, 5)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void theStartDayDoesNotCountAndZeroMeansTheSameDay() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(calendar.addWorkingDays(monday, 0)).isEqualTo(monday);
        assertThat(calendar.addWorkingDays(monday, 1)).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void holidaysDoNotCountAndMovedWorkingDaysDo() {
        LocalDate wednesdayBefore = LocalDate.of(2026, 9, 30);
        // Oct 1, 2 holidays; 3, 4 weekend; 5 holiday; 6, 7, 8, 9 count; 10 is a Saturday declared a working day
        assertThat(calendar.addWorkingDays(wednesdayBefore, 4)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(calendar.addWorkingDays(wednesdayBefore, 5)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    void workingDaysBetweenCountsTheDaysAfterTheFirst() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 24))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24))).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 20))).isZero();
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 11, 23), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
