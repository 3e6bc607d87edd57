package org.onewindow.casework.model;

import java.util.Set;
import org.onewindow.shared.ConflictException;

/**
 * Four eyes (双人复核): whether a decision must come from someone other than the people who took
 * the earlier steps of the case (filed it, accepted it, gave its first review). Set per item with
 * its procedure; the default holds where nothing is set.
 */
public enum FourEyes {
    /** The default: every denial, and every decision on an item that charges a fee. */
    DENIALS_AND_FEES,
    /** Every decision, approvals of free items included. */
    EVERY_DECISION,
    /** No second person is required (a province's choice for an item, recorded in the audit trail). */
    OFF;

    /** The steps whose actor may not decide where the rule holds, besides whoever filed the case. */
    public static final Set<String> EARLIER_STEPS = Set.of("accepted", "reviewed");

    /** Whether this decision needs a second person. */
    public boolean appliesTo(boolean approve, boolean charged) {
        return switch (this) {
            case DENIALS_AND_FEES -> !approve || charged;
            case EVERY_DECISION -> true;
            case OFF -> false;
        };
    }

    /**
     * The rule as it holds for one case: the item's setting, whether the item charges a fee, and
     * who took the earlier steps as the stored timeline has them.
     */
    public record Check(FourEyes rule, boolean charged, Set<String> earlierHands) {

        public Check {
            earlierHands = Set.copyOf(earlierHands);
        }

        /** No second person required. */
        public static Check off() {
            return new Check(OFF, false, Set.of());
        }

        /**
         * Whether the actor may take this decision: where the rule holds, nobody who filed the case
         * (for themselves, for someone, at a window) or took an earlier step, stored or taken since
         * the case was loaded, decides it. The office pages ask before they offer the button.
         */
        public boolean allows(String actor, boolean approve, Application a) {
            if (!rule.appliesTo(approve, charged)) {
                return true;
            }
            return !a.isApplicantSide(actor) && !earlierHands.contains(actor)
                    && a.newSteps().stream().noneMatch(step -> EARLIER_STEPS.contains(step.step()) && step.actor().equals(actor));
        }

        /** Refuses (409, nothing changed) a decision the rule does not allow this actor. */
        public void require(String actor, boolean approve, Application a) {
            if (!allows(actor, approve, a)) {
                throw new ConflictException("application.four-eyes", actor);
            }
        }
    }
}
