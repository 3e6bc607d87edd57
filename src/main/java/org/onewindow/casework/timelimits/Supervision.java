package org.onewindow.casework.timelimits;

import org.onewindow.shared.GovernmentTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.audit.ReadPurpose;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What a supervisor watches in their part of the tree: applications late or about to be (75% of
 * the promised working days used), and the indicators their office is assessed on.
 */
@Service
public class Supervision {

    private final SupervisionQueries applications;
    private final WorkingCalendar workingCalendar;
    private final AuditTrail audit;
    private final Clock clock;

    Supervision(SupervisionQueries applications, WorkingCalendar workingCalendar, AuditTrail audit, Optional<Clock> clock) {
        this.applications = applications;
        this.audit = audit;
        this.workingCalendar = workingCalendar;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** An application whose clock runs, with how much of its time is used. */
    public record TimeLimitWatch(String number, String itemCode, String regionCode, ApplicationState state, LocalDate acceptedOn,
                                 LocalDate dueOn, int workingDaysUsed, int workingDaysAllowed, boolean overdue) {
    }

    /**
     * Overdue first, then the ones that used at least 75% of their time, most urgent first. The
     * supervisor reads each applicant's cases on it: recorded for each applicant.
     */
    public List<TimeLimitWatch> lateOrAtRisk(StaffMember supervisor) {
        requireSupervisor(supervisor);
        List<TimeLimitWatch> watched = new ArrayList<>();
        Map<String, List<String>> numbersByApplicant = new TreeMap<>();
        watch(supervisor.region().prefix(), (a, w) -> {
            watched.add(w);
            numbersByApplicant.computeIfAbsent(a.applicant(), applicant -> new ArrayList<>()).add(a.number());
        });
        Map<String, String> read = new TreeMap<>();
        numbersByApplicant.forEach((applicant, numbers) -> read.put(applicant, AuditTrail.details(numbers)));
        audit.recordReads(supervisor.username(), ReadPurpose.TIME_LIMIT_WATCH, read);
        return sorted(watched);
    }

    /** For the alerts: every region. */
    public List<TimeLimitWatch> lateOrAtRiskEverywhere() {
        List<TimeLimitWatch> watched = new ArrayList<>();
        watch("", (a, w) -> watched.add(w));
        return sorted(watched);
    }

    private void watch(String regionPrefix, BiConsumer<Application, TimeLimitWatch> found) {
        WorkingDayCalendar calendar = workingCalendar.current();
        LocalDate today = GovernmentTime.today(clock);
        for (Application a : applications.atRiskBy(regionPrefix, today)) {
            int allowed = a.promisedDays() + a.pausedWorkingDays();
            int used = calendar.workingDaysBetween(a.acceptedOn(), today) - a.pausedWorkingDays();
            LocalDate due = a.timeLimit().dueOn(calendar);
            boolean overdue = today.isAfter(due);
            if (overdue || used >= a.timeLimit().atRiskAfterWorkingDays()) {
                found.accept(a, new TimeLimitWatch(a.number(), a.itemCode(), a.regionCode(), a.state(), a.acceptedOn(), due, used,
                        allowed, overdue));
            }
        }
    }

    private static List<TimeLimitWatch> sorted(List<TimeLimitWatch> watched) {
        watched.sort((x, y) -> x.overdue() != y.overdue() ? (x.overdue() ? -1 : 1) : x.dueOn().compareTo(y.dueOn()));
        return watched;
    }

    /** The indicators of the supervisor's part of the tree. Shares are between 0 and 1; null where nothing was counted yet. */
    public record Indicators(String regionCode, Map<ApplicationState, Long> byState, long decided, Double onTimeShare,
                             Double averageWorkingDaysToDecision, Double zeroVisitShare, Double automaticShare, Double averageRating,
                             long ratings) {
    }

    public Indicators indicators(StaffMember supervisor) {
        requireSupervisor(supervisor);
        String prefix = supervisor.region().prefix();
        Map<ApplicationState, Long> byState = new EnumMap<>(ApplicationState.class);
        applications.countByState(prefix).forEach(byState::put);
        long all = byState.values().stream().mapToLong(Long::longValue).sum();
        // each decision's day, working days and on-time answer were stored when it was made
        var decisions = applications.decisionCounts(prefix);
        long decided = decisions.decided();
        long remote = applications.countNotAtWindow(prefix);
        var rating = applications.averageRating(prefix);
        return new Indicators(supervisor.region().code(), byState, decided,
                decided == 0 ? null : (double) decisions.onTime() / decided,
                decisions.averageWorkingDays(),
                all == 0 ? null : (double) remote / all,
                decided == 0 ? null : (double) decisions.automatic() / decided,
                rating.count() == 0 ? null : rating.average(), rating.count());
    }

    private static void requireSupervisor(StaffMember staff) {
        if (!staff.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("only supervisors watch time limits and indicators");
        }
    }
}
