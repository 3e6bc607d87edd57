package org.onewindow.casework.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.onewindow.casework.ApplicationState.ACCEPTED;
import static org.onewindow.casework.ApplicationState.APPROVED;
import static org.onewindow.casework.ApplicationState.CLOSED;
import static org.onewindow.casework.ApplicationState.DELIVERED;
import static org.onewindow.casework.ApplicationState.DENIED;
import static org.onewindow.casework.ApplicationState.NOT_ACCEPTED;
import static org.onewindow.casework.ApplicationState.RETURNED_FOR_CORRECTION;
import static org.onewindow.casework.ApplicationState.SUBMITTED;
import static org.onewindow.casework.ApplicationState.UNDER_REVIEW;
import static org.onewindow.casework.ApplicationState.WITHDRAWN;
import static org.onewindow.casework.model.ApplicationFixture.DEFAULT_FOUR_EYES;
import static org.onewindow.casework.model.ApplicationFixture.ACCEPTANCE_DAY;
import static org.onewindow.casework.model.ApplicationFixture.APPLICANT;
import static org.onewindow.casework.model.ApplicationFixture.CLERK;
import static org.onewindow.casework.model.ApplicationFixture.FILED_BY;
import static org.onewindow.casework.model.ApplicationFixture.FORM;
import static org.onewindow.casework.model.ApplicationFixture.ITEM;
import static org.onewindow.casework.model.ApplicationFixture.ITEM_VERSION;
import static org.onewindow.casework.model.ApplicationFixture.NUMBER;
import static org.onewindow.casework.model.ApplicationFixture.PROMISED_DAYS;
import static org.onewindow.casework.model.ApplicationFixture.REGION;
import static org.onewindow.casework.model.ApplicationFixture.REVIEWER;
import static org.onewindow.casework.model.ApplicationFixture.STRANGER;
import static org.onewindow.casework.model.ApplicationFixture.SUBMISSION_DAY;
import static org.onewindow.casework.model.ApplicationFixture.aDeniedApplication;
import static org.onewindow.casework.model.ApplicationFixture.aSubmittedApplication;
import static org.onewindow.casework.model.ApplicationFixture.aSubmittedApplicationOn;
import static org.onewindow.casework.model.ApplicationFixture.anAcceptedApplication;
import static org.onewindow.casework.model.ApplicationFixture.anApplicationIn;
import static org.onewindow.casework.model.ApplicationFixture.anApplicationLoadedIn;
import static org.onewindow.casework.model.ApplicationFixture.anApplicationReturnedBeforeAcceptance;
import static org.onewindow.casework.model.ApplicationFixture.anApplicationReturnedDuringReview;
import static org.onewindow.casework.model.ApplicationFixture.anApplicationUnderReview;
import static org.onewindow.casework.model.ApplicationFixture.anApprovedApplication;
import static org.onewindow.casework.model.ApplicationFixture.at;
import static org.onewindow.casework.model.ApplicationFixture.mondayToFriday;
import static org.onewindow.casework.model.ApplicationFixture.on;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.casework.model.WorkingDayCalendar.Exception;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.NotFoundException;

/**
 * The lifecycle rules of an application, on the aggregate alone: which step may follow which,
 * that a return for correction lists everything at once, that a denial has reasons and a person
 * behind it, that only the applicant side acts for the applicant, and that the office's clock
 * stops while the applicant has the file.
 */
class ApplicationRulesTest {

    private static final String STEP_NOT_ALLOWED = "application.step-not-allowed";
    private static final Clock LATER = on(LocalDate.of(2026, 11, 25));
    private static final WorkingDayCalendar CALENDAR = mondayToFriday();
    private static final LocalizedText ALL_MET = new LocalizedText("条件均已满足", "All conditions are met");
    private static final LocalizedText RULE_3 = new LocalizedText("不满足条件 3", "Condition 3 is not met");
    private static final Map<String, Object> CORRECTED_FORM = Map.of("shopName", "李记小吃", "floorPlan", "attached");

    /** The steps that move an application, each done by someone allowed to do it and with what it needs. */
    enum Move {
        ACCEPT(ACCEPTED, (a, clock) -> a.accept(CLERK, clock)),
        RETURN_FOR_CORRECTION(RETURNED_FOR_CORRECTION, (a, clock) -> a.returnForCorrection(REVIEWER, List.of("floor plan"), clock)),
        REFUSE_TO_ACCEPT(NOT_ACCEPTED, (a, clock) -> a.refuseToAccept(CLERK, List.of("not this office's matter"), clock)),
        START_REVIEW(UNDER_REVIEW, (a, clock) -> a.startReview(REVIEWER, clock)),
        APPROVE(APPROVED, (a, clock) -> a.approve(REVIEWER, List.of("all in order"), DEFAULT_FOUR_EYES, clock)),
        DENY(DENIED, (a, clock) -> a.deny(REVIEWER, List.of("not zoned for food"), DEFAULT_FOUR_EYES, clock)),
        DELIVER(DELIVERED, (a, clock) -> a.deliver(CLERK, clock)),
        CLOSE(CLOSED, (a, clock) -> a.close(CLERK, clock)),
        WITHDRAW(WITHDRAWN, (a, clock) -> a.withdraw(APPLICANT, clock));

        final ApplicationState to;
        private final BiConsumer<Application, Clock> step;

        Move(ApplicationState to, BiConsumer<Application, Clock> step) {
            this.to = to;
            this.step = step;
        }

        void on(Application application) {
            step.accept(application, LATER);
        }
    }

    /** Every kind of step an application can be asked to take, the ones that move nothing included. */
    static Stream<Arguments> everyStep() {
        Stream<Arguments> moves = Arrays.stream(Move.values()).map(move -> Arguments.of(move.name(), (Consumer<Application>) move::on));
        Stream<Arguments> others = Stream.of(
                Arguments.of("ANSWER_CORRECTION", (Consumer<Application>) a -> a.answerCorrection(APPLICANT, CORRECTED_FORM, LATER, CALENDAR)),
                Arguments.of("NOTE", (Consumer<Application>) a -> a.note(REVIEWER, "handed-over", List.of("to Li"), LATER)),
                Arguments.of("GIVE_OPINION", (Consumer<Application>) a -> a.giveOpinion(REVIEWER, true, true, List.of("in order"), LATER)),
                Arguments.of("REFER_TO_STAFF", (Consumer<Application>) a -> a.referToStaff(List.of(RULE_3), LATER)),
                Arguments.of("APPROVE_AT_ONCE", (Consumer<Application>) a -> a.approveAtOnce(List.of(ALL_MET), LATER)),
                Arguments.of("ADD_MATERIAL", (Consumer<Application>) a -> a.addMaterial(APPLICANT, "ID_CARD", "id.pdf", LATER)),
                Arguments.of("REUSE_MATERIAL", (Consumer<Application>) a -> a.reuseMaterial(APPLICANT, "ID_CARD", "id.pdf", "A-2025-000001", LATER)));
        return Stream.concat(moves, others);
    }

