package org.onewindow.casework.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onewindow.casework.model.ApplicationFixture.ACCEPTANCE_DAY;
import static org.onewindow.casework.model.ApplicationFixture.CLERK;
import static org.onewindow.casework.model.ApplicationFixture.DEFAULT_FOUR_EYES;
import static org.onewindow.casework.model.ApplicationFixture.FILED_BY;
import static org.onewindow.casework.model.ApplicationFixture.REVIEWER;
import static org.onewindow.casework.model.ApplicationFixture.anApplicationUnderReview;
import static org.onewindow.casework.model.ApplicationFixture.anApplicationLoadedIn;
import static org.onewindow.casework.model.ApplicationFixture.on;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.ApplicationState;
import org.onewindow.shared.ConflictException;

/**
 * Four eyes in the aggregate: who took an earlier step of a case (filed it, accepted it, gave the
 * first review) does not take a decision the item's rule reserves for a second person, and a
 * refused decision changes nothing.
 */
class FourEyesRulesTest {

    private static final Clock LATER = on(ACCEPTANCE_DAY.plusDays(1));
    private static final String SECOND_HANDLER = "staff:second-handler";

    @Test
    void theClerkWhoAcceptedAnApplicationCannotDecideIt() {
        Application accepted = anApplicationUnderReview();

        assertFourEyesRefused(() -> accepted.deny(CLERK, List.of("not zoned"), DEFAULT_FOUR_EYES, LATER), CLERK);
        assertFourEyesRefused(() -> accepted.approve(CLERK, List.of(), everyDecision(Set.of()), LATER), CLERK);
        assertThat(accepted.state()).isEqualTo(ApplicationState.UNDER_REVIEW);
        assertThat(accepted.newSteps()).extracting(step -> step.step()).doesNotContain("approved", "denied");
    }

    @Test
    void theOneWhoAcceptedAStoredCaseCannotDecideItEither() {
        // loaded from the database: who accepted it comes from the stored timeline, not from steps taken since
        Application loaded = anApplicationLoadedIn(ApplicationState.UNDER_REVIEW);

        assertFourEyesRefused(() -> loaded.deny(CLERK, List.of("not zoned"), defaultRule(false, Set.of(CLERK)), LATER), CLERK);
        loaded.deny(SECOND_HANDLER, List.of("not zoned"), defaultRule(false, Set.of(CLERK)), LATER);
        assertThat(loaded.state()).isEqualTo(ApplicationState.DENIED);
    }

    @Test
    void whoFiledTheApplicationCannotDecideIt() {
        Application filed = anApplicationUnderReview();

        assertFourEyesRefused(() -> filed.deny(FILED_BY, List.of("no"), DEFAULT_FOUR_EYES, LATER), FILED_BY);
    }

    @Test
    void aDenialNeedsASecondHandlerByDefault() {
        Application a = anApplicationLoadedIn(ApplicationState.UNDER_REVIEW);
        FourEyes.Check acceptedByTheDecider = defaultRule(false, Set.of(REVIEWER));

        assertThat(acceptedByTheDecider.allows(REVIEWER, false, a)).isFalse();
        assertThat(acceptedByTheDecider.allows(REVIEWER, true, a)).isTrue();
        assertThat(acceptedByTheDecider.allows(SECOND_HANDLER, false, a)).isTrue();
        assertFourEyesRefused(() -> a.deny(REVIEWER, List.of("not zoned"), acceptedByTheDecider, LATER), REVIEWER);
        // an approval of a free item is the decider's alone
        a.approve(REVIEWER, List.of("all in order"), acceptedByTheDecider, LATER);
        assertThat(a.state()).isEqualTo(ApplicationState.APPROVED);
    }

    @Test
    void anItemWithAFeeNeedsASecondPersonForAnApprovalToo() {
        Application a = anApplicationLoadedIn(ApplicationState.UNDER_REVIEW);

        assertFourEyesRefused(() -> a.approve(REVIEWER, List.of(), defaultRule(true, Set.of(REVIEWER)), LATER), REVIEWER);
        a.approve(SECOND_HANDLER, List.of(), defaultRule(true, Set.of(REVIEWER)), LATER);
        assertThat(a.state()).isEqualTo(ApplicationState.APPROVED);
    }

    @Test
    void anItemWhoseRuleIsOffLetsTheOneWhoAcceptedDecide() {
        Application a = anApplicationLoadedIn(ApplicationState.UNDER_REVIEW);

        a.deny(REVIEWER, List.of("not zoned"), new FourEyes.Check(FourEyes.OFF, true, Set.of(REVIEWER)), LATER);
        assertThat(a.state()).isEqualTo(ApplicationState.DENIED);
    }

    private static FourEyes.Check defaultRule(boolean charged, Set<String> earlierHands) {
        return new FourEyes.Check(FourEyes.DENIALS_AND_FEES, charged, earlierHands);
    }

    private static FourEyes.Check everyDecision(Set<String> earlierHands) {
        return new FourEyes.Check(FourEyes.EVERY_DECISION, false, earlierHands);
    }

    private static void assertFourEyesRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable decision, String actor) {
        assertThatThrownBy(decision).isInstanceOfSatisfying(ConflictException.class, refused -> {
            assertThat(refused.rule()).isEqualTo("application.four-eyes");
            assertThat(refused.args()).containsExactly(actor);
        });
    }
}
