package org.onewindow.casework;

import java.time.Instant;

/** A document handed in with an application, without its content. */
public record MaterialSummary(String materialCode, String fileName, String contentType, int sizeBytes, String sha256,
                              Instant uploadedAt) {
}
