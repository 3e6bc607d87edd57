package org.onewindow.casework.model;

import org.onewindow.shared.GovernmentTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;

/**
 * An application for one service item, from submission to closure. It guards the rules of the
 * lifecycle: which step may follow which, that a return for correction lists everything at
 * once, that a denial always has reasons and a person behind it, that where four eyes hold a
 * second person decides, and that the office's clock stops while the applicant has the file.
 */
public final class Application {

    /** The actor name automated decisions are recorded under; it may approve, never deny. */
    public static final String AUTOMATIC = "system:automatic-decision";
    private static final LocalizedText AGREE = new LocalizedText("同意", "Agree");
    private static final LocalizedText DISAGREE = new LocalizedText("不同意", "Disagree");

    private final UUID id;
    private final String number;
    private final String itemCode;
    private final int itemVersion;
    private final String regionCode;
    private final String applicant;
    private final String submittedBy;
    private final SubmissionChannel channel;
    private final int promisedDays;
    private final int version;
    private Map<String, Object> form;
    private ApplicationState state;
    private LocalDate acceptedOn;
    private LocalDate pausedSince;
    private int pausedWorkingDays;
    private final List<TimelineEntry> recorded = new ArrayList<>();

    public Application(UUID id, String number, String itemCode, int itemVersion, String regionCode, String applicant,
                       String submittedBy, SubmissionChannel channel, int promisedDays, Map<String, Object> form,
                       ApplicationState state, LocalDate acceptedOn, LocalDate pausedSince, int pausedWorkingDays, int version) {
        this.id = id;
        this.number = number;
        this.itemCode = itemCode;
        this.itemVersion = itemVersion;
        this.regionCode = regionCode;
        this.applicant = applicant;
        this.submittedBy = submittedBy;
        this.channel = channel;
        this.promisedDays = promisedDays;
        this.form = Map.copyOf(form);
        this.state = state;
        this.acceptedOn = acceptedOn;
        this.pausedSince = pausedSince;
        this.pausedWorkingDays = pausedWorkingDays;
        this.version = version;
    }

    public static Application submit(String number, String itemCode, int itemVersion, String regionCode, String applicant,
                                     String submittedBy, SubmissionChannel channel, int promisedDays, Map<String, Object> form,
                                     Clock clock) {
        Application application = new Application(UUID.randomUUID(), number, itemCode, itemVersion, regionCode, applicant,
                submittedBy, channel, promisedDays, form, ApplicationState.SUBMITTED, null, null, 0, 0);
        application.record(clock, submittedBy, "submitted", List.of());
        return application;
    }

    public void accept(String actor, Clock clock) {
        move(ApplicationState.ACCEPTED);
        acceptedOn = GovernmentTime.today(clock);
        record(clock, actor, "accepted", List.of());
    }

    /** One-time notification: everything missing or wrong, in one list, so that one more trip is enough. */
    public void returnForCorrection(String actor, List<String> everythingMissing, Clock clock) {
        if (everythingMissing == null || everythingMissing.stream().allMatch(String::isBlank)) {
            throw new RuleViolationException(Violation.of("missing", "application.correction-needs-list"));
        }
        boolean clockWasRunning = state.clockRuns();
        move(ApplicationState.RETURNED_FOR_CORRECTION);
        if (clockWasRunning) {
            pausedSince = GovernmentTime.today(clock);
        }
        record(clock, actor, "returned-for-correction", said(everythingMissing));
    }

    public void answerCorrection(String actor, Map<String, Object> correctedForm, Clock clock, WorkingDayCalendar calendar) {
        requireApplicantSide(actor);
        if (pausedSince != null) {
            move(ApplicationState.UNDER_REVIEW);
            pausedWorkingDays += calendar.workingDaysBetween(pausedSince, GovernmentTime.today(clock));
            pausedSince = null;
        } else {
            move(ApplicationState.SUBMITTED);
        }
        form = Map.copyOf(correctedForm);
        record(clock, actor, "correction-answered", List.of());
    }

