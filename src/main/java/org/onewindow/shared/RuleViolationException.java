package org.onewindow.shared;

import java.util.List;

/**
 * A request that breaks a rule of the domain (for example a local implementation that asks
 * for more days than the province's standard). Answered with 422 and one entry per broken
 * rule, each naming the field and the rule.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT)
public class RuleViolationException extends RuntimeException {

    private final List<Violation> violations;

    public RuleViolationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.rule()).toList().toString());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule violation needs at least one violated rule");
        }
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One broken rule: the field it concerns, a stable rule code, and the message to show. */
    public record Violation(String field, String rule, String messageKey, Object... args) {
        public static Violation of(String field, String rule, Object... args) {
            return new Violation(field, rule, "rule." + rule, args);
        }
    }
}
