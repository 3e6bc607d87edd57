package org.onewindow.casework;

import java.time.Instant;

/**
 * An application reached its end: closed after its result was delivered, withdrawn by the
 * applicant or not accepted. Only a closed one can be rated.
 */
public record ApplicationClosed(String number, String itemCode, String regionCode, String applicant, ApplicationState finalState,
                                Instant at) {
}