    /** Documents are handed in with the application or in answer to a correction, not while the office has the file. */
    public void addMaterial(String actor, String materialCode, String fileName, Clock clock) {
        requireApplicantSide(actor);
        if (state != ApplicationState.SUBMITTED && state != ApplicationState.RETURNED_FOR_CORRECTION) {
            throw new ConflictException("application.materials-closed", state.name());
        }
        record(clock, actor, "material-uploaded", said(List.of(materialCode + ": " + fileName)));
    }

    /** A document sent with the application form itself: it belongs to the submission even when the rules approved it at once. */
    public void addMaterialOfSubmission(String actor, String materialCode, String fileName, Clock clock) {
        requireApplicantSide(actor);
        record(clock, actor, "material-uploaded", said(List.of(materialCode + ": " + fileName)));
    }

    /** A document the platform already holds for this person, taken from an earlier application instead of uploaded again. */
    public void reuseMaterial(String actor, String materialCode, String fileName, String sourceNumber, Clock clock) {
        requireApplicantSide(actor);
        if (state != ApplicationState.SUBMITTED && state != ApplicationState.RETURNED_FOR_CORRECTION) {
            throw new ConflictException("application.materials-closed", state.name());
        }
        record(clock, actor, "material-reused", said(List.of(materialCode + ": " + fileName + " ← " + sourceNumber)));
    }

    public void refuseToAccept(String actor, List<String> reasons, Clock clock) {
        requireReasons(reasons);
        move(ApplicationState.NOT_ACCEPTED);
        record(clock, actor, "not-accepted", said(reasons));
    }

    /** Only an accepted file is taken up: a returned one comes back with the applicant's answer, not before. */
    public void startReview(String actor, Clock clock) {
        if (state != ApplicationState.ACCEPTED) {
            throw new ConflictException("application.step-not-allowed", state.name(), ApplicationState.UNDER_REVIEW.name());
        }
        move(ApplicationState.UNDER_REVIEW);
        record(clock, actor, "review-started", List.of());
    }

    public void approve(String actor, List<String> reasons, FourEyes.Check fourEyes, Clock clock) {
        fourEyes.require(actor, true, this);
        move(ApplicationState.APPROVED);
        record(clock, actor, "approved", said(reasons));
    }

    /**
     * Instant approval (秒批): the rules accept, review and approve a clear case at once, with the
     * reasons of the rules that fired, in both languages.
     */
    public void approveAtOnce(List<LocalizedText> rulesReasons, Clock clock) {
        accept(AUTOMATIC, clock);
        startReview(AUTOMATIC, clock);
        move(ApplicationState.APPROVED);
        record(clock, AUTOMATIC, "approved", rulesReasons);
    }

    /** The rules did not approve: a person checks the case, and the timeline says why, in both languages. */
    public void referToStaff(List<LocalizedText> rulesReasons, Clock clock) {
        requireOpen();
        record(clock, AUTOMATIC, "referred-to-staff", rulesReasons);
    }

    /**
     * An opinion before the decision: the first review of a two-step process ("reviewed") or
     * another department's countersignature ("countersigned"), agreeing or not, with reasons.
     */
    public void giveOpinion(String actor, boolean review, boolean agree, List<String> reasons, Clock clock) {
        requireReasons(reasons);
        if (state == ApplicationState.ACCEPTED) {
            startReview(actor, clock);
        }
        requireOpen();
        List<LocalizedText> details = new ArrayList<>();
        details.add(agree ? AGREE : DISAGREE);
        details.addAll(said(reasons));
        record(clock, actor, review ? "reviewed" : "countersigned", details);
    }

    /** A denial is never automatic: it always goes to a person, who gives reasons. */
    public void deny(String actor, List<String> reasons, FourEyes.Check fourEyes, Clock clock) {
        if (AUTOMATIC.equals(actor)) {
            throw new ConflictException("application.no-automatic-denial");
        }
        requireReasons(reasons);
        fourEyes.require(actor, false, this);
        move(ApplicationState.DENIED);
        record(clock, actor, "denied", said(reasons));
    }

