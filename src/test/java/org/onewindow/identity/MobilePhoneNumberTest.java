package org.onewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.shared.InvalidIdentifierException;

class MobilePhoneNumberTest {

    private static void assertRejected(String text, String rule) {
        assertThatThrownBy(() -> MobilePhoneNumber.parse(text))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, broken -> {
                    assertThat(broken.rule()).isEqualTo(rule);
                    assertThat(broken.messageKey()).isEqualTo("identifier." + rule);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            " 13812345678 ",
            "138\u30001234\u30005678",
            "+8613812345678",
            "+86 138 1234 5678",
            "+86-138-1234-5678",
            "8613812345678",
            "86 13812345678"
    })
    void isStoredAsElevenDigitsHoweverItWasWritten(String written) {
        assertThat(MobilePhoneNumber.parse(written).value()).isEqualTo("13812345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13000000000", "14512345678", "16612345678", "17712345678", "19912345678"})
    void mayUseAnyMobilePrefixFrom13To19(String number) {
        assertThat(MobilePhoneNumber.parse(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void isRequired(String missing) {
        assertRejected(missing, "phone.required");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12812345678",      // 12x is not a mobile prefix
            "10086",            // a service number
            "1381234567",       // 10 digits
            "138123456789",     // 12 digits
            "23812345678",      // does not start with 1
            "+13812345678",     // a North American number, not +86
            "+85261234567",     // Hong Kong
            "010-12345678",     // a landline
            "138****5678",      // a masked number pasted back
            "１３８１２３４５６７８", // full-width digits
            "--"
    })
    void mustBeAnElevenDigitMainlandMobileNumber(String notAMobile) {
        assertRejected(notAMobile, "phone.format");
    }

    @Test
    void showsOnlyTheFirstThreeAndLastFourDigitsWhenPrinted() {
        MobilePhoneNumber number = MobilePhoneNumber.parse("+86 138 1234 5678");

        assertThat(number.masked()).isEqualTo("138****5678");
        assertThat(number).hasToString("138****5678");
        assertThat("sms sent to " + number).doesNotContain("13812345678");
    }

    @Test
    void equalsTheSameNumberWrittenDifferently() {
        assertThat(MobilePhoneNumber.parse("+86 138-1234-5678")).isEqualTo(new MobilePhoneNumber("13812345678"));
    }
}
