/**
 * Instant approval: the DMN decision tables (Operaton, FEEL) and the policy that approves a clear
 * case at once or refers it to a person, always saying why; it never denies.
 */
@ApplicationModule(displayName = "Casework :: Instant decisions")
package org.onewindow.casework.decision;

import org.springframework.modulith.ApplicationModule;
