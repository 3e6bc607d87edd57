package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page state of the {@link PageWalk}, in a real headless Chromium, in Chinese, in English and
 * (the citizens' pages) in elderly mode: no WCAG 2.1 A or AA violation that axe-core finds; the
 * English pages in English; no page showing codes instead of words. A failure lists, page by page,
 * each rule broken with the elements that break it, each line not in English, each code.
 */
@IntegrationTest
class EveryPageBrowserTest extends BrowserJourney {

    /**
     * Chinese that is right on an English page, each for its reason: what the walk's people typed
     * (the citizen's shop, the clerk's list of what is missing, the handler's reasons, a search), shown
     * as they wrote it; the names of the demo people and staff; the example on the calendar's field for
     * a holiday's Chinese name; the platform's name in its own script; the name other tests give the
     * handlers they create (TestStaff), listed on the staff page.
     */
    private static final List<String> CHINESE_DATA = List.of(
            "周记烧饼", "烧饼", "请补充经营场所证明", "符合条件", "开饭店",
            "张三", "李四", "西湖区管理员", "王窗口", "冯环保", "吴住建", "赵审批", "郑规划", "周复核", "钱数据",
            "国庆节", "一网通办", "审批");

    private AxeCore axe;
    private PageWalk walk;

    @BeforeEach
    void prepare() throws IOException {
        axe = AxeCore.installed();
        walk = PageWalk.at(port);
        open(true);
    }

    @Test
    void everyPageIsAccessibleInTheReadersLanguageAndInWords() {
        theChecksFindWhatTheyLookFor();
        PageWalk.Findings inaccessible = new PageWalk.Findings();
        PageWalk.Findings notEnglish = new PageWalk.Findings();
        PageWalk.Findings codes = new PageWalk.Findings();
        List<String> data = walk.data(CHINESE_DATA);
        walk.walk(chromium, "zh-CN", false, state -> true, (state, page) -> {
            inaccessible.add(state, "中文", axe.violations(page));
            codes.add(state, "中文", ReaderText.of(page).codes(state.visitor().staff()));
        });
        walk.walk(chromium, "en", false, state -> true, (state, page) -> {
            inaccessible.add(state, "English", axe.violations(page));
            ReaderText text = ReaderText.of(page);
            notEnglish.add(state, "English", text.chinese(data));
            codes.add(state, "English", text.codes(state.visitor().staff()));
        });
        walk.walk(chromium, "zh-CN", true, state -> !state.visitor().staff(),
                (state, page) -> inaccessible.add(state, "长辈模式", axe.violations(page)));
        SoftAssertions pages = new SoftAssertions();
        pages.assertThat(inaccessible.isEmpty()).as("WCAG 2.1 AA violations found by axe-core:%s", inaccessible).isTrue();
        pages.assertThat(notEnglish.isEmpty()).as("Chinese on English pages (data and names aside):%s", notEnglish).isTrue();
        pages.assertThat(codes.isEmpty()).as("Codes instead of words:%s", codes).isTrue();
        pages.assertAll();
    }

    /** Each check finds what it is there for on a page made to have it, so that a walk without findings means something. */
    private void theChecksFindWhatTheyLookFor() {
        go("/?lang=en");
        waitFor(org.openqa.selenium.By.id("main"));
        browser.executeScript("const p = document.createElement('p'); p.textContent = '状态 SUBMITTED ??status.title?? mr-002-instant';"
                + "const i = document.createElement('img'); i.src = '/css/none.png'; document.getElementById('main').append(p, i);");
        assertThat(axe.violations(browser)).anyMatch(v -> v.startsWith("image-alt"));
        ReaderText text = ReaderText.of(browser);
        assertThat(text.chinese(CHINESE_DATA)).anyMatch(line -> line.contains("状态"));
        assertThat(text.codes(false)).anyMatch(c -> c.startsWith("“SUBMITTED”")).anyMatch(c -> c.startsWith("“??status.title??”"))
                .anyMatch(c -> c.startsWith("“mr-002-instant”"));
        assertThat(text.codes(true)).noneMatch(c -> c.startsWith("“mr-002-instant”"));
    }
}
