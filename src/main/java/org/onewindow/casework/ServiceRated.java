package org.onewindow.casework;

import java.time.Instant;

/** The applicant rated the service of a closed application, 1 (very bad) to 5 (very good); a bad one is followed up. */
public record ServiceRated(String number, String itemCode, String regionCode, int score, boolean followUp, Instant at) {
}