    private static void assertConflict(ThrowingCallable step, String rule, Object... args) {
        assertThatThrownBy(step).isInstanceOfSatisfying(ConflictException.class, conflict -> {
            assertThat(conflict.rule()).isEqualTo(rule);
            if (args.length > 0) {
                assertThat(conflict.args()).containsExactly(args);
            }
        });
    }

    private static void assertViolation(ThrowingCallable step, String field, String rule) {
        assertThatThrownBy(step).isInstanceOfSatisfying(RuleViolationException.class, violation ->
                assertThat(violation.violations()).extracting(RuleViolationException.Violation::field, RuleViolationException.Violation::rule)
                        .containsExactly(tuple(field, rule)));
    }

    /** A person's words, as the timeline keeps them: the same in both languages. */
    private static List<LocalizedText> words(String... said) {
        return Arrays.stream(said).map(w -> new LocalizedText(w, w)).toList();
    }

    private static TimelineEntry lastStep(Application application) {
        List<TimelineEntry> steps = application.newSteps();
        return steps.get(steps.size() - 1);
    }

    @Nested
    @DisplayName("which step may follow which")
    class WhichStepMayFollowWhich {

        /** One way through the aggregate's methods for each step the states allow. */
        record Transition(ApplicationState from, String how, Supplier<Application> given, Consumer<Application> step,
                          ApplicationState to) {
            @Override
            public String toString() {
                return from + " → " + to + " by " + how;
            }
        }

