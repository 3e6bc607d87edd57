package org.onewindow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The staff pages, driven as a browser would: sign in, forms with CSRF tokens, rules shown on the page. */
@IntegrationTest
class CatalogAdminPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.MessageSource messages;
    FormBrowser browser;

    @BeforeEach
    void freshBrowser() {
        browser = new FormBrowser(port);
    }

    @Test
    void theProvinceAdministratorChecksAndPublishesAnItemAsJsonInTheAdvancedView() throws Exception {
        signIn("admin");
        assertThat(get("/admin/catalog/items/edit?code=MR-001").body()).contains("/admin/catalog/items/json?code=MR-001");
        HttpResponse<String> form = get("/admin/catalog/items/json?code=MR-001");
        assertThat(form.statusCode()).isEqualTo(200);
        String standard = textareaOf(form.body()).replace("食品经营许可（新办）", "小餐饮登记");

        HttpResponse<String> broken = post("/admin/catalog/items/json", form.body(),
                Map.of("code", "MR-950", "json", standard.replaceFirst("\"promisedDays\"\\s*:\\s*\\d+", "\"promisedDays\": 999"), "action", "validate"));
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.body()).contains("error-summary", "item.promised-within-statutory");

        HttpResponse<String> unreadable = post("/admin/catalog/items/json", form.body(), Map.of("code", "MR-950", "json", "{ not json", "action", "save"));
        assertThat(unreadable.body()).contains("malformed-json");
        assertThat(versionsOf("MR-950")).isZero();

        HttpResponse<String> published = post("/admin/catalog/items/json", form.body(), Map.of("code", "MR-950", "json", standard, "action", "publish"));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(published.headers().firstValue("Location").orElseThrow()).endsWith("/admin/catalog");
        assertThat(get("/admin/catalog").body()).contains("MR-950");
        assertThat(get("/items/MR-950").body()).contains("小餐饮登记");
    }

    @Test
    void aCountyAdministratorPublishesLocalDetailsButCannotLoosenTheStandard() throws Exception {
        signIn("admin.xihu");
        HttpResponse<String> index = get("/admin/catalog");
        assertThat(index.statusCode()).isEqualTo(200);

        Map<String, String> looser = new LinkedHashMap<>(Map.of("itemCode", "MR-002", "regionCode", "330106", "promisedDays", "99",
                "addressZh", "西湖区行政服务中心", "addressEn", "Xihu District Service Centre", "hoursZh", "工作日 9:00-17:00",
                "phone", "0571-88888888"));
        HttpResponse<String> refused = post("/admin/catalog/local", index.body(), looser);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("error-summary", "href=\"#promisedDays\"", "id=\"promisedDays-error\"", message("rule.local.more-days"))
                .contains("value=\"西湖区行政服务中心\"", "value=\"Xihu District Service Centre\"", "value=\"工作日 9:00-17:00\"",
                        "value=\"0571-88888888\"", "value=\"99\"");
        assertThat(localRows("MR-002", "330106")).isZero();

        looser.put("promisedDays", "0");
        assertThat(post("/admin/catalog/local", index.body(), looser).statusCode()).isEqualTo(302);
        assertThat(localRows("MR-002", "330106")).isEqualTo(1);
        assertThat(get("/items/MR-002?region=330106").body()).contains("西湖区行政服务中心");
    }

    @Test
    void aCountyAdministratorIsToldWhatIsWrongInPlainWordsAndOfferedOnlyWhatTheyMayDo() throws Exception {
        signIn("admin.xihu");
        HttpResponse<String> index = get("/admin/catalog");
        assertThat(index.body()).doesNotContain("/admin/catalog/items/edit", "/admin/catalog/bundles")
                .contains(messages.getMessage("admin.countyOnly", null, java.util.Locale.SIMPLIFIED_CHINESE));
        assertThat(get("/admin/catalog/items/edit?code=MR-001").statusCode()).isEqualTo(403);

        for (String elsewhere : java.util.List.of("330110", "330102", "310101")) {
            int before = localRows("MR-002", elsewhere);
            HttpResponse<String> outside = post("/admin/catalog/local", index.body(), Map.of("itemCode", "MR-002", "regionCode", elsewhere,
                    "addressZh", "别处的服务中心"));
            assertThat(outside.statusCode()).isEqualTo(422);
            assertThat(outside.body()).contains("id=\"regionCode-error\"", elsewhere + " 不在您的管辖范围内", "您只能为西湖区")
                    .doesNotContain(messages.getMessage("rule.local.region-unknown", new Object[] {elsewhere}, java.util.Locale.SIMPLIFIED_CHINESE))
                    .contains("value=\"别处的服务中心\"");
            assertThat(localRows("MR-002", elsewhere)).isEqualTo(before);
        }

        HttpResponse<String> unknownItem = post("/admin/catalog/local", index.body(), Map.of("itemCode", "XX-404", "regionCode", "330106"));
        assertThat(unknownItem.statusCode()).isEqualTo(422);
        assertThat(unknownItem.body()).contains("id=\"itemCode-error\"", "没有编码为 XX-404 的已发布事项");
        HttpResponse<String> inEnglish = post("/admin/catalog/local?lang=en", index.body(), Map.of("itemCode", "MR-002", "regionCode", "330110"));
        assertThat(inEnglish.body()).contains("330110 is outside your area", "Xihu District");
    }

    @Test
    void rowsAreAddedAndRemovedByButtonsAndACheckNamesEveryFieldWithoutSavingAnything() throws Exception {
        signIn("admin");
        HttpResponse<String> page = get("/admin/catalog/items/edit");
        HttpResponse<String> added = post("/admin/catalog/items", page.body(), Map.of("code", "MR-951", "name.zh", "试办", "action", "add-faq"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("id=\"faq-0-question-zh\"", "name=\"faq[0].question.zh\"", "value=\"试办\"")
                .doesNotContain("error-summary");
        HttpResponse<String> removed = post("/admin/catalog/items", page.body(),
                Map.of("code", "MR-951", "faq[0].question.zh", "能不能代办？", "action", "remove-faq-0"));
        assertThat(removed.body()).doesNotContain("id=\"faq-0-question-zh\"", "能不能代办？");

        HttpResponse<String> checked = post("/admin/catalog/items", page.body(), Map.of("code", "MR-951", "statutoryDays", "二十",
                "materials[0].code", "Bad Code", "action", "validate"));
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).contains("error-summary", "href=\"#statutoryDays\"", "id=\"statutoryDays-error\"", "value=\"二十\"",
                "href=\"#name-zh\"", "href=\"#materials-0-code\"", "id=\"materials-0-code-error\"", "value=\"Bad Code\"",
                "href=\"#department\"", "href=\"#channels-ONLINE\"");
        assertThat(post("/admin/catalog/items", page.body(), Map.of("code", "MR-951", "action", "publish")).statusCode()).isEqualTo(200);
        assertThat(versionsOf("MR-951")).isZero();
    }

    @Test
    void anUnknownItemCodeOpensAnEmptyEditorThatSaysSo() throws Exception {
        signIn("admin");
        HttpResponse<String> page = get("/admin/catalog/items/edit?code=XX-777");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("还没有编码为 XX-777 的事项", "value=\"XX-777\"");
    }

    @Test
    void aCitizenIsTurnedAwayFromTheStaffPages() throws Exception {
        signIn("zhangsan");
        assertThat(get("/admin/catalog").statusCode()).isEqualTo(403);
        assertThat(get("/account").body()).contains("3301**********").doesNotContain("33010619900101123");
    }

    @Test
    void whatPeopleTypeIntoFormsIsStoredAsTextAndShownEscaped() throws Exception {
        String first17 = "11010519880808123";
        String idNumber = first17 + org.onewindow.identity.ResidentIdNumber.checkDigitFor(first17);
        HttpResponse<String> form = get("/register");
        Map<String, String> fields = Map.of("username", "bobby", "password", "a-long-password",
                "name", "<script>alert(1)</script>'); drop table account;--", "idNumber", idNumber, "phone", "13800001111");
        assertThat(post("/register", form.body(), fields).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select display_name from account where username = 'bobby'").query(String.class).single())
                .isEqualTo("<script>alert(1)</script>'); drop table account;--");

        HttpResponse<String> login = get("/login");
        post("/login", login.body(), Map.of("username", "bobby", "password", "a-long-password"));
        assertThat(get("/account").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void aBadIdNumberOnTheRegistrationFormIsExplainedNextToTheField() throws Exception {
        String first17 = "11010519880808124";
        char wrongCheckDigit = org.onewindow.identity.ResidentIdNumber.checkDigitFor(first17) == '0' ? '1' : '0';
        HttpResponse<String> form = get("/register");
        HttpResponse<String> answer = post("/register", form.body(), Map.of("username", "carol", "password", "a-long-password",
                "name", "Carol", "idNumber", first17 + wrongCheckDigit));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("error-summary", "#idNumber");
        assertThat(jdbc.sql("select count(*) from account where username = 'carol'").query(Integer.class).single()).isZero();
    }

    private void signIn(String username) throws Exception {
        browser.signIn(username, DemoPeople.PASSWORD);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.get(path);
    }

    private HttpResponse<String> post(String path, String pageWithForm, Map<String, String> fields) throws Exception {
        return browser.post(path, pageWithForm, fields);
    }

    private static String textareaOf(String page) {
        Matcher m = Pattern.compile("<textarea[^>]*name=\"json\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
    }

    /** The message's words before its number, as the page shows them. */
    private String message(String key) {
        return messages.getMessage(key, new Object[] {"?"}, java.util.Locale.SIMPLIFIED_CHINESE).split("（")[0];
    }

    private int versionsOf(String code) {
        return jdbc.sql("select count(*) from service_item where code = :c").param("c", code).query(Integer.class).single();
    }

    private int localRows(String item, String region) {
        return jdbc.sql("select count(*) from local_implementation where item_code = :i and region_code = :r")
                .param("i", item).param("r", region).query(Integer.class).single();
    }
}
