package org.onewindow.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands. Waiting for the applicant (returned for correction) stops the
 * clock; a decision can only be taken on an accepted application under review.
 */
public enum ApplicationState {
    SUBMITTED, RETURNED_FOR_CORRECTION, NOT_ACCEPTED, ACCEPTED, UNDER_REVIEW, APPROVED, DENIED, DELIVERED, CLOSED, WITHDRAWN;

    public Set<ApplicationState> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(ACCEPTED, RETURNED_FOR_CORRECTION, NOT_ACCEPTED, WITHDRAWN);
            case RETURNED_FOR_CORRECTION -> EnumSet.of(SUBMITTED, UNDER_REVIEW, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(UNDER_REVIEW, RETURNED_FOR_CORRECTION, WITHDRAWN);
            case UNDER_REVIEW -> EnumSet.of(APPROVED, DENIED, RETURNED_FOR_CORRECTION, WITHDRAWN);
            case APPROVED, DENIED -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(CLOSED);
            case NOT_ACCEPTED, CLOSED, WITHDRAWN -> EnumSet.noneOf(ApplicationState.class);
        };
    }

    public boolean isDecided() {
        return this == APPROVED || this == DENIED || this == DELIVERED || this == CLOSED;
    }

    /** The office's clock runs only while the application is in the office's hands. */
    public boolean clockRuns() {
        return this == ACCEPTED || this == UNDER_REVIEW;
    }
}
