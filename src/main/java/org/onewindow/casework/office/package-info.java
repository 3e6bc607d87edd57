/**
 * The office: the worklist and task list, taking and handing over tasks, one-window acceptance
 * for any department, and every office step (accept, return for correction, refuse, review, give
 * an opinion, decide, deliver, close) with its guards: role, region, responsible department, four eyes.
 */
@ApplicationModule(displayName = "Casework :: Office")
package org.onewindow.casework.office;

import org.springframework.modulith.ApplicationModule;
