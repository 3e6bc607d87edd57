package org.onewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.hibernate.validator.resourceloading.PlatformResourceBundleLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdentifierConstraintsTest {

    private static final String VALID_CODE = "91350100M000100Y43";
    private static final String VALID_PHONE = "13812345678";

    record Application(
            @ValidResidentIdNumber String idNumber,
            @ValidMobilePhone String phone,
            @ValidCreditCode String employerCode) {
    }

    record Registration(@NotBlank @ValidResidentIdNumber String idNumber) {
    }

    record Contacts(List<@ValidMobilePhone String> phones) {
    }

    record Complaint(@ValidMobilePhone(message = "{complaint.phone}") String phone) {
    }

    private static ValidatorFactory chinese;
    private static ValidatorFactory english;

    @BeforeAll
    static void buildValidators() {
        chinese = validatorFactoryIn(Locale.SIMPLIFIED_CHINESE);
        english = validatorFactoryIn(Locale.ENGLISH);
    }

    @AfterAll
    static void closeValidators() {
        chinese.close();
        english.close();
    }

    /** Messages from i18n/identity in a fixed locale, whatever the build machine's locale is. */
    private static ValidatorFactory validatorFactoryIn(Locale locale) {
        MessageInterpolator bundle =
                new ResourceBundleMessageInterpolator(new PlatformResourceBundleLocator("i18n/identity"));
        MessageInterpolator inLocale = new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return bundle.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return bundle.interpolate(template, context, locale);
            }
        };
        return Validation.byDefaultProvider().configure().messageInterpolator(inLocale).buildValidatorFactory();
    }

    private static <T> Set<ConstraintViolation<T>> violations(ValidatorFactory factory, T bean) {
        Validator validator = factory.getValidator();
        return validator.validate(bean);
    }

    @Test
    void acceptsValidIdentifiersAsTyped() {
        Application application =
                new Application(" 11010519491231002x", "+86 138 1234 5678", "91350100m000100y43");

        assertThat(violations(chinese, application)).isEmpty();
    }

    @Test
    void leavesMissingValuesToNotBlank() {
        assertThat(violations(chinese, new Application(null, null, null))).isEmpty();
        assertThat(violations(chinese, new Application("", " ", "\u3000"))).isEmpty();
    }

    @Test
    void reportsAMissingRequiredNumberOnceOnly() {
        assertThat(violations(chinese, new Registration(" ")))
                .singleElement()
                .extracting(ConstraintViolation::getMessageTemplate)
                .isEqualTo("{jakarta.validation.constraints.NotBlank.message}");
    }

    @Test
    void namesTheFieldAndTheBrokenRule() {
        Application wrongCheckDigit = new Application("110105194912310021", VALID_PHONE, VALID_CODE);

        assertThat(violations(chinese, wrongCheckDigit)).singleElement().satisfies(violation -> {
            assertThat(violation.getPropertyPath()).hasToString("idNumber");
            assertThat(violation.getMessageTemplate()).isEqualTo("{identifier.id-number.check-digit}");
            assertThat(violation.getMessage()).isEqualTo("身份证号码最后一位校验码不正确，请核对后重新输入");
        });
    }

    @Test
    void explainsTheRuleInEnglishToo() {
        Application wrongCheckDigit = new Application("110105194912310021", VALID_PHONE, VALID_CODE);

        assertThat(violations(english, wrongCheckDigit)).singleElement()
                .extracting(ConstraintViolation::getMessage)
                .isEqualTo("The last character of the ID number does not match the rest. Please check the number.");
    }

    @Test
    void reportsEachBadFieldWithItsOwnRule() {
        Application allWrong = new Application("11010519491331002X", "12812345678", "91350100M000100I43");

        assertThat(violations(chinese, allWrong))
                .extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessageTemplate)
                .containsExactlyInAnyOrder(
                        tuple("idNumber", "{identifier.id-number.birth-date}"),
                        tuple("phone", "{identifier.phone.format}"),
                        tuple("employerCode", "{identifier.credit-code.charset}"));
    }

    @Test
    void validatesEachElementOfAList() {
        Contacts contacts = new Contacts(List.of(VALID_PHONE, "1381234567"));

        assertThat(violations(english, contacts)).singleElement().satisfies(violation -> {
            assertThat(violation.getPropertyPath()).hasToString("phones[1].<list element>");
            assertThat(violation.getMessage())
                    .isEqualTo("Please enter an 11-digit mainland China mobile number, for example 13812345678.");
        });
    }

    @Test
    void keepsAMessageTheFieldsAuthorChose() {
        assertThat(violations(chinese, new Complaint("12812345678"))).singleElement()
                .extracting(ConstraintViolation::getMessageTemplate)
                .isEqualTo("{complaint.phone}");
    }

    @Test
    void neverQuotesTheRejectedValueInTheMessage() {
        Application wrongCheckDigit = new Application("110105194912310021", VALID_PHONE, VALID_CODE);

        assertThat(violations(english, wrongCheckDigit)).singleElement()
                .extracting(ConstraintViolation::getMessage).asString()
                .doesNotContain("110105194912310021");
    }
}
