package org.onewindow.shared.ledger;

import java.util.List;

/**
 * What the verification of one chain found: how many rows it walked, up to which position the
 * chain is signed, and every break, each naming its row.
 */
public record ChainReport(String chain, String table, long rows, long headPosition, long sealedUpTo, List<Finding> findings) {

    public ChainReport {
        findings = List.copyOf(findings);
    }

    public boolean intact() {
        return findings.isEmpty();
    }

    /** What is wrong with one row or seal of the chain. */
    public enum Kind {
        /** The row's content no longer gives the hash it was written with: a column was changed. */
        CHANGED,
        /** Positions of the chain have no row: rows were deleted. */
        MISSING,
        /** The row was chained after another row than the one it now follows: rows were moved. */
        REORDERED,
        /** The row's link to its predecessor is broken and no row of the chain carries the hash it names. */
        BROKEN_LINK,
        /** The chain's head is not its last row. */
        HEAD_MISMATCH,
        /** A signed head names a hash the row at its position does not carry (or that row is gone). */
        SEAL_MISMATCH,
        /** A signed head's signature does not verify with the platform's verification key. */
        SEAL_FORGED
    }

    /** One break: its kind, the row's id and position in the chain (null where there is none), and what is wrong in words. */
    public record Finding(Kind kind, Long rowId, Long position, String description) {
    }
}
