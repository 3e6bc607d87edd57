package org.onewindow.catalog.search;

import org.onewindow.catalog.SearchQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.onewindow.catalog.search.SampleItems.BIRTH_CERTIFICATE;
import static org.onewindow.catalog.search.SampleItems.BUSINESS_REGISTRATION;
import static org.onewindow.catalog.search.SampleItems.DRIVING_LICENCE_RENEWAL;
import static org.onewindow.catalog.search.SampleItems.FOOD_BUSINESS_LICENCE;
import static org.onewindow.catalog.search.SampleItems.HUMAN_RESOURCES;
import static org.onewindow.catalog.search.SampleItems.MATERNITY_ALLOWANCE;
import static org.onewindow.catalog.search.SampleItems.NEWBORN_HOUSEHOLD_REGISTRATION;
import static org.onewindow.catalog.search.SampleItems.PUBLIC_RENTAL_HOUSING;
import static org.onewindow.catalog.search.SampleItems.RESIDENT_PENSION;
import static org.onewindow.catalog.search.SampleItems.TAX_REGISTRATION;
import static org.onewindow.catalog.search.SampleItems.item;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.Channel;
import org.onewindow.identity.AdministrativeLevel;

@DisplayName("Searching the catalog in plain words")
class CatalogSearchIndexTest {

    private static final String RULES = """
            # what people say => what the catalog calls it
            开饭店, 开餐馆, open a restaurant => 食品经营许可, 餐饮服务, food business licence
            生孩子, 生小孩, have a baby => 出生医学证明, 生育津贴, 新生儿入户
            """;

    private static final List<String> ALL_CODES_IN_ORDER = List.of(
            "GA-001", "GA-002", "RS-001", "RS-002", "SC-001", "SC-002", "SW-001", "WJ-001", "ZJ-001");

    private CatalogSearchIndex index;

    @BeforeEach
    void indexTheSampleCatalog() {
        index = new CatalogSearchIndex(new ColloquialSynonyms(new StringReader(RULES)));
        index.replaceAll(SampleItems.catalog());
    }

    @AfterEach
    void closeIndex() throws Exception {
        index.close();
    }

    private List<String> codesFor(String words) {
        return index.search(words(words)).codes();
    }

    private static SearchQuery words(String text) {
        return new SearchQuery(text, null, null, null, null, 0, 20);
    }

    private static SearchQuery browse(int offset, int limit) {
        return new SearchQuery(null, null, null, null, null, offset, limit);
    }

    @Nested
    @DisplayName("in Chinese")
    class InChinese {

