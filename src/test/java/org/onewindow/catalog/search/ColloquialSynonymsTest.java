package org.onewindow.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Colloquial synonyms")
class ColloquialSynonymsTest {

    private static ColloquialSynonyms rules(String text) {
        return new ColloquialSynonyms(new StringReader(text));
    }

    private final ColloquialSynonyms synonyms = rules("""
            # 开店
            开饭店, 开餐馆 => 食品经营许可, 餐饮服务

            # 生育
            生孩子, have a baby => 出生医学证明, 生育津贴
            坐月子 => 生育津贴
            open a restaurant => food business licence
            """);

    @Nested
    @DisplayName("expanding a query")
    class Expanding {

        @Test
        void appendsTheOfficialTermsOfAColloquialPhraseFoundAnywhereInIt() {
            assertThat(synonyms.expand("我想开饭店怎么办")).isEqualTo("我想开饭店怎么办 食品经营许可 餐饮服务");
            assertThat(synonyms.expand("开餐馆")).isEqualTo("开餐馆 食品经营许可 餐饮服务");
        }

        @Test
        void matchesEnglishInAnyLetterCaseAndSpacing() {
            assertThat(synonyms.expand("How to OPEN A  Restaurant?")).endsWith(" food business licence");
            assertThat(synonyms.expand("we'll Have a Baby")).endsWith(" 出生医学证明 生育津贴");
        }

        @Test
        void appendsEachOfficialTermOnceWhenSeveralRulesApply() {
            assertThat(synonyms.expand("生孩子坐月子")).isEqualTo("生孩子坐月子 出生医学证明 生育津贴");
        }

        @Test
        void leavesAQueryWithoutColloquialPhrasesAsItIs() {
            assertThat(synonyms.expand("税务登记")).isEqualTo("税务登记");
            assertThat(synonyms.expand("")).isEmpty();
            assertThat(synonyms.expand(null)).isEmpty();
        }
    }

    @Nested
    @DisplayName("reading rules")
    class Reading {

        @Test
        void skipsCommentsAndBlankLines() {
            assertThat(synonyms.ruleCount()).isEqualTo(4);
        }

        @Test
        void acceptsTheFullWidthCommaOfAChineseKeyboard() {
            assertThat(rules("开饭店，开餐馆 => 食品经营许可，餐饮服务").expand("开餐馆"))
                    .isEqualTo("开餐馆 食品经营许可 餐饮服务");
        }

        @Test
        void readsUtf8FromAStreamWithOrWithoutAByteOrderMark() {
            byte[] rules = "\uFEFF开饭店 => 食品经营许可\n".getBytes(StandardCharsets.UTF_8);

            assertThat(ColloquialSynonyms.from(new ByteArrayInputStream(rules)).expand("开饭店"))
                    .isEqualTo("开饭店 食品经营许可");
        }

        @ParameterizedTest
        @ValueSource(strings = {"开饭店 食品经营许可", "开饭店 => 食品 => 许可", "开饭店, => 食品经营许可",
                "=> 食品经营许可", "开饭店 =>", "开饭店 => 食品经营许可,,餐饮服务"})
        void reportsAMalformedRuleWithItsLineNumber(String malformed) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> rules("# rules\n生孩子 => 出生医学证明\n" + malformed + "\n"))
                    .withMessageContaining("line 3");
        }

        @Test
        void refusesAClasspathLocationWithoutRules() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ColloquialSynonyms.fromClasspath("catalog/no-such-rules.txt"))
                    .withMessageContaining("catalog/no-such-rules.txt");
        }
    }
}
