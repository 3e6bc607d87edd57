package org.onewindow.casework.tracking;

import java.time.Instant;
import java.time.LocalDate;
import org.onewindow.casework.ApplicationState;
import org.onewindow.catalog.LocalizedText;

/**
 * Where an application stands, as anyone holding its receipt may see it: the service, whom it
 * serves (the name masked, nothing else of the person), its state, the promised date once it is
 * accepted (else null), and the latest step with when it was taken (no names of staff).
 */
public record TrackedApplication(String number, LocalizedText itemName, String maskedName, ApplicationState state, LocalDate dueOn,
                                 String latestStep, Instant latestStepAt) {
}
