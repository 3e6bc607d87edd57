package org.onewindow.casework.process;

import java.util.Optional;
import java.util.function.Function;
import org.onewindow.casework.InstantDecision;
import org.onewindow.casework.model.Application;

/**
 * Handed to a starting process as a transient variable: the application being submitted and
 * what to do when the process reaches its instant-approval step. The result stays here for the
 * caller, in the same transaction.
 */
public final class InstantCheck {

    static final String VARIABLE = "instantCheck";

    private final Application application;
    private final Function<Application, InstantDecision> decide;
    private InstantDecision decision;

    public InstantCheck(Application application, Function<Application, InstantDecision> decide) {
        this.application = application;
        this.decide = decide;
    }

    InstantDecision run() {
        decision = decide.apply(application);
        return decision;
    }

    public Optional<InstantDecision> decision() {
        return Optional.ofNullable(decision);
    }
}
