package org.onewindow.casework;

/** A document held on the platform and the application it came with: what its holder need not hand in again. */
public record HeldDocument(String applicationNumber, MaterialSummary document) {
}
