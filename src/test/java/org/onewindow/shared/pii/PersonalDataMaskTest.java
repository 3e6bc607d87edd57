package org.onewindow.shared.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataMaskTest {

    @Nested
    class AnIdNumber {

        @Test
        void keepsItsFirstAndLastFourCharacters() {
            assertThat(PersonalDataMask.idNumber("330106199001011234")).isEqualTo("3301**********1234");
            assertThat(PersonalDataMask.idNumber("11010519491231002x")).isEqualTo("1101**********002x");
        }

        @Test
        void ofTheOldFifteenDigitKindKeepsTheSameEnds() {
            assertThat(PersonalDataMask.idNumber("110105491231002")).isEqualTo("1101*******1002");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "''                   | ''",
                "1234                 | ****",
                "33010619900101123    | *****************",
                "33010619900101123Y   | ******************",
                "'3301061990010112 3' | ******************",
                "张三的身份证号码        | ********"
        })
        void isHiddenCompletelyWhenItHasNotTheShapeOfOne(String odd, String masked) {
            assertThat(PersonalDataMask.idNumber(odd)).isEqualTo(masked);
        }

        @Test
        void staysNull() {
            assertThat(PersonalDataMask.idNumber(null)).isNull();
        }
    }

    @Nested
    class APhoneNumber {

        @Test
        void keepsItsFirstThreeAndLastFourDigits() {
            assertThat(PersonalDataMask.phone("13812345678")).isEqualTo("138****5678");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "''            | ''",
                "10086         | *****",
                "1381234567    | **********",
                "138123456789  | ************",
                "138-1234-5678 | *************"
        })
        void isHiddenCompletelyWhenItHasNotTheShapeOfOne(String odd, String masked) {
            assertThat(PersonalDataMask.phone(odd)).isEqualTo(masked);
        }

        @Test
        void staysNull() {
            assertThat(PersonalDataMask.phone(null)).isNull();
        }
    }

    @Nested
    class AName {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "张三      | 张*",
                "欧阳娜娜  | 欧***",
                "Li Lei    | L*****",
                "买买提·吐尔逊 | 买******"
        })
        void keepsOnlyItsFirstCharacter(String name, String masked) {
            assertThat(PersonalDataMask.name(name)).isEqualTo(masked);
        }

        @Test
        void countsARareCharacterAsOneCharacter() {
            // 𠈌 (U+2020C) is outside the Basic Multilingual Plane: two chars in Java, one character.
            assertThat(PersonalDataMask.name("𠈌小明")).isEqualTo("𠈌**");
            assertThat(PersonalDataMask.name("王𠈌")).isEqualTo("王*");
        }

        @Test
        void ofOneCharacterIsHiddenCompletelyBecauseItIsTheWholeName() {
            assertThat(PersonalDataMask.name("张")).isEqualTo("*");
        }

        @Test
        void losesSurroundingWhitespaceFirst() {
            assertThat(PersonalDataMask.name("  张三\u3000")).isEqualTo("张*");
        }

        @Test
        void staysEmptyOrNull() {
            assertThat(PersonalDataMask.name("")).isEmpty();
            assertThat(PersonalDataMask.name("   ")).isEmpty();
            assertThat(PersonalDataMask.name(null)).isNull();
        }
    }
}