        static Stream<Transition> everyAllowedTransition() {
            Stream<Transition> moves = Arrays.stream(ApplicationState.values()).flatMap(from -> Arrays.stream(Move.values())
                    .filter(move -> from.next().contains(move.to))
                    // back to the office from the applicant goes through the applicant's answer, below
                    .filter(move -> from != RETURNED_FOR_CORRECTION || move.to != UNDER_REVIEW)
                    .map(move -> new Transition(from, move.name(), () -> anApplicationIn(from), move::on, move.to)));
            Stream<Transition> answers = Stream.of(
                    new Transition(RETURNED_FOR_CORRECTION, "the applicant's answer to a return before acceptance",
                            ApplicationFixture::anApplicationReturnedBeforeAcceptance,
                            a -> a.answerCorrection(APPLICANT, CORRECTED_FORM, LATER, CALENDAR), SUBMITTED),
                    new Transition(RETURNED_FOR_CORRECTION, "the applicant's answer to a return during review",
                            ApplicationFixture::anApplicationReturnedDuringReview,
                            a -> a.answerCorrection(APPLICANT, CORRECTED_FORM, LATER, CALENDAR), UNDER_REVIEW));
            return Stream.concat(moves, answers);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyAllowedTransition")
        void everyStepTheStatesAllowCanBeTakenThroughTheAggregate(Transition transition) {
            Application application = transition.given().get();
            assertThat(application.state()).isEqualTo(transition.from());

            transition.step().accept(application);

            assertThat(application.state()).isEqualTo(transition.to());
            assertThat(lastStep(application).stateAfter()).isEqualTo(transition.to());
        }

        @Test
        void theStepsTakenAboveAreExactlyTheStepsTheStatesAllow() {
            Set<String> allowed = Arrays.stream(ApplicationState.values())
                    .flatMap(from -> from.next().stream().map(to -> from + " → " + to)).collect(Collectors.toSet());

            Set<String> taken = everyAllowedTransition().map(t -> t.from() + " → " + t.to()).collect(Collectors.toSet());

            assertThat(taken).isEqualTo(allowed);
        }

        static Stream<Arguments> everyMoveTheStateDoesNotAllow() {
            return Arrays.stream(ApplicationState.values()).flatMap(from -> Arrays.stream(Move.values())
                    .filter(move -> !from.next().contains(move.to))
                    .map(move -> Arguments.of(from, move)));
        }

        @ParameterizedTest(name = "{1} from {0}")
        @MethodSource("everyMoveTheStateDoesNotAllow")
        void aStepTheStateDoesNotAllowIsAConflict(ApplicationState from, Move move) {
            Application application = anApplicationIn(from);

            assertConflict(() -> move.on(application), STEP_NOT_ALLOWED, from.name(), move.to.name());
            assertThat(application.state()).isEqualTo(from);
        }

        @Test
        void anApplicationIsNotDecidedBeforeItsReviewStarted() {
            assertConflict(() -> aSubmittedApplication().approve(REVIEWER, List.of(), DEFAULT_FOUR_EYES, LATER), STEP_NOT_ALLOWED, "SUBMITTED", "APPROVED");
            assertConflict(() -> anAcceptedApplication().approve(REVIEWER, List.of(), DEFAULT_FOUR_EYES, LATER), STEP_NOT_ALLOWED, "ACCEPTED", "APPROVED");
            assertConflict(() -> anAcceptedApplication().deny(REVIEWER, List.of("no"), DEFAULT_FOUR_EYES, LATER), STEP_NOT_ALLOWED, "ACCEPTED", "DENIED");
        }

        @Test
        void aResultIsDeliveredOnlyAfterADecisionAndClosedOnlyAfterDelivery() {
            assertConflict(() -> anApplicationUnderReview().deliver(CLERK, LATER), STEP_NOT_ALLOWED, "UNDER_REVIEW", "DELIVERED");
            assertConflict(() -> anApprovedApplication().close(CLERK, LATER), STEP_NOT_ALLOWED, "APPROVED", "CLOSED");
        }

        @Test
        void aDecisionCannotBeTakenBackOrChanged() {
            assertConflict(() -> anApprovedApplication().deny(REVIEWER, List.of("second thoughts"), DEFAULT_FOUR_EYES, LATER), STEP_NOT_ALLOWED, "APPROVED", "DENIED");
            assertConflict(() -> aDeniedApplication().approve(REVIEWER, List.of(), DEFAULT_FOUR_EYES, LATER), STEP_NOT_ALLOWED, "DENIED", "APPROVED");
            assertConflict(() -> anApprovedApplication().withdraw(APPLICANT, LATER), STEP_NOT_ALLOWED, "APPROVED", "WITHDRAWN");
        }

        @Test
        void anApplicationIsAcceptedOnlyOnce() {
            assertConflict(() -> anAcceptedApplication().accept(CLERK, LATER), STEP_NOT_ALLOWED, "ACCEPTED", "ACCEPTED");
        }

        @Test
        void aReturnBeforeAcceptanceIsAnsweredBackToTheCounter() {
            Application application = anApplicationReturnedBeforeAcceptance();

            application.answerCorrection(APPLICANT, CORRECTED_FORM, LATER, CALENDAR);

            assertThat(application.state()).isEqualTo(SUBMITTED);
            assertThat(application.acceptedOn()).isNull();
        }

        @Test
        void aReturnDuringReviewIsAnsweredBackToTheReviewer() {
            Application application = anApplicationReturnedDuringReview();

            application.answerCorrection(APPLICANT, CORRECTED_FORM, LATER, CALENDAR);

            assertThat(application.state()).isEqualTo(UNDER_REVIEW);
            assertThat(application.acceptedOn()).isEqualTo(ACCEPTANCE_DAY);
        }

        @Test
        void theOfficeTakesBackAReturnedFileOnlyWithTheApplicantsAnswer() {
            Application beforeAcceptance = anApplicationReturnedBeforeAcceptance();
            Application duringReview = anApplicationReturnedDuringReview();

            assertConflict(() -> beforeAcceptance.startReview(REVIEWER, LATER), STEP_NOT_ALLOWED);
            assertConflict(() -> duringReview.startReview(REVIEWER, LATER), STEP_NOT_ALLOWED);
            assertThat(beforeAcceptance.state()).isEqualTo(RETURNED_FOR_CORRECTION);
            assertThat(duringReview.state()).isEqualTo(RETURNED_FOR_CORRECTION);
            assertThat(duringReview.pausedSince()).isNotNull();
        }

        @ParameterizedTest
        @EnumSource(value = ApplicationState.class, names = "RETURNED_FOR_CORRECTION", mode = EnumSource.Mode.EXCLUDE)
        void onlyAnApplicationReturnedForCorrectionCanBeAnswered(ApplicationState state) {
            Application application = anApplicationIn(state);

            assertConflict(() -> application.answerCorrection(APPLICANT, CORRECTED_FORM, LATER, CALENDAR), STEP_NOT_ALLOWED);
            assertThat(application.state()).isEqualTo(state);
            assertThat(application.form()).isEqualTo(FORM);
        }

        static Stream<Arguments> everyStepOnEveryEnd() {
            return Stream.of(NOT_ACCEPTED, CLOSED, WITHDRAWN)
                    .flatMap(end -> everyStep().map(step -> Arguments.of(end, step.get()[0], step.get()[1])));
        }

        @ParameterizedTest(name = "{1} on {0}")
        @MethodSource("everyStepOnEveryEnd")
        void theEndsAcceptNothing(ApplicationState end, String stepName, Consumer<Application> step) {
            Application application = anApplicationIn(end);
            int stepsBefore = application.newSteps().size();

            assertThat(end.next()).isEmpty();
            assertThatThrownBy(() -> step.accept(application)).isInstanceOf(ConflictException.class);
            assertThat(application.state()).isEqualTo(end);
            assertThat(application.newSteps()).hasSize(stepsBefore);
        }

        static Stream<Arguments> refusedSteps() {
            return Stream.of(
                    Arguments.of("a step the state does not allow", (Supplier<Application>) ApplicationFixture::anApplicationReturnedDuringReview,
                            (Consumer<Application>) a -> a.approve(REVIEWER, List.of(), DEFAULT_FOUR_EYES, LATER)),
                    Arguments.of("a return without a list", (Supplier<Application>) ApplicationFixture::anApplicationUnderReview,
                            (Consumer<Application>) a -> a.returnForCorrection(REVIEWER, List.of(" "), LATER)),
                    Arguments.of("an automatic denial", (Supplier<Application>) ApplicationFixture::anApplicationUnderReview,
                            (Consumer<Application>) a -> a.deny(Application.AUTOMATIC, List.of("rule 3"), DEFAULT_FOUR_EYES, LATER)),
                    Arguments.of("a denial without reasons", (Supplier<Application>) ApplicationFixture::anApplicationUnderReview,
                            (Consumer<Application>) a -> a.deny(REVIEWER, List.of(), DEFAULT_FOUR_EYES, LATER)),
                    Arguments.of("an answer by a stranger", (Supplier<Application>) ApplicationFixture::anApplicationReturnedDuringReview,
                            (Consumer<Application>) a -> a.answerCorrection(STRANGER, CORRECTED_FORM, LATER, CALENDAR)),
                    Arguments.of("a material while the office has the file", (Supplier<Application>) ApplicationFixture::anApplicationUnderReview,
                            (Consumer<Application>) a -> a.addMaterial(APPLICANT, "ID_CARD", "id.pdf", LATER)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusedSteps")
        void aRefusedStepChangesNothing(String what, Supplier<Application> given, Consumer<Application> step) {
            Application application = given.get();
            ApplicationState state = application.state();
            List<TimelineEntry> steps = application.newSteps();
            LocalDate pausedSince = application.pausedSince();

            assertThatThrownBy(() -> step.accept(application)).isInstanceOf(RuntimeException.class);

            assertThat(application.state()).isEqualTo(state);
            assertThat(application.newSteps()).isEqualTo(steps);
            assertThat(application.form()).isEqualTo(FORM);
            assertThat(application.acceptedOn()).isEqualTo(ACCEPTANCE_DAY);
            assertThat(application.pausedSince()).isEqualTo(pausedSince);
            assertThat(application.pausedWorkingDays()).isZero();
        }
    }

    @Nested
    @DisplayName("return for correction")
    class ReturnForCorrection {

        @ParameterizedTest
        @NullAndEmptySource
        @MethodSource("onlyBlanks")
        void aReturnForCorrectionMustListEverythingMissingAtOnce(List<String> everythingMissing) {
            Application application = anApplicationUnderReview();

            assertViolation(() -> application.returnForCorrection(REVIEWER, everythingMissing, LATER),
                    "missing", "application.correction-needs-list");
            assertThat(application.state()).isEqualTo(UNDER_REVIEW);
        }

        static Stream<List<String>> onlyBlanks() {
            return Stream.of(List.of(""), List.of(" ", "\t", "  \n"));
        }

        @Test
        void theCounterTooMustListEverythingMissing() {
            assertViolation(() -> aSubmittedApplication().returnForCorrection(CLERK, List.of(), LATER),
                    "missing", "application.correction-needs-list");
        }

        @Test
        void blankLinesAreDroppedFromTheRecordedListAndTheRestKeptInOrderAsWritten() {
            Application application = anApplicationUnderReview();

            application.returnForCorrection(REVIEWER, List.of("floor plan", " ", "  lease contract ", "", "消防安全检查合格证"), LATER);

            assertThat(lastStep(application)).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter,
                    TimelineEntry::reasons).containsExactly(REVIEWER, "returned-for-correction", RETURNED_FOR_CORRECTION,
                    words("floor plan", "lease contract", "消防安全检查合格证"));
        }

        @Test
        void theAnswerReplacesTheFormWithACopyOfTheCorrectedOne() {
            Application application = anApplicationReturnedDuringReview();
            Map<String, Object> corrected = new HashMap<>(CORRECTED_FORM);

            application.answerCorrection(APPLICANT, corrected, LATER, CALENDAR);
            corrected.put("floorPlan", "changed afterwards");

            assertThat(application.form()).isEqualTo(CORRECTED_FORM);
            assertThat(lastStep(application)).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter)
                    .containsExactly(APPLICANT, "correction-answered", UNDER_REVIEW);
        }
    }

    @Nested
    @DisplayName("refusal and denial")
    class RefusalAndDenial {

        static Stream<List<String>> noReasons() {
            return Stream.of(null, List.of(), List.of(" "), List.of("", "\t"));
        }

        @ParameterizedTest
        @MethodSource("noReasons")
        void aRefusalToAcceptNeedsReasons(List<String> reasons) {
            Application application = aSubmittedApplication();

            assertViolation(() -> application.refuseToAccept(CLERK, reasons, LATER), "reasons", "application.reasons-required");
            assertThat(application.state()).isEqualTo(SUBMITTED);
        }

        @ParameterizedTest
        @MethodSource("noReasons")
        void aDenialNeedsReasons(List<String> reasons) {
            Application application = anApplicationUnderReview();

            assertViolation(() -> application.deny(REVIEWER, reasons, DEFAULT_FOUR_EYES, LATER), "reasons", "application.reasons-required");
            assertThat(application.state()).isEqualTo(UNDER_REVIEW);
        }

        @Test
        void theReasonsOfARefusalAndOfADenialGoOnTheTimelineWithoutTheBlankOnes() {
            Application refused = aSubmittedApplication();
            refused.refuseToAccept(CLERK, List.of("not this office's matter", " ", "apply in district 2"), LATER);
            Application denied = anApplicationUnderReview();
            denied.deny(REVIEWER, List.of("", "not zoned for food"), DEFAULT_FOUR_EYES, LATER);

            assertThat(lastStep(refused)).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter, TimelineEntry::reasons)
                    .containsExactly(CLERK, "not-accepted", NOT_ACCEPTED, words("not this office's matter", "apply in district 2"));
            assertThat(lastStep(denied)).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter, TimelineEntry::reasons)
                    .containsExactly(REVIEWER, "denied", DENIED, words("not zoned for food"));
        }

