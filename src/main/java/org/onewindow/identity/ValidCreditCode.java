package org.onewindow.identity;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated text must be a unified social credit code (GB 32100), by the same rules as
 * {@link UnifiedSocialCreditCode#parse(String)}.
 *
 * <p>A violation's message template names the first rule broken, e.g.
 * {@code {identifier.credit-code.format}}, unless {@link #message()} is set. Null and blank values are
 * valid: add {@code @NotBlank} when the field is required.
 */
@Documented
@Constraint(validatedBy = ValidCreditCode.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidCreditCode {

    String DEFAULT_MESSAGE = "{identifier.credit-code.invalid}";

    String message() default DEFAULT_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator extends IdentifierConstraintValidator<ValidCreditCode> {

        public Validator() {
            super(DEFAULT_MESSAGE, UnifiedSocialCreditCode::parse);
        }

        @Override
        public void initialize(ValidCreditCode constraint) {
            useMessage(constraint.message());
        }
    }
}
