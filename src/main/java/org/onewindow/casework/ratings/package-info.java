/**
 * Good/bad review (好差评): the applicant rates a closed application once; a bad rating opens a
 * follow-up the region's supervisor answers within five working days.
 */
@ApplicationModule(displayName = "Casework :: Ratings")
package org.onewindow.casework.ratings;

import org.springframework.modulith.ApplicationModule;
