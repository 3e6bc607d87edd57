package org.onewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.shared.InvalidIdentifierException;

class ResidentIdNumberTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** A well-known sample in the real format: 北京市朝阳区, born 1949-12-31, check character X. */
    private static final String SAMPLE = "11010519491231002X";

    /** A valid ID number for the given region, birth date (yyyyMMdd) and sequence number. */
    private static String idNumber(String region, String birthDate, String sequence) {
        String first17 = region + birthDate + sequence;
        return first17 + ResidentIdNumber.checkDigitFor(first17);
    }

    private static Clock todayIs(LocalDate today) {
        return Clock.fixed(today.atStartOfDay(BEIJING).plusHours(12).toInstant(), BEIJING);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String text, String rule) {
        return assertThatThrownBy(() -> ResidentIdNumber.parse(text))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, broken -> {
                    assertThat(broken.rule()).isEqualTo(rule);
                    assertThat(broken.messageKey()).isEqualTo("identifier." + rule);
                });
    }

    @Nested
    class AValidNumber {

        @Test
        void isAcceptedAsGiven() {
            ResidentIdNumber number = ResidentIdNumber.parse(SAMPLE);

            assertThat(number.value()).isEqualTo(SAMPLE);
            assertThat(number.regionCode()).isEqualTo("110105");
            assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        }

        @ParameterizedTest
        @ValueSource(strings = {"330106", "440305", "650102", "810000", "820000", "830000"})
        void mayComeFromAnyProvinceLevelRegion(String region) {
            String text = idNumber(region, "19900101", "123");

            assertThat(ResidentIdNumber.parse(text).regionCode()).isEqualTo(region);
        }

        @Test
        void mayEndInALowerCaseXWhichIsStoredUpperCase() {
            assertThat(ResidentIdNumber.parse("11010519491231002x").value()).isEqualTo(SAMPLE);
        }

        @ParameterizedTest
        @ValueSource(strings = {" 11010519491231002X", "11010519491231002X\t", "\u300011010519491231002X\u3000"})
        void mayBeSurroundedByWhitespaceIncludingTheFullWidthSpace(String text) {
            assertThat(ResidentIdNumber.parse(text).value()).isEqualTo(SAMPLE);
        }

        @Test
        void equalsTheSameNumberTypedDifferently() {
            assertThat(ResidentIdNumber.parse(" 11010519491231002x")).isEqualTo(ResidentIdNumber.parse(SAMPLE));
        }

        @Test
        void isNormalisedByTheConstructorToo() {
            assertThat(new ResidentIdNumber("11010519491231002x ").value()).isEqualTo(SAMPLE);
        }
    }

    @Nested
    class TheCheckDigit {

        @Test
        void isComputedByIso7064Mod11Dash2() {
            assertThat(ResidentIdNumber.checkDigitFor("11010519491231002")).isEqualTo('X');
            assertThat(ResidentIdNumber.checkDigitFor("33010619900101123")).isEqualTo('X');
            assertThat(ResidentIdNumber.checkDigitFor("44030519800229001")).isEqualTo('0');
        }

        @Test
        void makesEveryGeneratedNumberValid() {
            for (int sequence = 0; sequence < 1000; sequence++) {
                String text = idNumber("320102", "19850615", "%03d".formatted(sequence));
                assertThat(ResidentIdNumber.parse(text).value()).isEqualTo(text);
            }
        }

        @Test
        void rejectsEveryOtherLastCharacter() {
            for (char wrong : "0123456789X".toCharArray()) {
                if (wrong != 'X') {
                    assertRejected(SAMPLE.substring(0, 17) + wrong, "id-number.check-digit");
                }
            }
        }

        @Test
        void catchesTwoSwappedDigits() {
            // 1949 -> 1994: still a real date, still in the past.
            assertRejected("11010519941231002X", "id-number.check-digit");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"1101051949123100", "110105194912310021", "1101051949123100A"})
        void isOnlyComputedForSeventeenDigits(String notSeventeenDigits) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ResidentIdNumber.checkDigitFor(notSeventeenDigits));
        }
    }

    @Nested
    class TheBirthDate {

        private final LocalDate today = LocalDate.of(2024, 6, 1);

        @Test
        void mayBeToday() {
            String bornToday = idNumber("110105", "20240601", "001");

            assertThat(ResidentIdNumber.parse(bornToday, todayIs(today)).birthDate()).isEqualTo(today);
        }

        @Test
        void mayNotBeInTheFuture() {
            String bornTomorrow = idNumber("110105", "20240602", "001");

            assertThatThrownBy(() -> ResidentIdNumber.parse(bornTomorrow, todayIs(today)))
                    .isInstanceOfSatisfying(InvalidIdentifierException.class,
                            broken -> assertThat(broken.rule()).isEqualTo("id-number.birth-date"));
        }

        @Test
        void isComparedWithTodayInBeijingByDefault() {
            LocalDate tomorrow = LocalDate.now(BEIJING).plusDays(1);
            String bornTomorrow = idNumber("110105", tomorrow.format(DateTimeFormatter.BASIC_ISO_DATE), "001");

            assertRejected(bornTomorrow, "id-number.birth-date");
        }

        @Test
        void inTheFutureStillLoadsThroughTheConstructor() {
            // Stored numbers must load whatever a server's clock says; only new input is checked.
            String bornIn2099 = idNumber("110105", "20990101", "001");

            assertThat(new ResidentIdNumber(bornIn2099).birthDate()).isEqualTo(LocalDate.of(2099, 1, 1));
        }

        @Test
        void mayBeTheFirstOf1900ButNotEarlier() {
            assertThat(ResidentIdNumber.parse(idNumber("110105", "19000101", "001")).birthDate())
                    .isEqualTo(LocalDate.of(1900, 1, 1));
            assertRejected(idNumber("110105", "18991231", "001"), "id-number.birth-date");
        }

        @ParameterizedTest
        @ValueSource(strings = {"20000229", "20240229", "19960229"})
        void mayBeTheTwentyNinthOfFebruaryInALeapYear(String leapDay) {
            assertThat(ResidentIdNumber.parse(idNumber("110105", leapDay, "001")).birthDate().getDayOfMonth())
                    .isEqualTo(29);
        }

        @ParameterizedTest
        @ValueSource(strings = {"20230229", "19000229", "20210229"})
        void mayNotBeTheTwentyNinthOfFebruaryInOtherYears(String notALeapDay) {
            assertRejected(idNumber("110105", notALeapDay, "001"), "id-number.birth-date");
        }

        @ParameterizedTest
        @ValueSource(strings = {"19901301", "19900001", "19900100", "19900132", "19900431", "00000000"})
        void mustBeARealCalendarDay(String notADay) {
            assertRejected(idNumber("110105", notADay, "001"), "id-number.birth-date");
        }
    }

    @Nested
    class AnInvalidNumber {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n", "\u3000"})
        void isRequired(String missing) {
            assertRejected(missing, "id-number.required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"110105491231002", "11010519491231002", "11010519491231002X1",
                "1101 0519 4912 3100 2X"})
        void mustHaveEighteenCharacters(String wrongLength) {
            assertRejected(wrongLength, "id-number.length");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1101051949123100XX", "11010519491231002Y", "A1010519491231002X",
                "110105-9491231002X", "１１０１０５１９４９１２３１００２Ｘ"})
        void mustBeSeventeenDigitsAndADigitOrX(String malformed) {
            assertRejected(malformed, "id-number.format");
        }

        @ParameterizedTest
        @ValueSource(strings = {"000000", "100000", "160000", "240000", "380000", "470000", "550000",
                "660000", "700000", "720000", "840000", "990000"})
        void mustStartWithAProvinceLevelCode(String region) {
            assertRejected(idNumber(region, "19900101", "001"), "id-number.region");
        }

        @Test
        void isReportedByTheFirstRuleItBreaks() {
            assertRejected("ABC", "id-number.length");
            assertRejected("99010519491231002A", "id-number.format");
            assertRejected("99010519491331002X", "id-number.region");
            assertRejected("11010519491331002X", "id-number.birth-date");
        }

        @Test
        void isRejectedByTheConstructorToo() {
            assertThatThrownBy(() -> new ResidentIdNumber("11010519491231002A"))
                    .isInstanceOfSatisfying(InvalidIdentifierException.class,
                            broken -> assertThat(broken.rule()).isEqualTo("id-number.format"));
        }

        @Test
        void isNotQuotedInTheExceptionMessage() {
            assertRejected("110105194912310021", "id-number.check-digit")
                    .message().doesNotContain("110105194912310021", "1949");
        }
    }

    @Nested
    class WhenPrinted {

        @Test
        void showsOnlyTheFirstAndLastFourCharacters() {
            ResidentIdNumber number = ResidentIdNumber.parse(SAMPLE);

            assertThat(number.masked()).isEqualTo("1101**********002X");
            assertThat(number).hasToString("1101**********002X");
        }

        @Test
        void neverLeaksTheNumberIntoALogLine() {
            ResidentIdNumber number = ResidentIdNumber.parse(SAMPLE);

            assertThat("applicant " + number + " submitted").doesNotContain(SAMPLE, "19491231");
            assertThat(String.valueOf(number)).doesNotContain("19491231");
        }
    }
}
