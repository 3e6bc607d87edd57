package org.onewindow.casework;

import java.time.Instant;

/**
 * An application was approved or denied: by whom (a person, or the rules when {@code automatic}),
 * and when. A certificate follows an approval; the indicators count both.
 */
public record ApplicationDecided(String number, String itemCode, String regionCode, String applicant, boolean approved,
                                 String decidedBy, boolean automatic, Instant at) {
}
