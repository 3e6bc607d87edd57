package org.onewindow.casework.model;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.shared.GovernmentTime;

/**
 * Applications in a given state, brought there through the aggregate's own steps on fixed
 * days (Beijing time), for the plain specifications of the lifecycle rules. Every clock runs
 * in UTC, so that a rule that forgot Beijing's day would show.
 */
final class ApplicationFixture {

    /** Four eyes as they hold where nobody set them: the fixture's reviewer took no earlier step. */
    static final FourEyes.Check DEFAULT_FOUR_EYES = new FourEyes.Check(FourEyes.DENIALS_AND_FEES, false, java.util.Set.of());
    static final String APPLICANT = "resident:wang-fang";
    /** The one who filed for the applicant (a proxy here): the other half of the applicant side. */
    static final String FILED_BY = "resident:li-lei";
    static final String CLERK = "staff:window-clerk";
    static final String REVIEWER = "staff:reviewer";
    static final String STRANGER = "resident:someone-else";

    static final String NUMBER = "A-2026-000123";
    static final String ITEM = "MR-002";
    static final int ITEM_VERSION = 3;
    static final String REGION = "110101";
    static final int PROMISED_DAYS = 5;
    static final Map<String, Object> FORM = Map.of("shopName", "李记小吃", "businessScope", "小吃");

    /** A Friday. */
    static final LocalDate SUBMISSION_DAY = LocalDate.of(2026, 11, 20);
    /** The Monday after. */
    static final LocalDate ACCEPTANCE_DAY = LocalDate.of(2026, 11, 23);

    private ApplicationFixture() {
    }

    /** Monday to Friday, no holidays. */
    static WorkingDayCalendar mondayToFriday() {
        return new WorkingDayCalendar(Map.of());
    }

    /** Ten in the morning of a Beijing day, on a clock that runs in UTC. */
    static Clock on(LocalDate beijingDay) {
        return at(beijingDay.atTime(LocalTime.of(10, 0)).atZone(GovernmentTime.ZONE).toInstant());
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static Clock at(String instant) {
        return at(Instant.parse(instant));
    }

    /** The next working day (Monday to Friday) after a day. */
    static LocalDate workingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    static Application aSubmittedApplication() {
        return aSubmittedApplication(PROMISED_DAYS);
    }

    static Application aSubmittedApplication(int promisedDays) {
        return aSubmittedApplicationOn(SUBMISSION_DAY, promisedDays);
    }

    static Application aSubmittedApplicationOn(LocalDate day, int promisedDays) {
        return Application.submit(NUMBER, ITEM, ITEM_VERSION, REGION, APPLICANT, FILED_BY, SubmissionChannel.PROXY,
                promisedDays, FORM, on(day));
    }

    /** Sent back from the counter, before the office accepted it: the office's clock was not running yet. */
    static Application anApplicationReturnedBeforeAcceptance() {
        Application application = aSubmittedApplication();
        application.returnForCorrection(CLERK, List.of("ID card copy"), on(SUBMISSION_DAY));
        return application;
    }

    static Application aNotAcceptedApplication() {
        Application application = aSubmittedApplication();
        application.refuseToAccept(CLERK, List.of("not this office's matter"), on(SUBMISSION_DAY));
        return application;
    }

    static Application anAcceptedApplication() {
        return anAcceptedApplication(ACCEPTANCE_DAY);
    }

    static Application anAcceptedApplication(LocalDate on) {
        return anAcceptedApplication(on, PROMISED_DAYS);
    }

    static Application anAcceptedApplication(LocalDate on, int promisedDays) {
        Application application = aSubmittedApplicationOn(on, promisedDays);
        application.accept(CLERK, on(on));
        return application;
    }

    static Application anApplicationUnderReview() {
        return anApplicationUnderReview(ACCEPTANCE_DAY);
    }

    static Application anApplicationUnderReview(LocalDate acceptedOn) {
        return anApplicationUnderReview(acceptedOn, PROMISED_DAYS);
    }

    static Application anApplicationUnderReview(LocalDate acceptedOn, int promisedDays) {
        Application application = anAcceptedApplication(acceptedOn, promisedDays);
        application.startReview(REVIEWER, on(acceptedOn));
        return application;
    }

    /** Sent back by the reviewer: the file is with the applicant and the office's clock stands still. */
    static Application anApplicationReturnedDuringReview() {
        return anApplicationReturnedDuringReview(ACCEPTANCE_DAY, workingDayAfter(ACCEPTANCE_DAY));
    }

    static Application anApplicationReturnedDuringReview(LocalDate acceptedOn, LocalDate returnedOn) {
        Application application = anApplicationUnderReview(acceptedOn);
        application.returnForCorrection(REVIEWER, List.of("floor plan"), on(returnedOn));
        return application;
    }

    static Application anApprovedApplication() {
        Application application = anApplicationUnderReview();
        application.approve(REVIEWER, List.of(), DEFAULT_FOUR_EYES, on(workingDayAfter(ACCEPTANCE_DAY)));
        return application;
    }

    static Application aDeniedApplication() {
        Application application = anApplicationUnderReview();
        application.deny(REVIEWER, List.of("the premises are not zoned for food"), DEFAULT_FOUR_EYES, on(workingDayAfter(ACCEPTANCE_DAY)));
        return application;
    }

    static Application aDeliveredApplication() {
        Application application = anApprovedApplication();
        application.deliver(CLERK, on(workingDayAfter(ACCEPTANCE_DAY)));
        return application;
    }

    static Application aClosedApplication() {
        Application application = aDeliveredApplication();
        application.close(CLERK, on(workingDayAfter(ACCEPTANCE_DAY)));
        return application;
    }

    static Application aWithdrawnApplication() {
        Application application = anApplicationUnderReview();
        application.withdraw(APPLICANT, on(workingDayAfter(ACCEPTANCE_DAY)));
        return application;
    }

    /**
     * One application in each state, brought there step by step. Returned for correction is the
     * return before acceptance; {@link #anApplicationReturnedDuringReview()} is the other one.
     */
    static Application anApplicationIn(ApplicationState state) {
        return switch (state) {
            case SUBMITTED -> aSubmittedApplication();
            case RETURNED_FOR_CORRECTION -> anApplicationReturnedBeforeAcceptance();
            case NOT_ACCEPTED -> aNotAcceptedApplication();
            case ACCEPTED -> anAcceptedApplication();
            case UNDER_REVIEW -> anApplicationUnderReview();
            case APPROVED -> anApprovedApplication();
            case DENIED -> aDeniedApplication();
            case DELIVERED -> aDeliveredApplication();
            case CLOSED -> aClosedApplication();
            case WITHDRAWN -> aWithdrawnApplication();
        };
    }

    /** As the store loads it: no steps taken since, version and identity as stored. */
    static Application anApplicationLoadedIn(ApplicationState state, UUID id, int version) {
        LocalDate acceptedOn = switch (state) {
            case SUBMITTED, RETURNED_FOR_CORRECTION, NOT_ACCEPTED -> null;
            default -> ACCEPTANCE_DAY;
        };
        return new Application(id, NUMBER, ITEM, ITEM_VERSION, REGION, APPLICANT, FILED_BY, SubmissionChannel.PROXY,
                PROMISED_DAYS, FORM, state, acceptedOn, null, 0, version);
    }

    static Application anApplicationLoadedIn(ApplicationState state) {
        return anApplicationLoadedIn(state, UUID.randomUUID(), 7);
    }
}