    public void deliver(String actor, Clock clock) {
        move(ApplicationState.DELIVERED);
        record(clock, actor, "result-delivered", List.of());
    }

    public void close(String actor, Clock clock) {
        move(ApplicationState.CLOSED);
        record(clock, actor, "closed", List.of());
    }

    public void withdraw(String actor, Clock clock) {
        requireApplicantSide(actor);
        move(ApplicationState.WITHDRAWN);
        record(clock, actor, "withdrawn", List.of());
    }

    /**
     * A step that moves nothing: the rules referring the case to a person, a reviewer's opinion,
     * a countersignature, a hand-over. It still goes on the timeline the applicant reads.
     */
    public void note(String actor, String step, List<String> details, Clock clock) {
        requireOpen();
        record(clock, actor, step, said(details));
    }

    private void requireOpen() {
        if (state.next().isEmpty() || state.isDecided()) {
            throw new ConflictException("application.step-not-allowed", state.name(), state.name());
        }
    }

    /** The time the office has for it, as it stands now: when it is due, when at risk, how much is used. */
    public TimeLimit timeLimit() {
        return new TimeLimit(acceptedOn, promisedDays, pausedWorkingDays);
    }

    /** The decision made since the application was loaded (approved or denied), if any. */
    public Optional<TimelineEntry> newDecision() {
        return newSteps().stream()
                .filter(step -> step.stateAfter() == ApplicationState.APPROVED || step.stateAfter() == ApplicationState.DENIED)
                .findFirst();
    }

    private void move(ApplicationState to) {
        if (!state.next().contains(to)) {
            throw new ConflictException("application.step-not-allowed", state.name(), to.name());
        }
        state = to;
    }

    /** The applicant, or the one who filed for them (a proxy, or a clerk at the window). */
    public boolean isApplicantSide(String actor) {
        return actor.equals(applicant) || actor.equals(submittedBy);
    }

    private void requireApplicantSide(String actor) {
        if (!isApplicantSide(actor)) {
            // someone else's application answers as one that does not exist: no oracle for numbers
            throw new org.onewindow.shared.NotFoundException("application", number);
        }
    }

    /** Refusals, denials and opinions say why: at least one reason that is not blank. */
    public static void requireReasons(List<String> reasons) {
        if (reasons == null || reasons.stream().allMatch(String::isBlank)) {
            throw new RuleViolationException(Violation.of("reasons", "application.reasons-required"));
        }
    }

    /** What a person wrote, as they wrote it: the same words whatever language the reader reads. */
    private static List<LocalizedText> said(List<String> words) {
        return words == null ? List.of() : words.stream().filter(w -> w != null && !w.isBlank()).map(String::strip)
                .map(w -> new LocalizedText(w, w)).toList();
    }

    private void record(Clock clock, String actor, String step, List<LocalizedText> reasons) {
        recorded.add(new TimelineEntry(Instant.now(clock), actor, step, state, reasons));
    }

    /** Steps taken since the application was loaded, to be appended to its timeline. */
    public List<TimelineEntry> newSteps() {
        return List.copyOf(recorded);
    }

    public UUID id() { return id; }
    public String number() { return number; }
    public String itemCode() { return itemCode; }
    public int itemVersion() { return itemVersion; }
    public String regionCode() { return regionCode; }
    public String applicant() { return applicant; }
    public String submittedBy() { return submittedBy; }
    public SubmissionChannel channel() { return channel; }
    public int promisedDays() { return promisedDays; }
    public Map<String, Object> form() { return form; }
    public ApplicationState state() { return state; }
    public LocalDate acceptedOn() { return acceptedOn; }
    public LocalDate pausedSince() { return pausedSince; }
    public int pausedWorkingDays() { return pausedWorkingDays; }
    public int version() { return version; }
}
