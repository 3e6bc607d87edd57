package org.onewindow.casework.ratings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.RatingView;
import org.onewindow.casework.RatingAnswered;
import org.onewindow.casework.ServiceRated;
import org.onewindow.casework.calendar.WorkingCalendar;
import java.util.Map;
import java.util.stream.Collectors;
import org.onewindow.casework.casefile.ApplicationStore;
import org.onewindow.casework.casefile.CaseFiles;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.audit.ReadPurpose;
import org.onewindow.casework.model.Application;
import org.springframework.context.ApplicationEventPublisher;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.GovernmentTime;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Good/bad review of a closed application, and the supervisor's answer to a bad one. */
@Service
public class ServiceRatings {

    private static final int FOLLOW_UP_WORKING_DAYS = 5;
    /** A score of this or lower is a bad rating (差评). */
    public static final int BAD = 2;

    private final CaseFiles files;
    private final RatingRepository ratings;
    private final WorkingCalendar workingCalendar;
    private final ApplicationEventPublisher events;
    private final ApplicationStore applications;
    private final AuditTrail audit;
    private final Clock clock;

    ServiceRatings(CaseFiles files, RatingRepository ratings, WorkingCalendar workingCalendar,
                   ApplicationEventPublisher events, ApplicationStore applications, AuditTrail audit, Optional<Clock> clock) {
        this.applications = applications;
        this.audit = audit;
        this.events = events;
        this.files = files;
        this.ratings = ratings;
        this.workingCalendar = workingCalendar;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Good/bad review: the applicant rates a closed application once, 1 to 5. A 1 or 2 must say
     * what went wrong, and opens a follow-up the region's supervisor must answer within five
     * working days.
     */
    @Transactional
    public RatingView rate(String number, String actor, int score, List<String> reasons) {
        Application a = files.reload(number);
        if (!a.isApplicantSide(actor)) {
            throw new NotFoundException("application", number);
        }
        files.requireStillEntitled(a, actor);
        if (a.state() != ApplicationState.CLOSED) {
            throw new ConflictException("rating.not-closed", a.state().name());
        }
        if (score < 1 || score > 5) {
            throw new RuleViolationException(Violation.of("score", "rating.score-range"));
        }
        List<String> given = reasons == null ? List.of() : reasons.stream().filter(r -> r != null && !r.isBlank()).toList();
        if (ratings.find(a.id()).isPresent()) {
            throw new ConflictException("rating.already-rated", number);
        }
        // a bad rating is followed up: the supervisor needs to know what went wrong to answer it
        if (score <= BAD && given.isEmpty()) {
            throw new RuleViolationException(Violation.of("reasons", "rating.reasons-required", score));
        }
        LocalDate today = GovernmentTime.today(clock);
        LocalDate followUpDue = score <= BAD ? workingCalendar.current().addWorkingDays(today, FOLLOW_UP_WORKING_DAYS) : null;
        if (!ratings.insert(a.id(), score, given, actor, clock.instant(), followUpDue)) {
            throw new ConflictException("rating.already-rated", number);
        }
        events.publishEvent(new ServiceRated(a.number(), a.itemCode(), a.regionCode(), score, followUpDue != null, clock.instant()));
        return ratings.find(a.id()).orElseThrow();
    }

    public Optional<RatingView> rating(String number, String viewer, Optional<StaffMember> staff) {
        Application a = files.reload(number);
        files.requireMayRead(a, viewer, staff);
        return ratings.find(a.id());
    }

    @Transactional
    public RatingView answerRating(String number, StaffMember supervisor, String answer) {
        Application a = files.reload(number);
        if (!supervisor.mayActOn(a.regionCode())) {
            throw new org.onewindow.shared.NotFoundException("application", a.number());
        }
        if (!supervisor.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("only a supervisor of the region answers its ratings");
        }
        if (answer == null || answer.isBlank()) {
            throw new RuleViolationException(Violation.of("answer", "rating.answer-required"));
        }
        Instant at = clock.instant();
        if (!ratings.answer(a.id(), answer.strip(), supervisor.username(), at)) {
            throw new ConflictException("rating.nothing-to-answer", number);
        }
        events.publishEvent(new RatingAnswered(a.number(), a.itemCode(), a.applicant(), a.submittedBy(), a.channel(), at));
        return ratings.find(a.id()).orElseThrow();
    }

    /** Bad ratings in the supervisor's part of the tree still waiting for an answer. */
    public List<RatingView> openFollowUps(StaffMember supervisor) {
        if (!supervisor.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("only supervisors follow up ratings");
        }
        List<RatingView> open = ratings.openFollowUps(supervisor.region().prefix());
        // a rating is the applicant's own words about their case: each applicant on the list is read
        Map<String, String> numbersByApplicant = applications.findByNumbers(open.stream().map(RatingView::applicationNumber).toList())
                .stream().collect(Collectors.groupingBy(Application::applicant, Collectors.mapping(Application::number,
                        Collectors.collectingAndThen(Collectors.toList(), AuditTrail::details))));
        audit.recordReads(supervisor.username(), ReadPurpose.RATING_FOLLOW_UP, numbersByApplicant);
        return open;
    }
}
