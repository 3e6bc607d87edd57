package org.onewindow.casework.decision;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.operaton.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;

/**
 * Post decision-table evaluation listener. The DMN engine (and so this listener) is shared by all
 * threads, but a table is evaluated synchronously in the caller's thread: a ThreadLocal hands
 * the events of one evaluation back to the caller.
 */
final class MatchedRulesCapture implements DmnDecisionTableEvaluationListener {

    private final ThreadLocal<List<DmnDecisionTableEvaluationEvent>> events = new ThreadLocal<>();

    void begin() {
        events.set(new ArrayList<>());
    }

    List<DmnDecisionTableEvaluationEvent> end() {
        List<DmnDecisionTableEvaluationEvent> captured = events.get();
        events.remove();
        return captured == null ? List.of() : captured;
    }

    @Override
    public void notify(DmnDecisionTableEvaluationEvent event) {
        List<DmnDecisionTableEvaluationEvent> captured = events.get();
        if (captured != null) {
            captured.add(event);
        }
    }
}
