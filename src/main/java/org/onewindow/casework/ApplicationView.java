package org.onewindow.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.onewindow.catalog.LocalizedText;

/**
 * An application as its applicant and the office see it: where it stands, by when, and every step
 * so far; when instant-approval rules looked at it, what they saw and concluded (else null).
 */
public record ApplicationView(String number, String itemCode, LocalizedText itemName, String regionCode, String applicant,
                              String submittedBy, SubmissionChannel channel, ApplicationState state, LocalDate acceptedOn,
                              LocalDate dueOn, int pausedWorkingDays, Map<String, Object> form, List<MaterialSummary> materials,
                              List<TimelineEntry> timeline, InstantDecision automaticDecision) {
}
