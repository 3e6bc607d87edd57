package org.onewindow.casework;

/** The result of a submission: the application, and whether this call created it or found an earlier try. */
public record Submission(ApplicationView application, boolean created) {
}
