package org.onewindow.casework.process;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.onewindow.casework.InstantDecision;
import org.onewindow.casework.decision.InstantApprovalPolicy;
import org.springframework.stereotype.Component;

/**
 * The service task {@code ${instantApproval}} of the application processes: it has the
 * {@link InstantApprovalPolicy} decide the application the submission handed in, and leaves
 * {@code instantOutcome} (APPROVE or REFER) for the gateway, as a transient variable: it matters
 * only for that one decision, and the evidence is kept in {@code automatic_decision}. Without a
 * table, or when a process is started any other way, the case goes to a person.
 */
@Component("instantApproval")
class InstantApprovalStep implements JavaDelegate {

    private final InstantApprovalPolicy policy;

    InstantApprovalStep(InstantApprovalPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InstantDecision decision = null;
        if (execution.getTransientVariable(InstantCheck.VARIABLE) instanceof InstantCheck check && check.table().isPresent()) {
            decision = policy.decide(check.application(), check.table().get());
            check.decided(decision);
        }
        boolean approved = decision != null && decision.approved();
        execution.setTransientVariable("instantOutcome", (approved ? InstantDecision.Outcome.APPROVE : InstantDecision.Outcome.REFER).name());
    }
}
