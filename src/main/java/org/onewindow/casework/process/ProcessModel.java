package org.onewindow.casework.process;

import java.time.Instant;

/** A deployed version of an application process. Running applications stay on the version they started on. */
public record ProcessModel(String key, String name, int version, String deploymentId, Instant deployedAt) {
}
