package org.onewindow.casework;

import java.time.Instant;
import java.util.List;

/** One step of an application, as the applicant sees it: who did what, when, and why. */
public record TimelineEntry(Instant at, String actor, String step, ApplicationState stateAfter, List<String> reasons) {

    public TimelineEntry {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
