package org.onewindow.shared;

import java.util.Objects;

/**
 * An identifier (ID number, credit code, phone number, ...) broke one of the rules of its standard.
 *
 * <p>{@link #rule()} is a stable code such as {@code id-number.check-digit}: clients and tests may
 * branch on it, so a rule code is never renamed. {@link #messageKey()} is the i18n key under which
 * the citizen-facing explanation of that rule is kept.
 *
 * <p>The offending value is deliberately not part of this exception: identifiers are personal data,
 * and exception messages end up in logs and error reports.
 */
public class InvalidIdentifierException extends RuntimeException {

    private static final String MESSAGE_KEY_PREFIX = "identifier.";

    private final String rule;
    private final transient Object[] messageArgs;

    public InvalidIdentifierException(String rule, Object... messageArgs) {
        super("Identifier breaks rule " + Objects.requireNonNull(rule, "rule"));
        this.rule = rule;
        this.messageArgs = messageArgs == null ? new Object[0] : messageArgs.clone();
    }

    /** The stable code of the first rule the value broke, e.g. {@code id-number.check-digit}. */
    public String rule() {
        return rule;
    }

    /** The i18n key of the explanation, e.g. {@code identifier.id-number.check-digit}. */
    public String messageKey() {
        return MESSAGE_KEY_PREFIX + rule;
    }

    /** Arguments for the message under {@link #messageKey()}; a copy, so callers cannot alter it. */
    public Object[] messageArgs() {
        return messageArgs.clone();
    }
}