        @Test
        void theItemNamedByTheWordsComesFirst() {
            assertThat(codesFor("食品经营许可")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
            assertThat(codesFor("税务登记")).first().isEqualTo(TAX_REGISTRATION);
        }

        @Test
        void aSentenceIsCutIntoWordsSoTheItemInItIsFound() {
            assertThat(codesFor("我想办理生育津贴")).first().isEqualTo(MATERNITY_ALLOWANCE);
            assertThat(codesFor("怎么领取养老金")).first().isEqualTo(RESIDENT_PENSION);
        }

        @Test
        void keywordsFindTheItemTheyDescribe() {
            assertThat(codesFor("公租房")).first().isEqualTo(PUBLIC_RENTAL_HOUSING);
            assertThat(codesFor("换驾照")).first().isEqualTo(DRIVING_LICENCE_RENEWAL);
        }

        @Test
        void partOfTheNameIsEnough() {
            assertThat(codesFor("食品经营")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
            assertThat(codesFor("生育津")).first().isEqualTo(MATERNITY_ALLOWANCE);
            assertThat(codesFor("公租")).first().isEqualTo(PUBLIC_RENTAL_HOUSING);
        }

        @Test
        void moreThanTheNameStillFindsIt() {
            assertThat(codesFor("食品经营许可证")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
        }

        @Test
        void oneWrongCharacterStillFindsIt() {
            assertThat(codesFor("食品经营许克")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
            assertThat(codesFor("食品经赢许可")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
            assertThat(codesFor("出生医学证名")).first().isEqualTo(BIRTH_CERTIFICATE);
        }

        @Test
        void oneSharedCharacterIsNotAMatch() {
            assertThat(codesFor("品质量")).doesNotContain(FOOD_BUSINESS_LICENCE);
        }
    }

    @Nested
    @DisplayName("in English")
    class InEnglish {

        @Test
        void theItemNamedByTheWordsComesFirst() {
            assertThat(codesFor("Food Business Licence")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
            assertThat(codesFor("tax registration")).first().isEqualTo(TAX_REGISTRATION);
        }

        @Test
        void otherFormsOfAWordFindIt() {
            assertThat(codesFor("licences")).contains(FOOD_BUSINESS_LICENCE, DRIVING_LICENCE_RENEWAL);
            assertThat(codesFor("renewing my driving licence")).first().isEqualTo(DRIVING_LICENCE_RENEWAL);
            assertThat(codesFor("pensions")).first().isEqualTo(RESIDENT_PENSION);
        }

        @Test
        void aTypoStillFindsIt() {
            assertThat(codesFor("licnce")).contains(FOOD_BUSINESS_LICENCE, DRIVING_LICENCE_RENEWAL);
            assertThat(codesFor("pensoin")).first().isEqualTo(RESIDENT_PENSION);
            assertThat(codesFor("maternty allowence")).first().isEqualTo(MATERNITY_ALLOWANCE);
        }

        @Test
        void aWordSpeltRightRanksTheItemThatHasItAboveANearMiss() {
            index.replaceAll(List.of(
                    item("XX-001").named("仓储许可", "Cost Permit").build(),
                    item("XX-002").named("外套许可", "Coat Permit").build()));

            assertThat(codesFor("coat")).containsExactly("XX-002", "XX-001");
            assertThat(codesFor("cost")).containsExactly("XX-001", "XX-002");
        }

        @Test
        void shortWordsAreNotGuessedAt() {
            assertThat(codesFor("tex")).isEmpty();
        }

        @Test
        void fullWidthLettersFromAChineseKeyboardAreOrdinaryLetters() {
            assertThat(codesFor("ｐｅｎｓｉｏｎ")).first().isEqualTo(RESIDENT_PENSION);
        }
    }

    @Nested
    @DisplayName("in colloquial words")
    class InColloquialWords {

        @Test
        void aColloquialPhraseFindsTheOfficialItemNoItemMentionsItIn() {
            assertThat(codesFor("开饭店")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
            assertThat(codesFor("我想开饭店需要办什么")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
        }

        @Test
        void withoutTheRuleTheColloquialPhraseDoesNotFindIt() throws Exception {
            try (CatalogSearchIndex withoutRules = new CatalogSearchIndex(new ColloquialSynonyms(new StringReader("")))) {
                withoutRules.replaceAll(SampleItems.catalog());

                assertThat(withoutRules.search(words("开饭店")).codes()).doesNotContain(FOOD_BUSINESS_LICENCE);
            }
        }

        @Test
        void aLifeEventFindsEveryItemItInvolves() {
            assertThat(codesFor("生孩子要办什么"))
                    .containsExactlyInAnyOrder(BIRTH_CERTIFICATE, MATERNITY_ALLOWANCE, NEWBORN_HOUSEHOLD_REGISTRATION);
        }

        @Test
        void anEnglishPhraseInAnyLetterCaseFindsTheOfficialItem() {
            assertThat(codesFor("How do I open a restaurant?")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
            assertThat(codesFor("OPEN A RESTAURANT")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
        }
    }

    @Nested
    @DisplayName("by code")
    class ByCode {

        @Test
        void theItemWithTheCodeComesFirstInAnyLetterCase() {
            assertThat(codesFor("SC-002")).first().isEqualTo(BUSINESS_REGISTRATION);
            assertThat(codesFor(" sc-001 ")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
        }

        @Test
        void theCodeOutranksItemsWhoseTextsMatchTheWordsBetter() {
            index.put(item("XX-001").named("RS-001 问答", "RS-001 RS-001 questions").keywords(List.of(), List.of("RS-001")).build());

            assertThat(codesFor("rs-001")).first().isEqualTo(MATERNITY_ALLOWANCE);
        }
    }

    @Nested
    @DisplayName("with filters")
    class WithFilters {

        @Test
        void byLevelOfGovernment() {
            assertThat(index.search(new SearchQuery(null, AdministrativeLevel.CITY, null, null, null, 0, 20)).codes())
                    .containsExactly("GA-002", "RS-001", "SC-002", "ZJ-001");
            assertThat(index.search(new SearchQuery("登记", AdministrativeLevel.PROVINCE, null, null, null, 0, 20)).codes())
                    .containsExactly(TAX_REGISTRATION);
        }

        @Test
        void byDepartment() {
            assertThat(index.search(new SearchQuery(null, null, HUMAN_RESOURCES, null, null, 0, 20)).codes())
                    .containsExactly(MATERNITY_ALLOWANCE, RESIDENT_PENSION);
        }

        @Test
        void aBlankDepartmentDoesNotFilter() {
            assertThat(index.search(new SearchQuery(null, null, " ", null, null, 0, 20)).total()).isEqualTo(9);
        }

        @Test
        void byChannelTheItemOffers() {
            assertThat(index.search(new SearchQuery(null, null, null, null, Channel.MAIL, 0, 20)).codes())
                    .containsExactly(TAX_REGISTRATION);
            assertThat(index.search(new SearchQuery(null, null, null, null, Channel.MOBILE, 0, 20)).codes())
                    .containsExactly(DRIVING_LICENCE_RENEWAL, MATERNITY_ALLOWANCE, RESIDENT_PENSION);
        }

        @Test
        void aPersonIsServedByItemsForPersonsAndForBoth() {
            assertThat(index.search(new SearchQuery(null, null, null, Audience.PERSON, null, 0, 20)).codes())
                    .containsExactly("GA-001", "GA-002", "RS-001", "RS-002", "SW-001", "WJ-001", "ZJ-001");
        }

        @Test
        void anEnterpriseIsServedByItemsForEnterprisesAndForBoth() {
            assertThat(index.search(new SearchQuery(null, null, null, Audience.ENTERPRISE, null, 0, 20)).codes())
                    .containsExactly("SC-001", "SC-002", "SW-001", "ZJ-001");
        }

        @Test
        void askingForBothAudiencesFiltersNothing() {
            assertThat(index.search(new SearchQuery(null, null, null, Audience.BOTH, null, 0, 20)).codes())
                    .isEqualTo(ALL_CODES_IN_ORDER);
        }

        @Test
        void filtersNarrowWhatTheWordsFind() {
            assertThat(codesFor("登记")).contains(BUSINESS_REGISTRATION, TAX_REGISTRATION, NEWBORN_HOUSEHOLD_REGISTRATION);

            SearchResult forPersons = index.search(new SearchQuery("登记", null, null, Audience.PERSON, Channel.WINDOW, 0, 20));

            assertThat(forPersons.codes()).containsExactly(NEWBORN_HOUSEHOLD_REGISTRATION);
            assertThat(forPersons.total()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("without words")
    class WithoutWords {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\t\n"})
        void blankWordsListEveryItemInCodeOrder(String blank) {
            SearchResult all = index.search(words(blank));

            assertThat(all.codes()).isEqualTo(ALL_CODES_IN_ORDER);
            assertThat(all.total()).isEqualTo(9);
        }

        @Test
        void noWordsAtAllListEveryItemInCodeOrder() {
            assertThat(index.search(browse(0, 100)).codes()).isEqualTo(ALL_CODES_IN_ORDER);
        }

        @Test
        void pagesFollowOneAnotherAndKnowTheTotal() {
            SearchResult second = index.search(browse(3, 3));

            assertThat(second.codes()).containsExactly("RS-002", "SC-001", "SC-002");
            assertThat(second.total()).isEqualTo(9);
            assertThat(index.search(browse(6, 3)).codes()).containsExactly("SW-001", "WJ-001", "ZJ-001");
        }

        @Test
        void aPageBeyondTheLastIsEmptyButKnowsTheTotal() {
            SearchResult beyond = index.search(browse(9, 10));

            assertThat(beyond.codes()).isEmpty();
            assertThat(beyond.total()).isEqualTo(9);
            assertThat(index.search(browse(Integer.MAX_VALUE, 100)).total()).isEqualTo(9);
        }
    }

    @Nested
    @DisplayName("paging through matches")
    class PagingThroughMatches {

        @Test
        void pagesOfRankedMatchesAddUpToTheWholeRanking() {
            SearchResult whole = index.search(words("登记 证明 申领"));
            List<String> pageByPage = new ArrayList<>();
            for (int offset = 0; offset < whole.total(); offset += 2) {
                SearchResult page = index.search(new SearchQuery("登记 证明 申领", null, null, null, null, offset, 2));
                assertThat(page.total()).isEqualTo(whole.total());
                pageByPage.addAll(page.codes());
            }

            assertThat(pageByPage).isEqualTo(whole.codes());
        }
    }

    @Nested
    @DisplayName("keeping up with the catalog")
    class KeepingUpWithTheCatalog {

        @Test
        void anItemPutIsFoundRightAway() {
            index.put(item("WJ-002").named("预防接种证办理", "Vaccination Certificate").build());

            assertThat(codesFor("预防接种")).first().isEqualTo("WJ-002");
            assertThat(index.size()).isEqualTo(10);
        }

        @Test
        void puttingAnItemWithAKnownCodeReplacesIt() {
            index.put(item(TAX_REGISTRATION).named("跨区域涉税事项报告", "Cross-Region Tax Report")
                    .by("taxation", AdministrativeLevel.CITY, Audience.ENTERPRISE).build());

            assertThat(codesFor("税务登记")).doesNotContain(TAX_REGISTRATION);
            assertThat(codesFor("涉税事项")).first().isEqualTo(TAX_REGISTRATION);
            assertThat(index.search(new SearchQuery(null, AdministrativeLevel.PROVINCE, null, null, null, 0, 20)).codes())
                    .isEmpty();
            assertThat(index.size()).isEqualTo(9);
        }

        @Test
        void aRemovedItemIsNoLongerFound() {
            index.remove(FOOD_BUSINESS_LICENCE);

            assertThat(codesFor("食品经营许可")).doesNotContain(FOOD_BUSINESS_LICENCE);
            assertThat(codesFor("SC-001")).doesNotContain(FOOD_BUSINESS_LICENCE);
            assertThat(index.size()).isEqualTo(8);
        }

        @Test
        void removingAnUnknownCodeChangesNothing() {
            index.remove("XX-404");

            assertThat(index.size()).isEqualTo(9);
        }

        @Test
        void replacingEverythingLeavesOnlyTheNewItemsOncePerCode() {
            index.replaceAll(List.of(
                    item("XX-001").named("渔船登记", "Fishing Boat Registration").build(),
                    item("XX-002").named("林木采伐许可", "Logging Permit").build(),
                    item("XX-001").named("渔业捕捞许可", "Fishing Licence").build()));

            assertThat(index.size()).isEqualTo(2);
            assertThat(index.search(browse(0, 10)).codes()).containsExactly("XX-001", "XX-002");
            assertThat(codesFor("渔业捕捞")).first().isEqualTo("XX-001");
            assertThat(codesFor("渔船登记")).doesNotContain("XX-001");
        }

        @Test
        void searchesRunSafelyWhileItemsArePutAndRemoved() throws Exception {
            int searchers = 2;
            AtomicBoolean changing = new AtomicBoolean(true);
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            CountDownLatch started = new CountDownLatch(searchers);
            ExecutorService pool = Executors.newFixedThreadPool(searchers);
            List<String> queries = List.of("食品经营许可", "licence", "开饭店", "生孩子", "pensoin", "");
            try {
                List<Future<Integer>> searching = IntStream.range(0, searchers).mapToObj(n -> pool.submit(() -> {
                    started.countDown();
                    int searches = 0;
                    while (changing.get()) {
                        try {
                            index.search(words(queries.get(searches++ % queries.size())));
                        } catch (Throwable failure) {
                            failures.add(failure);
                        }
                    }
                    return searches;
                })).toList();
                started.await(10, TimeUnit.SECONDS);

                for (int n = 0; n < 60; n++) {
                    index.put(item("XX-%03d".formatted(n)).named("临时事项" + n, "Temporary item " + n).build());
                    if (n % 10 == 0) {
                        index.remove("XX-%03d".formatted(n));
                    }
                }
                changing.set(false);
                for (Future<Integer> searcher : searching) {
                    assertThat(searcher.get(30, TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                changing.set(false);
                pool.shutdownNow();
            }

            assertThat(failures).isEmpty();
            assertThat(index.size()).isEqualTo(9 + 60 - 6);
            assertThat(codesFor("XX-059")).first().isEqualTo("XX-059");
            assertThat(codesFor("XX-050")).doesNotContain("XX-050");
        }
    }

    @Nested
    @DisplayName("whatever is typed")
    class WhateverIsTyped {

        @ParameterizedTest
        @ValueSource(strings = {"食品 AND (", "'; DROP TABLE items;--", "<script>alert(1)</script>",
                "name_zh:食品*", "\"unclosed phrase", "licence~2^10", "*:*", "\\", "((((", "🍜开饭店🍜", "？！。，"})
        void isTakenAsWordsAndNeverAsQuerySyntax(String typed) {
            SearchResult result = index.search(words(typed));

            assertThat(result.total()).isGreaterThanOrEqualTo(result.codes().size());
            assertThat(result.total()).isLessThan(9);
        }

        @Test
        void queryOperatorsAreOrdinaryWords() {
            assertThat(codesFor("食品 AND (")).first().isEqualTo(FOOD_BUSINESS_LICENCE);
        }

        @Test
        void textBeyondTwoHundredCharactersIsIgnoredNotRefused() {
            String twoHundredMarks = "？".repeat(SearchQuery.MAX_TEXT_LENGTH);

            assertThat(index.search(words(twoHundredMarks + "pension")).total()).isZero();
            assertThat(index.search(words("？".repeat(SearchQuery.MAX_TEXT_LENGTH - "pension".length()) + "pension")).codes()).first().isEqualTo(RESIDENT_PENSION);
        }

        @Test
        void aVeryLongTextOfManyWordsNeverExceedsLucenesClauseLimit() {
            index.replaceAll(IntStream.range(0, 300)
                    .mapToObj(n -> item("XX-%03d".formatted(n))
                            .named("事项" + n, spelling(n) + " " + spelling(n + 1) + " " + spelling(n + 2)).build())
                    .toList());
            String manyLongWords = String.join(" ", IntStream.range(0, 40).mapToObj(CatalogSearchIndexTest::spelling).toList());
            String manyChineseWords = "开饭店生孩子的时候食品经营许可出生医学证明生育津贴养老保险公共租赁住房税务登记驾驶证";

            SearchResult result = index.search(words(manyChineseWords + manyLongWords + "x".repeat(10_000)));

            assertThat(result.total()).isPositive();
        }
    }

    @Test
    void searchQueriesAskForAPageOfOneToAHundredItems() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SearchQuery("x", null, null, null, null, -1, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new SearchQuery("x", null, null, null, null, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new SearchQuery("x", null, null, null, null, 0, 101));
    }

    /** Made-up words of eight letters and more, each one or two letters from its neighbours. */
    private static String spelling(int n) {
        return "registr" + (char) ('a' + n % 26) + "tion" + (char) ('a' + (n / 26) % 26);
    }
}
