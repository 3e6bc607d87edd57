package org.onewindow.casework.decision;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.casework.FiredRule;
import org.onewindow.casework.InstantDecision;
import org.onewindow.casework.casefile.ApplicationStore;
import org.onewindow.casework.model.Application;
import org.onewindow.catalog.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * Instant approval (秒批): an item's decision table looks at a new application and either
 * approves it at once or refers it to a person, and either way says why in plain words. It never
 * denies. The process runs it at its instant-approval step, in the submission's transaction.
 */
@Component
public class InstantApprovalPolicy {

    static final LocalizedText NO_RULE_APPLIED = new LocalizedText("没有一条即时办结规则适用，由工作人员审查。",
            "No instant-approval rule applied, so a member of staff checks the application.");

    private final DecisionTables tables;
    private final ApplicationStore applications;
    private final Clock clock;

    InstantApprovalPolicy(DecisionTables tables, ApplicationStore applications, Optional<Clock> clock) {
        this.tables = tables;
        this.applications = applications;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Decides with the table and records the outcome on the application: approved, or referred to staff. */
    public InstantDecision decide(Application a, String table) {
        Map<String, Object> facts = new HashMap<>(a.form());
        if (tables.needsHeldResults(table)) {
            facts.put(DecisionTables.HELD_RESULTS, applications.heldResults(a.applicant()));
        }
        InstantDecision decision = tables.decide(table, facts);
        List<LocalizedText> reasons = decision.firedRules().stream()
                .filter(rule -> decision.approved() || !"APPROVE".equals(rule.outcome()))
                .map(FiredRule::explanation).filter(text -> !text.zh().isBlank() || !text.en().isBlank()).toList();
        if (decision.approved()) {
            a.approveAtOnce(reasons, clock);
        } else {
            a.referToStaff(reasons.isEmpty() ? List.of(NO_RULE_APPLIED) : reasons, clock);
        }
        return decision;
    }
}
