package org.onewindow.casework;

import java.time.Instant;

/** An application came in, in any channel; the region is where it is handled, the applicant the person it is for. */
public record ApplicationSubmitted(String number, String itemCode, String regionCode, String applicant, String submittedBy,
                                   SubmissionChannel channel, Instant at) {
}
