package org.onewindow.identity;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.function.Consumer;
import org.onewindow.shared.InvalidIdentifierException;

/**
 * Checks a request field with an identifier's own {@code parse}, so that a form and the domain can
 * never disagree about what is valid, and reports the broken rule as the message template
 * {@code {identifier.<rule>}}; the rule code can be read back from
 * {@code ConstraintViolation.getMessageTemplate()}.
 *
 * <p>Null and blank values pass: whether a field is required is {@code @NotBlank}'s call, and
 * reporting it twice would show the citizen two messages for one empty field.
 */
abstract class IdentifierConstraintValidator<A extends Annotation>
        implements ConstraintValidator<A, CharSequence> {

    private final String defaultMessage;
    private final Consumer<String> parser;
    private String message;

    IdentifierConstraintValidator(String defaultMessage, Consumer<String> parser) {
        this.defaultMessage = defaultMessage;
        this.parser = parser;
        this.message = defaultMessage;
    }

    /** Called from {@code initialize} with the annotation's {@code message()}. */
    final void useMessage(String message) {
        this.message = message;
    }

    @Override
    public final boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || value.toString().isBlank()) {
            return true;
        }
        try {
            parser.accept(value.toString());
            return true;
        } catch (InvalidIdentifierException broken) {
            // A message set on the annotation by the DTO's author wins over the per-rule one.
            if (defaultMessage.equals(message)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{" + broken.messageKey() + "}")
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
