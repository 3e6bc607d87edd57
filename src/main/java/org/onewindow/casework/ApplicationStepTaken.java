package org.onewindow.casework;

import java.time.Instant;

/** A step of an application was recorded: the people it concerns should hear of it. */
public record ApplicationStepTaken(String number, String itemCode, String applicant, String submittedBy, SubmissionChannel channel,
                                   String step, ApplicationState stateAfter, Instant at) {
}
