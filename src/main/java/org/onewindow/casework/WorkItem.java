package org.onewindow.casework;

import java.time.LocalDate;
import org.onewindow.catalog.LocalizedText;

/**
 * One thing the office has to do on an application: its number, the item, where it stands, the
 * step the office takes next ("acceptance", "review", "countersign", "decision", "delivery",
 * "closure"), the promised completion date (null before acceptance), the process task behind it
 * (null for delivery and closure, which follow the process), who took it (null while nobody has),
 * whom it serves (the applicant's name, masked) and how it came in.
 */
public record WorkItem(String applicationNumber, String itemCode, LocalizedText itemName, ApplicationState state, String step,
                       LocalDate dueOn, String taskId, String claimedBy, String applicantName, SubmissionChannel channel) {
}
