/**
 * Applying: a new application in every channel (online, at a window through a clerk, by a proxy,
 * a whole life event at once), and what the applicant does with it afterwards (follow it, answer a
 * correction, hand in or reuse documents, withdraw). Implements the module's facade
 * {@link org.onewindow.casework.CaseworkService}; its pages are /items/{code}/apply and /applications.
 */
@ApplicationModule(displayName = "Casework :: Applying")
package org.onewindow.casework.application;

import org.springframework.modulith.ApplicationModule;
