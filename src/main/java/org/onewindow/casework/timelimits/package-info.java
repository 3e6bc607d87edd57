/**
 * Time limits: the stored due and at-risk dates kept true to the working calendar, the calendar's
 * administration, the morning alerts, and what supervisors watch (late applications, indicators).
 */
@ApplicationModule(displayName = "Casework :: Time limits and supervision")
package org.onewindow.casework.timelimits;

import org.springframework.modulith.ApplicationModule;
