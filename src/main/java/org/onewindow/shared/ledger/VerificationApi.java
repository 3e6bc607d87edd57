package org.onewindow.shared.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For auditors (supervisors): whether the audit trail, the timelines and every other chained log are as they were written. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "Verification of the append-only, hash-chained records")
class VerificationApi {

    private final HashChains chains;
    private final SealingKey key;
    private final Clock clock;

    VerificationApi(HashChains chains, SealingKey key, Optional<Clock> clock) {
        this.chains = chains;
        this.key = key;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The answer: every chain's report, and the key the signed heads were checked with. */
    record Verification(Instant verifiedAt, boolean intact, String verificationKeyId, String verificationKey, List<ChainReport> chains) {
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute every chained log: changed, deleted or reordered rows and signed heads that do not match, "
            + "each named by chain, row id and position (supervisors)")
    Verification verify() {
        List<ChainReport> reports = chains.verifyAll();
        return new Verification(clock.instant(), reports.stream().allMatch(ChainReport::intact), key.id(), key.verificationKeyBase64(),
                reports);
    }
}
