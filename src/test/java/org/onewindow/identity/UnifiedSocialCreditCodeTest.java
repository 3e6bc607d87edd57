package org.onewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.shared.InvalidIdentifierException;

class UnifiedSocialCreditCodeTest {

    /** The sample printed in guides to GB 32100: a company registered in 福州 (350100). */
    private static final String SAMPLE = "91350100M000100Y43";

    private static String creditCode(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharFor(first17);
    }

    private static void assertRejected(String text, String rule) {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(text))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, broken -> {
                    assertThat(broken.rule()).isEqualTo(rule);
                    assertThat(broken.messageKey()).isEqualTo("identifier." + rule);
                });
    }

    @Nested
    class AValidCode {

        @Test
        void isAcceptedAsGiven() {
            assertThat(UnifiedSocialCreditCode.parse(SAMPLE).value()).isEqualTo(SAMPLE);
        }

        @Test
        void mayBeTypedInLowerCaseAndIsStoredUpperCase() {
            assertThat(UnifiedSocialCreditCode.parse("91350100m000100y43").value()).isEqualTo(SAMPLE);
        }

        @Test
        void mayBeSurroundedByWhitespace() {
            assertThat(UnifiedSocialCreditCode.parse("  91350100M000100Y43\n").value()).isEqualTo(SAMPLE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "11100000MB0123456", // 机构编制, 机关, 中央
                "12440300MB2C3D4E5", // 机构编制, 事业单位
                "51110000MJ0000000", // 民政, 社会团体
                "53100000500021676", // 民政, 基金会
                "92330106MA2AB12CD", // 市场监管, 个体工商户
                "93510100MA6ABCDEF", // 市场监管, 农民专业合作社
                "A1100000MA1234567", // 军队
                "N2330106MA2AB12CD", // 农业, 村级集体经济组织
                "Y1110000MA0000001"  // 其他
        })
        void mayComeFromAnyRegistrationAuthority(String first17) {
            String code = creditCode(first17);

            assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
        }

        @Test
        void printsInFullBecauseItIdentifiesAnOrganisationNotAPerson() {
            assertThat(UnifiedSocialCreditCode.parse(SAMPLE)).hasToString(SAMPLE);
        }

        @Test
        void equalsTheSameCodeTypedDifferently() {
            assertThat(UnifiedSocialCreditCode.parse(" 91350100m000100y43"))
                    .isEqualTo(new UnifiedSocialCreditCode(SAMPLE));
        }
    }

    @Nested
    class TheCheckCharacter {

        @Test
        void isComputedByTheMod31WeightsOfGb32100() {
            assertThat(UnifiedSocialCreditCode.checkCharFor("91350100M000100Y4")).isEqualTo('3');
            assertThat(UnifiedSocialCreditCode.checkCharFor("91350100m000100y4")).isEqualTo('3');
        }

        @Test
        void rejectsEveryOtherLastCharacter() {
            for (char wrong : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
                if (wrong != '3') {
                    assertRejected(SAMPLE.substring(0, 17) + wrong, "credit-code.check-char");
                }
            }
        }

        @Test
        void canBeAnyCharacterOfTheAlphabetIncludingZero() {
            // Sum mod 31 == 0 must map to '0', not to the out-of-range index 31.
            StringBuilder seen = new StringBuilder();
            for (int n = 0; n < 2000; n++) {
                String code = creditCode("9133010" + "%010d".formatted(n));
                assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
                seen.append(code.charAt(17));
            }
            assertThat(seen.chars().distinct().count()).isEqualTo(31);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"91350100M000100Y", "91350100M000100Y43", "91350100M000100I4"})
        void isOnlyComputedForSeventeenCreditCodeCharacters(String wrongInput) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> UnifiedSocialCreditCode.checkCharFor(wrongInput));
        }
    }

    @Nested
    class AnInvalidCode {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "\u3000"})
        void isRequired(String missing) {
            assertRejected(missing, "credit-code.required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "350100M000100Y4",
                "9135 0100 M000 100Y 43"})
        void mustHaveEighteenCharacters(String wrongLength) {
            assertRejected(wrongLength, "credit-code.length");
        }

        @ParameterizedTest
        @ValueSource(strings = {"I", "O", "Z", "S", "V", "-", "*", "Ａ"})
        void usesNoEasilyConfusedOrForeignCharacters(String banned) {
            assertRejected("91350100M000100" + banned + "43", "credit-code.charset");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "B", "C", "M", "X"})
        void startsWithAKnownRegistrationAuthority(String authority) {
            assertRejected(creditCode(authority + "1350100M000100Y4"), "credit-code.charset");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "A", "Y"})
        void hasAnOrganisationTypeDigitSecond(String type) {
            assertRejected(creditCode("9" + type + "350100M000100Y4"), "credit-code.charset");
        }

        @ParameterizedTest
        @ValueSource(strings = {"91A50100M000100Y4", "9135010AM000100Y4", "91XXXXXXM000100Y4"})
        void hasADigitRegionCodeInCharactersThreeToEight(String first17) {
            assertRejected(creditCode(first17), "credit-code.region");
        }

        @Test
        void isReportedByTheFirstRuleItBreaks() {
            assertRejected("913501", "credit-code.length");
            assertRejected("91A50100M000100YO3", "credit-code.charset");
            assertRejected("91A50100M000100Y43", "credit-code.region");
        }

        @Test
        void isRejectedByTheConstructorToo() {
            assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100M000100Y44"))
                    .isInstanceOfSatisfying(InvalidIdentifierException.class,
                            broken -> assertThat(broken.rule()).isEqualTo("credit-code.check-char"));
        }
    }
}
