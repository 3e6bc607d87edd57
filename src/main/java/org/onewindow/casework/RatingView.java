package org.onewindow.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** How the applicant rated the service, and the supervisor's answer to a bad rating. */
public record RatingView(String applicationNumber, int score, List<String> reasons, Instant ratedAt, LocalDate followUpDue,
                         String answer, String answeredBy, Instant answeredAt) {

    public boolean awaitsAnswer() {
        return followUpDue != null && answer == null;
    }
}
