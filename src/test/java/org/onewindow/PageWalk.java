package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page state a person can reach, for the checks that must hold on all of them (accessibility,
 * the reader's language, no internal codes): public pages, a citizen's pages in each state of an
 * application, the window clerk's, the handler's, the supervisor's and the administrators' pages,
 * and the error summaries of their forms. A new page is one more {@link PageState} in
 * {@link #states()}: each state says who looks at it, where, and what they do there first.
 *
 * <p>The applications the pages show are made through the API before the walk, by a citizen of the
 * walk's own (so that the rules approve their sole-trader registration at once).
 */
public final class PageWalk {

    /** Who looks at a page: nobody signed in, or an account and its password; staff see the evidence behind decisions. */
    public record Visitor(String username, String password, boolean staff) {
        public static final Visitor ANONYMOUS = new Visitor(null, null, false);

        static Visitor staff(String username) {
            return new Visitor(username, DemoPeople.PASSWORD, true);
        }
    }

    /** What a visitor does on the page before it is checked, such as sending a form empty to see its errors. */
    @FunctionalInterface
    public interface Step {
        Step NOTHING = browser -> { };

        void on(ChromeDriver browser);

        /** Clicks a button and waits for what the answer shows. */
        static Step click(String button, By then) {
            return browser -> {
                browser.findElement(By.id(button)).click();
                new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(then));
            };
        }
    }

    /** One state of one page: a name to report it by, the visitor, the address and the step taken there. */
    public record PageState(String name, Visitor visitor, String path, Step step) {
        static PageState page(String name, Visitor visitor, String path) {
            return new PageState(name, visitor, path, Step.NOTHING);
        }
    }

    private static final String SOLE_TRADER = "{\"shopName\": \"周记烧饼\", \"businessScope\": \"烧饼\", \"organizationForm\": \"INDIVIDUAL\"";
    private static final By ERRORS = By.id("error-summary");

    private final List<PageState> states;
    private final String citizenName;

    private PageWalk(List<PageState> states, String citizenName) {
        this.states = states;
        this.citizenName = citizenName;
    }

    /** Makes the applications the pages show and lists the states. */
    public static PageWalk at(int port) {
        DemoPeople people = DemoPeople.at(port);
        DemoCases cases = DemoCases.of(people);
        DemoPeople.NewCitizen citizen = people.aNewCitizen();
        PlatformClient applicant = citizen.client();
        String approvedAtOnce = cases.submitted(applicant, "MR-002", SOLE_TRADER + ", \"employees\": 2}");
        String submitted = cases.submitted(applicant, "MR-002", SOLE_TRADER + "}");
        String returned = cases.returnedForCorrection(applicant, "MR-002", SOLE_TRADER + "}", "请补充经营场所证明");
        String inReview = cases.accepted(applicant, "MR-002", SOLE_TRADER + "}");
        var review = people.xihuMarketHandler().post("/api/v1/casework/applications/" + inReview + "/review", "");
        assertThat(review.status()).as("review of %s: %s", inReview, review.body()).isEqualTo(200);
        String closed = cases.closed(applicant, "MR-002", SOLE_TRADER + "}");
        Visitor me = new Visitor(citizen.username(), citizen.password(), false);
        Visitor clerk = Visitor.staff("clerk.xihu");
        Visitor handler = Visitor.staff("handler.xihu.mr");
        Visitor anonymous = Visitor.ANONYMOUS;

        List<PageState> states = new ArrayList<>(List.of(
                PageState.page("home", anonymous, "/"),
                PageState.page("search results", anonymous, "/search?q=开饭店"),
                PageState.page("search without results", anonymous, "/search?q=zzqqxx"),
                PageState.page("search for persons", anonymous, "/search?audience=PERSON"),
                PageState.page("search for enterprises", anonymous, "/search?audience=ENTERPRISE"),
                PageState.page("item", anonymous, "/items/MR-001"),
                PageState.page("item with instant approval", anonymous, "/items/MR-002"),
                PageState.page("life events", anonymous, "/bundles"),
                PageState.page("life event", anonymous, "/bundles/open-restaurant"),
                PageState.page("page not found", anonymous, "/items/NO-SUCH-ITEM"),
                PageState.page("sign in", anonymous, "/login"),
                PageState.page("sign in failed", anonymous, "/login?error"),
                PageState.page("register", anonymous, "/register"),
                new PageState("register with errors", anonymous, "/register", browser -> {
                    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
                    new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(ERRORS));
                }),

                PageState.page("account", me, "/account"),
                PageState.page("second factor", me, "/account/second-factor"),
                PageState.page("my applications", me, "/applications"),
                PageState.page("apply", me, "/items/MR-002/apply"),
                new PageState("apply with errors", me, "/items/MR-002/apply", Step.click("apply-submit", ERRORS)),
                new PageState("apply with a word for a number", me, "/items/MR-002/apply", browser -> {
                    browser.findElement(By.id("form-employees")).sendKeys("three");
                    Step.click("apply-submit", By.id("form-employees-error")).on(browser);
                }),
                PageState.page("status: approved by the rules", me, "/applications/" + approvedAtOnce),
                PageState.page("status: submitted", me, "/applications/" + submitted),
                new PageState("status: withdrawal not confirmed", me, "/applications/" + submitted, Step.click("withdraw-submit", ERRORS)),
                PageState.page("status: returned for correction", me, "/applications/" + returned),
                PageState.page("status: in review", me, "/applications/" + inReview),
                PageState.page("status: closed, to be rated", me, "/applications/" + closed),
                new PageState("status: rating without a score", me, "/applications/" + closed, Step.click("rating-submit", ERRORS)),

                PageState.page("office worklist of the window", clerk, "/office"),
                PageState.page("window: choose the item", clerk, "/office/window"),
                PageState.page("window: the form", clerk, "/office/window?item=MR-002"),
                new PageState("window: the form with errors", clerk, "/office/window?item=MR-002", Step.click("window-submit", ERRORS)),
                PageState.page("office: submitted application", clerk, "/office/applications/" + submitted),

                PageState.page("office worklist of the handler", handler, "/office"),
                PageState.page("office: application in review", handler, "/office/applications/" + inReview),
                PageState.page("office: application the rules approved", handler, "/office/applications/" + approvedAtOnce),
                PageState.page("office: closed application", handler, "/office/applications/" + closed),

                PageState.page("supervision", Visitor.staff("supervisor.hangzhou"), "/supervision"),

                PageState.page("catalog administration", Visitor.staff("admin"), "/admin/catalog"),
                PageState.page("item editor", Visitor.staff("admin"), "/admin/catalog/items/edit?code=MR-002"),
                PageState.page("processes", Visitor.staff("admin"), "/admin/processes"),
                PageState.page("outbox", Visitor.staff("admin"), "/admin/outbox"),
                PageState.page("working-day calendar", Visitor.staff("admin"), "/admin/calendar"),
                PageState.page("staff accounts", Visitor.staff("admin.xihu"), "/admin/staff")));
        return new PageWalk(List.copyOf(states), citizen.name());
    }

    public List<PageState> states() {
        return states;
    }

    /** The given data and the names of the walk's citizen as the pages show them: in full, and masked to the first character. */
    public List<String> data(List<String> more) {
        List<String> data = new ArrayList<>(more);
        data.add(citizenName);
        data.add(citizenName.substring(0, 1) + "*".repeat(citizenName.length() - 1));
        return data;
    }

    /**
     * Visits the states chosen in the browser with a language ({@code en} or {@code zh-CN}) and elderly
     * mode on or off, signing in as each state's visitor, and hands each page, once it is shown, to the check.
     */
    public void walk(HeadlessChromium chromium, String language, boolean elderly, Predicate<PageState> which,
                     BiConsumer<PageState, ChromeDriver> check) {
        ChromeDriver browser = chromium.driver();
        Visitor current = null;
        for (PageState state : states.stream().filter(which).toList()) {
            if (!state.visitor().equals(current)) {
                browser.manage().deleteAllCookies();
                chromium.go("/?lang=" + language + "&elderly=" + (elderly ? "on" : "off"));
                if (state.visitor().username() != null) {
                    signIn(chromium, state.visitor());
                }
                current = state.visitor();
            }
            chromium.go(state.path());
            chromium.waitFor(By.id("main"));
            state.step().on(browser);
            check.accept(state, browser);
        }
    }

    /** What went wrong on which page state, in the order of the walk, for a failure message a person can act on. */
    public static final class Findings {
        private final Map<String, List<String>> found = new LinkedHashMap<>();

        public void add(PageState state, String setting, List<String> problems) {
            if (!problems.isEmpty()) {
                found.computeIfAbsent(state.name() + " (" + state.path() + ", " + setting + ")", k -> new ArrayList<>()).addAll(problems);
            }
        }

        public boolean isEmpty() {
            return found.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder report = new StringBuilder();
            found.forEach((page, problems) -> {
                report.append("\n").append(page).append(":");
                problems.forEach(p -> report.append("\n  - ").append(p));
            });
            return report.toString();
        }
    }

    private void signIn(HeadlessChromium chromium, Visitor visitor) {
        ChromeDriver browser = chromium.driver();
        chromium.go("/login");
        browser.findElement(By.id("username")).sendKeys(visitor.username());
        browser.findElement(By.id("password")).sendKeys(visitor.password());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/account"));
    }
}
