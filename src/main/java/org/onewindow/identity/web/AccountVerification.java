package org.onewindow.identity.web;

import org.onewindow.identity.internal.PersonRecords.Verification;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;

/** What asking to be verified came to, as the answer the person gets when it did not succeed. */
final class AccountVerification {

    private AccountVerification() {
    }

    static void require(Verification outcome) {
        switch (outcome) {
            case VERIFIED, ALREADY_VERIFIED -> {
            }
            // the register does not say which of the three did not match: neither do we
            case NO_MATCH -> throw new RuleViolationException(Violation.of("identity", "verification.no-match"));
            case PHONE_REQUIRED -> throw new RuleViolationException(Violation.of("phone", "verification.phone-required"));
            case REGISTER_UNAVAILABLE -> throw new RuleViolationException(Violation.of("identity", "verification.register-unavailable"));
            case NOT_A_PERSON -> throw new RuleViolationException(Violation.of("identity", "verification.not-a-person"));
            case HELD_BY_ANOTHER_ACCOUNT -> throw new ConflictException("verification.held-by-another-account");
        }
    }
}
