package org.onewindow.casework.process;

import java.util.Optional;
import org.onewindow.casework.InstantDecision;
import org.onewindow.casework.model.Application;

/**
 * Handed to a starting process as a transient variable: the application being submitted and the
 * decision table its item's procedure names (null for none). When the process reaches its
 * instant-approval step, the policy decides and the result stays here for the submission, in the
 * same transaction.
 */
final class InstantCheck {

    static final String VARIABLE = "instantCheck";

    private final Application application;
    private final String table;
    private InstantDecision decision;

    InstantCheck(Application application, String table) {
        this.application = application;
        this.table = table;
    }

    Application application() {
        return application;
    }

    Optional<String> table() {
        return Optional.ofNullable(table);
    }

    void decided(InstantDecision decision) {
        this.decision = decision;
    }

    Optional<InstantDecision> decision() {
        return Optional.ofNullable(decision);
    }
}