        @Test
        void anApprovalNeedsNoReasons() {
            Application application = anApplicationUnderReview();

            application.approve(REVIEWER, List.of(), DEFAULT_FOUR_EYES, LATER);

            assertThat(application.state()).isEqualTo(APPROVED);
            assertThat(lastStep(application).reasons()).isEmpty();
        }

        @Test
        void theRulesMayApproveButNeverDeny() {
            Application approvedByTheRules = aSubmittedApplication();
            approvedByTheRules.approveAtOnce(List.of(ALL_MET), LATER);
            Application deniedByTheRules = anApplicationUnderReview();

            assertThat(approvedByTheRules.state()).isEqualTo(APPROVED);
            assertThat(approvedByTheRules.newDecision()).hasValueSatisfying(decision ->
                    assertThat(decision.actor()).isEqualTo(Application.AUTOMATIC));
            assertConflict(() -> deniedByTheRules.deny(Application.AUTOMATIC, List.of("condition 3 not met"), DEFAULT_FOUR_EYES, LATER),
                    "application.no-automatic-denial");
            assertThat(deniedByTheRules.state()).isEqualTo(UNDER_REVIEW);
        }

        @Test
        void aPersonDeniesWhatTheRulesReferred() {
            Application application = aSubmittedApplication();
            application.referToStaff(List.of(RULE_3), LATER);
            application.accept(CLERK, LATER);
            application.startReview(REVIEWER, LATER);

            application.deny(REVIEWER, List.of("condition 3 not met"), DEFAULT_FOUR_EYES, LATER);

            assertThat(application.newSteps()).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter,
                    TimelineEntry::reasons).containsExactly(
                    tuple(FILED_BY, "submitted", SUBMITTED, List.of()),
                    tuple(Application.AUTOMATIC, "referred-to-staff", SUBMITTED, List.of(RULE_3)),
                    tuple(CLERK, "accepted", ACCEPTED, List.of()),
                    tuple(REVIEWER, "review-started", UNDER_REVIEW, List.of()),
                    tuple(REVIEWER, "denied", DENIED, words("condition 3 not met")));
        }

