package org.onewindow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What a citizen types and what they want, on the demo catalog: each wanted item or life event
 * is among the first three things the search offers (life events come before the items), and
 * items that share only a common character or word with the words do not stand on the first
 * page above (or instead of) the ones meant.
 */
@IntegrationTest
// a context of its own: the items other tests publish into the shared one change how rare each word
// is, and so the scores this test is about; here the catalog is the demo's alone
@TestPropertySource(properties = "onewindow.search.only-the-demo-catalog=true")
class CatalogRelevanceTest {

    private static final int FIRST_PAGE = 10;
    private static final int TOP = 3;

    @Autowired
    CatalogService catalog;

    static Stream<Arguments> whatPeopleType() {
        return Stream.of(
                // life events, in their names and in what people say of them
                Arguments.of("出生一件事", "bundle:have-a-baby"),
                Arguments.of("开饭店", "bundle:open-restaurant"),
                Arguments.of("开饭店", "MR-001"),
                Arguments.of("生孩子要办什么", "bundle:have-a-baby"),
                Arguments.of("开公司", "bundle:start-a-company"),
                Arguments.of("开理发店", "bundle:open-beauty-salon"),
                Arguments.of("退休一件事", "bundle:retire"),
                Arguments.of("have a baby", "bundle:have-a-baby"),
                Arguments.of("open a restaurant", "bundle:open-restaurant"),
                // official names and plain words
                Arguments.of("食品经营许可", "MR-001"),
                Arguments.of("办营业执照", "MR-002"),
                Arguments.of("换身份证", "PS-002"),
                Arguments.of("身份证过期了怎么办", "PS-002"),
                Arguments.of("社保卡", "HR-001"),
                Arguments.of("公积金提取", "HC-001"),
                Arguments.of("驾照到期", "PS-004"),
                Arguments.of("结婚登记", "CA-001"),
                Arguments.of("低保", "CA-003"),
                Arguments.of("失业金", "HR-004"),
                Arguments.of("户口迁移", "PS-005"),
                Arguments.of("出生医学证明", "HE-001"),
                Arguments.of("宝宝打疫苗", "HE-002"),
                Arguments.of("刻章", "PS-006"),
                Arguments.of("买房过户", "NR-001"),
                Arguments.of("契税", "TX-003"),
                Arguments.of("个税退税", "TX-004"),
                Arguments.of("网约车", "TR-002"),
                Arguments.of("排污许可证", "EE-001"),
                Arguments.of("宅基地", "NR-004"),
                Arguments.of("MR-001", "MR-001"),
                // typed by sound: a character that sounds the same
                Arguments.of("社宝卡", "HR-001"),
                Arguments.of("公鸡金提取", "HC-001"),
                Arguments.of("架照到期", "PS-004"),
                Arguments.of("节婚登记", "CA-001"),
                Arguments.of("失叶金", "HR-004"),
                Arguments.of("出声一件事", "bundle:have-a-baby"),
                // ...where no character is right: only the sound of the pair finds the item
                Arguments.of("滴宝", "CA-003"),
                Arguments.of("离昏", "CA-002"),
                // a near or wrong character
                Arguments.of("食品经营许克", "MR-001"),
                Arguments.of("户口迁一", "PS-005"),
                // English, plain and misspelt
                Arguments.of("food business licence", "MR-001"),
                Arguments.of("renew identity card", "PS-002"),
                Arguments.of("retirment pension", "HR-002"),
                Arguments.of("social security card", "HR-001"),
                Arguments.of("divorce", "CA-002"),
                Arguments.of("tree felling", "NR-005"),
                Arguments.of("hazardous waste", "EE-003"),
                Arguments.of("marriage", "CA-001"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("whatPeopleType")
    void whatThePersonWantsIsAmongTheFirstThree(String words, String wanted) {
        assertThat(offered(words).subList(0, Math.min(TOP, offered(words).size()))).as("offered for %s: %s", words, offered(words))
                .contains(wanted);
    }

    @Test
    void aLifeEventNamedInTheWordsComesFirst() {
        assertThat(offered("出生一件事")).first().isEqualTo("bundle:have-a-baby");
        assertThat(offered("开饭店")).first().isEqualTo("bundle:open-restaurant");
        // an item's own name is not a life event: nothing is offered before the item
        assertThat(offered("食品经营许可")).first().isEqualTo("MR-001");
    }

    @Test
    void itemsSharingOnlyACommonWordDoNotStandOnTheFirstPage() {
        // 许可 alone: other licences are not what a person asking for a food business licence means
        assertThat(offered("食品经营许可")).as("offered").doesNotContain("HE-004", "EE-001", "NR-005", "HC-004");
        // 一件事 says "a life event", not which: it finds no items by itself
        assertThat(offered("出生一件事")).as("offered").doesNotContain("MR-004", "CA-002", "TX-004", "EE-004");
        // registering a marriage is not registering a mortgage or special equipment
        assertThat(offered("结婚登记")).as("offered").doesNotContain("NR-002", "MR-004");
    }

    @Test
    void whenNothingBetterMatchesTheWeakMatchesStay() {
        // one common character is all there is: it is what the person asked for
        assertThat(catalog.search(query("证")).total()).isPositive();
    }

    @Test
    void weakMatchesAreNotCountedEither() {
        CatalogService.SearchPage page = catalog.search(query("食品经营许可"));
        assertThat(page.total()).isEqualTo(page.items().size()).isLessThan(FIRST_PAGE);
    }

    /** What the search offers, in order: the life events it names, then the items of the first page. */
    private List<String> offered(String words) {
        CatalogService.SearchPage page = catalog.search(query(words));
        List<String> offered = new ArrayList<>();
        page.lifeEvents().forEach(b -> offered.add("bundle:" + b.code()));
        page.items().forEach(i -> offered.add(i.code()));
        return offered;
    }

    private static SearchQuery query(String words) {
        return new SearchQuery(words, null, null, null, null, 0, FIRST_PAGE);
    }
}
