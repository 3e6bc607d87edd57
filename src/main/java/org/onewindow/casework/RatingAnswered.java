package org.onewindow.casework;

import java.time.Instant;

/** A supervisor answered the bad rating of an application: whoever rated it should hear of it. */
public record RatingAnswered(String number, String itemCode, String applicant, String submittedBy, SubmissionChannel channel,
                             Instant at) {
}
