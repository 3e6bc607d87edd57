/**
 * Following an application without an account: the window's receipt carries the application
 * number and a random tracking code, and whoever holds both sees where the application stands on
 * a public page (or the API), with nothing personal but the applicant's masked name. A wrong
 * number or code gets the same answer as a number nobody was given; the code is stored hashed.
 */
@ApplicationModule(displayName = "Casework :: Tracking")
package org.onewindow.casework.tracking;

import org.springframework.modulith.ApplicationModule;