        @Test
        void theRulesApproveAtOnceOnlyWhatWasJustSubmitted() {
            Application application = aSubmittedApplication();

            application.approveAtOnce(List.of(ALL_MET), LATER);

            assertThat(application.acceptedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
            assertThat(application.newSteps()).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter,
                    TimelineEntry::reasons).containsExactly(
                    tuple(FILED_BY, "submitted", SUBMITTED, List.of()),
                    tuple(Application.AUTOMATIC, "accepted", ACCEPTED, List.of()),
                    tuple(Application.AUTOMATIC, "review-started", UNDER_REVIEW, List.of()),
                    tuple(Application.AUTOMATIC, "approved", APPROVED, List.of(ALL_MET)));
            assertConflict(() -> anApplicationUnderReview().approveAtOnce(List.of(ALL_MET), LATER), STEP_NOT_ALLOWED,
                    "UNDER_REVIEW", "ACCEPTED");
            assertConflict(() -> anApplicationReturnedBeforeAcceptance().approveAtOnce(List.of(ALL_MET), LATER), STEP_NOT_ALLOWED,
                    "RETURNED_FOR_CORRECTION", "ACCEPTED");
        }
    }

    @Nested
    @DisplayName("the applicant side")
    class TheApplicantSide {

        @ParameterizedTest
        @ValueSource(strings = {CLERK, REVIEWER, STRANGER, Application.AUTOMATIC})
        void onlyTheApplicantSideMayWithdraw(String actor) {
            Application application = anApplicationUnderReview();

            assertThatThrownBy(() -> application.withdraw(actor, LATER)).isInstanceOf(NotFoundException.class);
            assertThat(application.state()).isEqualTo(UNDER_REVIEW);
        }

        @ParameterizedTest
        @ValueSource(strings = {APPLICANT, FILED_BY})
        void theApplicantAndTheOneWhoFiledForThemMayWithdraw(String actor) {
            Application application = anApplicationUnderReview();

            application.withdraw(actor, LATER);

            assertThat(application.state()).isEqualTo(WITHDRAWN);
            assertThat(lastStep(application)).extracting(TimelineEntry::actor, TimelineEntry::step).containsExactly(actor, "withdrawn");
        }

        @ParameterizedTest
        @ValueSource(strings = {CLERK, REVIEWER, STRANGER})
        void onlyTheApplicantSideMayAnswerACorrection(String actor) {
            Application application = anApplicationReturnedDuringReview();

            assertThatThrownBy(() -> application.answerCorrection(actor, CORRECTED_FORM, LATER, CALENDAR))
                    .isInstanceOf(NotFoundException.class);
            assertThat(application.state()).isEqualTo(RETURNED_FOR_CORRECTION);
            assertThat(application.form()).isEqualTo(FORM);
        }

        @ParameterizedTest
        @ValueSource(strings = {APPLICANT, FILED_BY})
        void theApplicantAndTheOneWhoFiledForThemMayAnswerACorrection(String actor) {
            Application application = anApplicationReturnedDuringReview();

            application.answerCorrection(actor, CORRECTED_FORM, LATER, CALENDAR);

            assertThat(application.state()).isEqualTo(UNDER_REVIEW);
        }

        @ParameterizedTest
        @ValueSource(strings = {CLERK, REVIEWER, STRANGER})
        void onlyTheApplicantSideMayAddOrReuseAMaterial(String actor) {
            Application application = aSubmittedApplication();

            assertThatThrownBy(() -> application.addMaterial(actor, "ID_CARD", "id.pdf", LATER)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> application.reuseMaterial(actor, "ID_CARD", "id.pdf", "A-2025-000001", LATER))
                    .isInstanceOf(NotFoundException.class);
            assertThat(application.newSteps()).extracting(TimelineEntry::step).containsExactly("submitted");
        }

        @Test
        void theClerkWhoFiledAtTheWindowActsForTheApplicant() {
            Application application = Application.submit(NUMBER, ITEM, ITEM_VERSION, REGION, APPLICANT, CLERK, SubmissionChannel.WINDOW,
                    PROMISED_DAYS, FORM, on(SUBMISSION_DAY));

            application.addMaterial(CLERK, "ID_CARD", "scan.pdf", LATER);
            application.withdraw(CLERK, LATER);

            assertThat(application.isApplicantSide(CLERK)).isTrue();
            assertThat(application.isApplicantSide(REVIEWER)).isFalse();
            assertThat(application.state()).isEqualTo(WITHDRAWN);
        }

        static Stream<Supplier<Application>> theApplicantHasTheFile() {
            return Stream.of(ApplicationFixture::aSubmittedApplication, ApplicationFixture::anApplicationReturnedBeforeAcceptance,
                    ApplicationFixture::anApplicationReturnedDuringReview);
        }

        @ParameterizedTest
        @MethodSource("theApplicantHasTheFile")
        void materialsAreHandedInWithTheApplicationOrInAnswerToACorrection(Supplier<Application> given) {
            Application application = given.get();
            ApplicationState state = application.state();

            application.addMaterial(APPLICANT, "LEASE", "lease.pdf", LATER);
            application.reuseMaterial(FILED_BY, "ID_CARD", "id.pdf", "A-2025-000001", LATER);

            assertThat(application.state()).isEqualTo(state);
            assertThat(application.newSteps()).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter,
                    TimelineEntry::reasons).endsWith(
                    tuple(APPLICANT, "material-uploaded", state, words("LEASE: lease.pdf")),
                    tuple(FILED_BY, "material-reused", state, words("ID_CARD: id.pdf ← A-2025-000001")));
        }

        @ParameterizedTest
        @EnumSource(value = ApplicationState.class, names = {"SUBMITTED", "RETURNED_FOR_CORRECTION"}, mode = EnumSource.Mode.EXCLUDE)
        void materialsAreClosedWhileTheOfficeHasTheFileAndOnceItIsDone(ApplicationState state) {
            Application application = anApplicationIn(state);

            assertConflict(() -> application.addMaterial(APPLICANT, "LEASE", "lease.pdf", LATER), "application.materials-closed", state.name());
            assertConflict(() -> application.reuseMaterial(APPLICANT, "LEASE", "lease.pdf", "A-2025-000001", LATER),
                    "application.materials-closed", state.name());
        }
    }

    @Nested
    @DisplayName("the office's clock")
    class TheOfficesClock {

        private static final LocalDate MONDAY = ACCEPTANCE_DAY;
        private static final LocalDate TUESDAY = MONDAY.plusDays(1);
        private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
        private static final LocalDate THURSDAY = MONDAY.plusDays(3);
        private static final LocalDate FRIDAY = MONDAY.plusDays(4);
        private static final LocalDate NEXT_MONDAY = MONDAY.plusDays(7);

        @Test
        void theAcceptanceDayIsBeijingsDayNotTheServers() {
            // Sunday 16:30 in UTC is already Monday 00:30 in Beijing
            Clock sundayEveningInUtc = at("2026-11-22T16:30:00Z");
            Application application = aSubmittedApplicationOn(SUBMISSION_DAY, PROMISED_DAYS);

            application.accept(CLERK, sundayEveningInUtc);

            assertThat(application.acceptedOn()).isEqualTo(MONDAY);
            assertThat(application.timeLimit().dueOn(CALENDAR)).isEqualTo(NEXT_MONDAY);
        }

        @ParameterizedTest
        @CsvSource({"2026-11-23T15:59:59Z, 2026-11-23", "2026-11-23T16:00:00Z, 2026-11-24"})
        void aDayEndsAtMidnightInBeijingWhateverTheClocksZone(Instant instant, LocalDate beijingDay) {
            for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Shanghai")) {
                Application application = aSubmittedApplication();

                application.accept(CLERK, Clock.fixed(instant, ZoneId.of(zone)));

                assertThat(application.acceptedOn()).as(zone).isEqualTo(beijingDay);
            }
        }

        @Test
        void theDueDateIsThePromisedWorkingDaysAfterTheAcceptanceDay() {
            assertThat(anAcceptedApplication(MONDAY, 5).timeLimit().dueOn(CALENDAR)).isEqualTo(NEXT_MONDAY);
            assertThat(anAcceptedApplication(FRIDAY, 1).timeLimit().dueOn(CALENDAR)).isEqualTo(NEXT_MONDAY);
            assertThat(anAcceptedApplication(MONDAY, 0).timeLimit().dueOn(CALENDAR)).isEqualTo(MONDAY);
        }

        @Test
        void holidaysDoNotCountTowardsTheDueDateAndMovedWorkingDaysDo() {
            WorkingDayCalendar withHolidays = new WorkingDayCalendar(Map.of(
                    TUESDAY, Exception.HOLIDAY, WEDNESDAY, Exception.HOLIDAY, MONDAY.plusDays(5), Exception.WORKDAY));

            // Thursday, Friday, the Saturday declared a working day, Monday, Tuesday
            assertThat(anAcceptedApplication(MONDAY, 5).timeLimit().dueOn(withHolidays)).isEqualTo(NEXT_MONDAY.plusDays(1));
        }

        static Stream<Supplier<Application>> notAcceptedYet() {
            return Stream.of(ApplicationFixture::aSubmittedApplication, ApplicationFixture::anApplicationReturnedBeforeAcceptance,
                    ApplicationFixture::aNotAcceptedApplication);
        }

        @ParameterizedTest
        @MethodSource("notAcceptedYet")
        void thereIsNoDueDateNorRiskDayBeforeAcceptance(Supplier<Application> given) {
            Application application = given.get();

            assertThat(application.acceptedOn()).isNull();
            assertThat(application.timeLimit().dueOn(CALENDAR)).isNull();
            assertThat(application.timeLimit().atRiskOn(CALENDAR)).isNull();
        }

        @Test
        void theOfficesClockStopsWhileTheApplicantHasTheFile() {
            Application application = anApplicationUnderReview(MONDAY);
            assertThat(application.timeLimit().dueOn(CALENDAR)).isEqualTo(NEXT_MONDAY);

            application.returnForCorrection(REVIEWER, List.of("floor plan"), on(WEDNESDAY));
            assertThat(application.pausedSince()).isEqualTo(WEDNESDAY);

            // the applicant has it Thursday, Friday and Monday
            application.answerCorrection(APPLICANT, CORRECTED_FORM, on(NEXT_MONDAY), CALENDAR);

            assertThat(application.pausedSince()).isNull();
            assertThat(application.pausedWorkingDays()).isEqualTo(3);
            assertThat(application.timeLimit().dueOn(CALENDAR)).isEqualTo(LocalDate.of(2026, 12, 3));
        }

        @Test
        void onlyTheWorkingDaysWithTheApplicantMoveTheDueDate() {
            WorkingDayCalendar twoHolidays = new WorkingDayCalendar(Map.of(THURSDAY, Exception.HOLIDAY, FRIDAY, Exception.HOLIDAY));
            Application application = anApplicationReturnedDuringReview(MONDAY, WEDNESDAY);

            application.answerCorrection(APPLICANT, CORRECTED_FORM, on(NEXT_MONDAY), twoHolidays);

            assertThat(application.pausedWorkingDays()).isEqualTo(1);
        }

        @Test
        void aCorrectionAnsweredTheSameDayMovesNothing() {
            Application application = anApplicationReturnedDuringReview(MONDAY, WEDNESDAY);

            application.answerCorrection(APPLICANT, CORRECTED_FORM, on(WEDNESDAY), CALENDAR);

            assertThat(application.pausedWorkingDays()).isZero();
            assertThat(application.timeLimit().dueOn(CALENDAR)).isEqualTo(NEXT_MONDAY);
        }

        @Test
        void theDaysOfTheReturnAndOfTheAnswerAreBeijingDays() {
            Application application = anApplicationUnderReview(MONDAY);

            // Tuesday 16:30 in UTC is Wednesday 00:30 in Beijing
            application.returnForCorrection(REVIEWER, List.of("floor plan"), at("2026-11-24T16:30:00Z"));
            assertThat(application.pausedSince()).isEqualTo(WEDNESDAY);
            // Sunday 16:30 in UTC is Monday 00:30 in Beijing: Thursday, Friday and Monday were the applicant's
            application.answerCorrection(APPLICANT, CORRECTED_FORM, at("2026-11-29T16:30:00Z"), CALENDAR);

            assertThat(application.pausedWorkingDays()).isEqualTo(3);
        }

        @Test
        void aReturnAfterAcceptanceStopsTheClockEvenBeforeTheReviewStarted() {
            Application application = anAcceptedApplication(MONDAY);

            application.returnForCorrection(CLERK, List.of("floor plan"), on(TUESDAY));
            application.answerCorrection(APPLICANT, CORRECTED_FORM, on(THURSDAY), CALENDAR);

            assertThat(application.pausedWorkingDays()).isEqualTo(2);
            assertThat(application.state()).isEqualTo(UNDER_REVIEW);
        }

        @Test
        void aReturnBeforeAcceptancePausesNothing() {
            LocalDate wednesdayBefore = MONDAY.minusDays(5);
            Application application = aSubmittedApplicationOn(wednesdayBefore, PROMISED_DAYS);
            application.returnForCorrection(CLERK, List.of("ID card copy"), on(wednesdayBefore));
            assertThat(application.pausedSince()).isNull();

            application.answerCorrection(APPLICANT, CORRECTED_FORM, on(wednesdayBefore.plusDays(2)), CALENDAR);
            application.accept(CLERK, on(MONDAY));

            assertThat(application.pausedWorkingDays()).isZero();
            assertThat(application.timeLimit().dueOn(CALENDAR)).isEqualTo(NEXT_MONDAY);
        }

        @Test
        void everyReturnDuringReviewMovesTheDueDateOnAgain() {
            Application application = anApplicationReturnedDuringReview(MONDAY, TUESDAY);
            application.answerCorrection(APPLICANT, CORRECTED_FORM, on(THURSDAY), CALENDAR);
            application.returnForCorrection(REVIEWER, List.of("fire safety certificate"), on(NEXT_MONDAY));
            application.answerCorrection(APPLICANT, CORRECTED_FORM, on(NEXT_MONDAY.plusDays(2)), CALENDAR);

            assertThat(application.pausedWorkingDays()).isEqualTo(4);
            assertThat(application.timeLimit().dueOn(CALENDAR)).isEqualTo(LocalDate.of(2026, 12, 4));
        }

        @ParameterizedTest(name = "{0} promised days: at risk after {1}")
        @CsvSource({"0, 1", "1, 1", "2, 2", "3, 3", "4, 3", "5, 4", "8, 6", "10, 8", "20, 15"})
        void anApplicationIsAtRiskAfterThreeQuartersOfItsPromisedDaysRoundedUpAndAtLeastOne(int promisedDays, int atRiskAfter) {
            Application application = anAcceptedApplication(MONDAY, promisedDays);

            assertThat(application.timeLimit().atRiskAfterWorkingDays()).isEqualTo(atRiskAfter);
            assertThat(application.timeLimit().atRiskOn(CALENDAR)).isEqualTo(CALENDAR.addWorkingDays(MONDAY, atRiskAfter));
        }

        @Test
        void theRiskDayIsCountedInWorkingDaysAndMovesOnWithThePause() {
            Application application = anApplicationUnderReview(MONDAY);
            assertThat(application.timeLimit().atRiskOn(CALENDAR)).isEqualTo(FRIDAY);

            application.returnForCorrection(REVIEWER, List.of("floor plan"), on(WEDNESDAY));
            application.answerCorrection(APPLICANT, CORRECTED_FORM, on(NEXT_MONDAY), CALENDAR);

            assertThat(application.timeLimit().atRiskOn(CALENDAR)).isEqualTo(LocalDate.of(2026, 12, 2));
        }

        @Test
        void theWorkingDaysUsedLeaveOutTheApplicantsTurns() {
            Application application = anApplicationReturnedDuringReview(MONDAY, WEDNESDAY);
            application.answerCorrection(APPLICANT, CORRECTED_FORM, on(NEXT_MONDAY), CALENDAR);

            // Tuesday and Wednesday before the return, Tuesday after the answer
            assertThat(application.timeLimit().workingDaysUsedBy(NEXT_MONDAY.plusDays(1), CALENDAR)).isEqualTo(3);
            assertThat(application.timeLimit().workingDaysUsedBy(application.timeLimit().dueOn(CALENDAR), CALENDAR)).isEqualTo(PROMISED_DAYS);
        }

        @Test
        void noWorkingDayIsUsedOnTheAcceptanceDayNorBeforeIt() {
            Application application = anAcceptedApplication(MONDAY);

            assertThat(application.timeLimit().workingDaysUsedBy(MONDAY, CALENDAR)).isZero();
            assertThat(application.timeLimit().workingDaysUsedBy(MONDAY.minusDays(3), CALENDAR)).isZero();
            assertThat(application.timeLimit().workingDaysUsedBy(NEXT_MONDAY.plusDays(2), CALENDAR)).isEqualTo(7);
        }
    }

    @Nested
    @DisplayName("notes")
    class Notes {

        static Stream<Supplier<Application>> openApplications() {
            return Stream.of(ApplicationFixture::aSubmittedApplication, ApplicationFixture::anApplicationReturnedBeforeAcceptance,
                    ApplicationFixture::anApplicationReturnedDuringReview, ApplicationFixture::anAcceptedApplication,
                    ApplicationFixture::anApplicationUnderReview);
        }

        @ParameterizedTest
        @MethodSource("openApplications")
        void aNoteGoesOnTheTimelineWhileTheApplicationIsOpenAndMovesNothing(Supplier<Application> given) {
            Application application = given.get();
            ApplicationState state = application.state();

            application.note(REVIEWER, "handed-over", List.of("to Li", " ", "files attached"), LATER);

            assertThat(application.state()).isEqualTo(state);
            assertThat(lastStep(application)).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter,
                    TimelineEntry::reasons).containsExactly(REVIEWER, "handed-over", state, words("to Li", "files attached"));
        }

        @Test
        void aNoteWithoutDetailsIsRecordedWithNone() {
            Application application = anApplicationUnderReview();

            application.note(REVIEWER, "handed-over", null, LATER);

            assertThat(lastStep(application).reasons()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = ApplicationState.class, names = {"APPROVED", "DENIED", "DELIVERED", "CLOSED", "NOT_ACCEPTED", "WITHDRAWN"})
        void noNoteOnceTheApplicationIsDecidedOrEnded(ApplicationState state) {
            Application application = anApplicationIn(state);
            int stepsBefore = application.newSteps().size();

            assertConflict(() -> application.note(REVIEWER, "handed-over", List.of("to Li"), LATER), STEP_NOT_ALLOWED);
            assertConflict(() -> application.referToStaff(List.of(RULE_3), LATER), STEP_NOT_ALLOWED);
            assertConflict(() -> application.giveOpinion(REVIEWER, true, true, List.of("in order"), LATER), STEP_NOT_ALLOWED);
            assertThat(application.newSteps()).hasSize(stepsBefore);
        }

        @Test
        void anOpinionSaysWhetherItAgreesAndWhy() {
            Application reviewed = anApplicationUnderReview();
            Application countersigned = anApplicationUnderReview();

            reviewed.giveOpinion(REVIEWER, true, true, List.of(" in order ", ""), LATER);
            countersigned.giveOpinion("staff:fire-brigade", false, false, List.of("no fire exit"), LATER);

            assertThat(lastStep(reviewed)).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter,
                    TimelineEntry::reasons).containsExactly(REVIEWER, "reviewed", UNDER_REVIEW,
                    List.of(new LocalizedText("同意", "Agree"), new LocalizedText("in order", "in order")));
            assertThat(lastStep(countersigned)).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter,
                    TimelineEntry::reasons).containsExactly("staff:fire-brigade", "countersigned", UNDER_REVIEW,
                    List.of(new LocalizedText("不同意", "Disagree"), new LocalizedText("no fire exit", "no fire exit")));
        }

        @ParameterizedTest
        @MethodSource("org.onewindow.casework.model.ApplicationRulesTest$RefusalAndDenial#noReasons")
        void anOpinionNeedsReasons(List<String> reasons) {
            Application application = anApplicationUnderReview();

            assertViolation(() -> application.giveOpinion(REVIEWER, true, false, reasons, LATER), "reasons", "application.reasons-required");
            assertThat(application.newSteps()).extracting(TimelineEntry::step).doesNotContain("reviewed");
        }

        @Test
        void anOpinionOnAnAcceptedApplicationStartsItsReviewFirst() {
            Application application = anAcceptedApplication();

            application.giveOpinion(REVIEWER, true, true, List.of("in order"), LATER);

            assertThat(application.state()).isEqualTo(UNDER_REVIEW);
            assertThat(application.newSteps()).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter)
                    .endsWith(tuple(REVIEWER, "review-started", UNDER_REVIEW), tuple(REVIEWER, "reviewed", UNDER_REVIEW));
        }

        @ParameterizedTest
        @MethodSource("openApplications")
        void theRulesMayReferAnOpenApplicationToStaffInBothLanguages(Supplier<Application> given) {
            Application application = given.get();
            ApplicationState state = application.state();

            application.referToStaff(List.of(RULE_3), LATER);

            assertThat(lastStep(application)).extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter,
                    TimelineEntry::reasons).containsExactly(Application.AUTOMATIC, "referred-to-staff", state, List.of(RULE_3));
        }
    }

    @Nested
    @DisplayName("new steps and the new decision")
    class NewSteps {

        @Test
        void anApplicationAsLoadedHasNoNewStepsAndNoNewDecision() {
            Application application = anApplicationLoadedIn(APPROVED);

            assertThat(application.newSteps()).isEmpty();
            assertThat(application.newDecision()).isEmpty();
        }

        @Test
        void submittingIsTheFirstStepUnderTheOneWhoFiled() {
            Instant filedAt = Instant.parse("2026-11-20T02:00:00Z");

            Application application = Application.submit(NUMBER, ITEM, ITEM_VERSION, REGION, APPLICANT, FILED_BY,
                    SubmissionChannel.PROXY, PROMISED_DAYS, FORM, at(filedAt));

            assertThat(application.newSteps()).containsExactly(new TimelineEntry(filedAt, FILED_BY, "submitted", SUBMITTED, List.of()));
        }

        @Test
        void everyStepIsRecordedInOrderWithWhenWhoWhatTheStateAfterAndWhy() {
            Application application = Application.submit(NUMBER, ITEM, ITEM_VERSION, REGION, APPLICANT, FILED_BY,
                    SubmissionChannel.PROXY, PROMISED_DAYS, FORM, at("2026-11-20T02:00:00Z"));
            application.addMaterial(APPLICANT, "ID_CARD", "id.pdf", at("2026-11-20T02:05:00Z"));
            application.accept(CLERK, at("2026-11-23T01:00:00Z"));
            application.startReview(REVIEWER, at("2026-11-23T03:00:00Z"));
            application.returnForCorrection(REVIEWER, List.of("floor plan", " ", "lease contract"), at("2026-11-24T03:00:00Z"));
            application.reuseMaterial(FILED_BY, "LEASE", "lease.pdf", "A-2025-000001", at("2026-11-25T03:00:00Z"));
            application.answerCorrection(APPLICANT, CORRECTED_FORM, at("2026-11-25T03:01:00Z"), CALENDAR);
            application.giveOpinion(REVIEWER, true, true, List.of("in order"), at("2026-11-26T03:00:00Z"));
            application.approve(REVIEWER, List.of("all in order"), DEFAULT_FOUR_EYES, at("2026-11-27T03:00:00Z"));
            application.deliver(CLERK, at("2026-11-30T03:00:00Z"));
            application.close(CLERK, at("2026-11-30T03:30:00Z"));

            assertThat(application.newSteps()).extracting(TimelineEntry::at, TimelineEntry::actor, TimelineEntry::step,
                    TimelineEntry::stateAfter, TimelineEntry::reasons).containsExactly(
                    tuple(Instant.parse("2026-11-20T02:00:00Z"), FILED_BY, "submitted", SUBMITTED, List.of()),
                    tuple(Instant.parse("2026-11-20T02:05:00Z"), APPLICANT, "material-uploaded", SUBMITTED, words("ID_CARD: id.pdf")),
                    tuple(Instant.parse("2026-11-23T01:00:00Z"), CLERK, "accepted", ACCEPTED, List.of()),
                    tuple(Instant.parse("2026-11-23T03:00:00Z"), REVIEWER, "review-started", UNDER_REVIEW, List.of()),
                    tuple(Instant.parse("2026-11-24T03:00:00Z"), REVIEWER, "returned-for-correction", RETURNED_FOR_CORRECTION,
                            words("floor plan", "lease contract")),
                    tuple(Instant.parse("2026-11-25T03:00:00Z"), FILED_BY, "material-reused", RETURNED_FOR_CORRECTION,
                            words("LEASE: lease.pdf ← A-2025-000001")),
                    tuple(Instant.parse("2026-11-25T03:01:00Z"), APPLICANT, "correction-answered", UNDER_REVIEW, List.of()),
                    tuple(Instant.parse("2026-11-26T03:00:00Z"), REVIEWER, "reviewed", UNDER_REVIEW,
                            List.of(new LocalizedText("同意", "Agree"), new LocalizedText("in order", "in order"))),
                    tuple(Instant.parse("2026-11-27T03:00:00Z"), REVIEWER, "approved", APPROVED, words("all in order")),
                    tuple(Instant.parse("2026-11-30T03:00:00Z"), CLERK, "result-delivered", DELIVERED, List.of()),
                    tuple(Instant.parse("2026-11-30T03:30:00Z"), CLERK, "closed", CLOSED, List.of()));
            assertThat(application.newDecision()).hasValueSatisfying(decision -> assertThat(decision)
                    .extracting(TimelineEntry::at, TimelineEntry::actor, TimelineEntry::step)
                    .containsExactly(Instant.parse("2026-11-27T03:00:00Z"), REVIEWER, "approved"));
        }

        @Test
        void theNewStepsCannotBeChangedFromOutside() {
            Application application = aSubmittedApplication();

            assertThatThrownBy(() -> application.newSteps().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThat(application.newSteps()).hasSize(1);
        }

        @Test
        void theNewDecisionIsTheDenialWhenTheApplicationWasDenied() {
            Application application = aDeniedApplication();
            application.deliver(CLERK, LATER);

            assertThat(application.newDecision()).hasValueSatisfying(decision -> assertThat(decision)
                    .extracting(TimelineEntry::actor, TimelineEntry::step, TimelineEntry::stateAfter, TimelineEntry::reasons)
                    .containsExactly(REVIEWER, "denied", DENIED, words("the premises are not zoned for food")));
        }

        @Test
        void theNewDecisionIsTheApprovalOfTheRules() {
            Application application = anApplicationLoadedIn(UNDER_REVIEW);

            application.approve(Application.AUTOMATIC, List.of("all conditions met"), DEFAULT_FOUR_EYES, LATER);

            assertThat(application.newDecision()).hasValueSatisfying(decision ->
                    assertThat(decision.actor()).isEqualTo(Application.AUTOMATIC));
        }

        @Test
        void thereIsNoNewDecisionWhenNoneWasTakenSinceLoading() {
            Application delivered = anApplicationLoadedIn(APPROVED);
            delivered.deliver(CLERK, LATER);
            Application underReview = anApplicationUnderReview();
            underReview.referToStaff(List.of(RULE_3), LATER);
            underReview.giveOpinion(REVIEWER, true, true, List.of("in order"), LATER);

            assertThat(delivered.newDecision()).isEmpty();
            assertThat(underReview.newDecision()).isEmpty();
        }
    }

    @Nested
    @DisplayName("identity and version")
    class IdentityAndVersion {

        @Test
        void theIdentityAndTheVersionAreKeptThroughEveryStep() {
            UUID id = UUID.fromString("3f1b6c9e-0d2a-4e55-9a71-2c4d8e6f0a13");
            Application application = anApplicationLoadedIn(UNDER_REVIEW, id, 7);

            application.returnForCorrection(REVIEWER, List.of("floor plan"), on(ACCEPTANCE_DAY.plusDays(1)));
            application.answerCorrection(APPLICANT, CORRECTED_FORM, on(ACCEPTANCE_DAY.plusDays(3)), CALENDAR);
            application.approve(REVIEWER, List.of(), DEFAULT_FOUR_EYES, LATER);
            application.deliver(CLERK, LATER);
            application.close(CLERK, LATER);

            assertThat(application).extracting(Application::id, Application::version, Application::number, Application::itemCode,
                    Application::itemVersion, Application::regionCode, Application::applicant, Application::submittedBy,
                    Application::channel, Application::promisedDays, Application::acceptedOn)
                    .containsExactly(id, 7, NUMBER, ITEM, ITEM_VERSION, REGION, APPLICANT, FILED_BY, SubmissionChannel.PROXY,
                            PROMISED_DAYS, ACCEPTANCE_DAY);
            assertThat(application.state()).isEqualTo(CLOSED);
        }

        @Test
        void aNewApplicationStartsAtVersionZeroWithAnIdentityOfItsOwn() {
            Application one = aSubmittedApplication();
            Application another = aSubmittedApplication();

            assertThat(one.id()).isNotNull().isNotEqualTo(another.id());
            assertThat(one).extracting(Application::version, Application::state, Application::acceptedOn, Application::pausedSince,
                    Application::pausedWorkingDays).containsExactly(0, SUBMITTED, null, null, 0);
            assertThat(one).extracting(Application::number, Application::itemCode, Application::itemVersion, Application::regionCode,
                    Application::applicant, Application::submittedBy, Application::channel, Application::promisedDays, Application::form)
                    .containsExactly(NUMBER, ITEM, ITEM_VERSION, REGION, APPLICANT, FILED_BY, SubmissionChannel.PROXY, PROMISED_DAYS, FORM);
        }

        @Test
        void theFormIsTheApplicationsOwnCopy() {
            Map<String, Object> filled = new HashMap<>(FORM);
            Application application = Application.submit(NUMBER, ITEM, ITEM_VERSION, REGION, APPLICANT, FILED_BY,
                    SubmissionChannel.PROXY, PROMISED_DAYS, filled, on(SUBMISSION_DAY));

            filled.put("shopName", "changed afterwards");

            assertThat(application.form()).isEqualTo(FORM);
            assertThatThrownBy(() -> application.form().put("shopName", "changed")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aLoadedApplicationKeepsWhatWasStored() {
            UUID id = UUID.randomUUID();
            Application application = new Application(id, NUMBER, ITEM, ITEM_VERSION, REGION, APPLICANT, FILED_BY,
                    SubmissionChannel.PROXY, PROMISED_DAYS, FORM, RETURNED_FOR_CORRECTION, ACCEPTANCE_DAY,
                    ACCEPTANCE_DAY.plusDays(2), 3, 11);

            assertThat(application).extracting(Application::id, Application::version, Application::state, Application::acceptedOn,
                    Application::pausedSince, Application::pausedWorkingDays)
                    .containsExactly(id, 11, RETURNED_FOR_CORRECTION, ACCEPTANCE_DAY, ACCEPTANCE_DAY.plusDays(2), 3);
            assertThat(application.timeLimit().dueOn(CALENDAR)).isEqualTo(CALENDAR.addWorkingDays(ACCEPTANCE_DAY, PROMISED_DAYS + 3));
        }
    }
}
