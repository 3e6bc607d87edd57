package org.onewindow.casework.timelimits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.casefile.ReadingDuty;
import org.onewindow.casework.model.Application;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.GovernmentTime;
import org.springframework.stereotype.Component;

/**
 * A supervisor counts every case of their part of the tree, but reads the contents only of those
 * they must act on: the ones late or at risk of being late, which their page lists.
 */
@Component
class SupervisionDuty implements ReadingDuty {

    private final WorkingCalendar workingCalendar;
    private final Clock clock;

    SupervisionDuty(WorkingCalendar workingCalendar, Optional<Clock> clock) {
        this.workingCalendar = workingCalendar;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public boolean needsToRead(Application a, StaffMember staff) {
        if (!staff.has(Role.SUPERVISOR) || !staff.mayActOn(a.regionCode()) || !a.state().clockRuns()) {
            return false;
        }
        LocalDate atRisk = a.timeLimit().atRiskOn(workingCalendar.current());
        return atRisk != null && !atRisk.isAfter(GovernmentTime.today(clock));
    }
}
