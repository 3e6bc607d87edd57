package org.onewindow.casework;

import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a decision table concluded about one application, kept as evidence: the inputs it saw,
 * the version of the table, every rule that fired and the outcome. The outcome is APPROVE or
 * REFER (to a person); a table can never deny.
 */
public record InstantDecision(String tableKey, String tableVersion, Map<String, Object> inputs, List<FiredRule> firedRules,
                              Outcome outcome) {

    public enum Outcome { APPROVE, REFER }

    public InstantDecision {
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        firedRules = List.copyOf(firedRules);
    }

    public boolean approved() {
        return outcome == Outcome.APPROVE;
    }
}
