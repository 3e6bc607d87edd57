package org.onewindow.casework.process;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.onewindow.casework.InstantDecision;
import org.springframework.stereotype.Component;

/**
 * The service task {@code ${instantApproval}} of the application processes: it runs the item's
 * decision table through the {@link InstantCheck} the submission handed in, and leaves
 * {@code instantOutcome} (APPROVE or REFER) for the gateway, as a transient variable: it
 * matters only for that one decision, and the evidence is kept in {@code automatic_decision}. Without a table, or when a process
 * is started any other way, the case goes to a person.
 */
@Component("instantApproval")
class InstantApprovalStep implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Object check = execution.getTransientVariable(InstantCheck.VARIABLE);
        InstantDecision decision = check instanceof InstantCheck instant ? instant.run() : null;
        boolean approved = decision != null && decision.approved();
        execution.setTransientVariable("instantOutcome", (approved ? InstantDecision.Outcome.APPROVE : InstantDecision.Outcome.REFER).name());
    }
}
