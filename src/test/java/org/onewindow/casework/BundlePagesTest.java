package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A life event on the pages, without JavaScript: one form for all its items, each document and
 * question asked once, sent once however often the button is pressed, then one page following
 * every application it became; an account the life event is not for is told so in plain words.
 */
@IntegrationTest
class BundlePagesTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void oneFormForTheWholeLifeEventSentTwiceMakesOneApplicationPerItemFollowedOnOnePage() throws Exception {
        FormBrowser agent = new FormBrowser(port).signIn("xihu-restaurant", DemoPeople.PASSWORD);
        assertThat(agent.get("/bundles/open-restaurant").body()).contains("id=\"apply-bundle\"", "/bundles/open-restaurant/apply");

        HttpResponse<String> form = agent.get("/bundles/open-restaurant/apply");
        assertThat(form.statusCode()).isEqualTo(200);
        // the identity card is asked by all five items and listed once
        assertThat(occurrences(form.body(), "id=\"need-resident-id-card\"")).isEqualTo(1);
        assertThat(form.body()).contains("id=\"form-shopName\"", "id=\"form-premisesAddress\"", "id=\"apply-item-TX-001\"")
                .doesNotContain("id=\"refused\"");

        // nothing answered: every item's missing answer is said at its question, and nothing is written
        String key = key(form.body());
        HttpResponse<String> empty = agent.post("/bundles/open-restaurant/apply", form.body(), Map.of("idempotencyKey", key,
                "regionCode", "330106"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("error-summary", "href=\"#form-shopName\"", "href=\"#form-premisesAddress\"", "id=\"form-premisesAddress-error\"");
        assertThat(bundlesWithKey(key)).isZero();

        Map<String, String> answers = new LinkedHashMap<>(Map.of("idempotencyKey", key(empty.body()), "regionCode", "330106",
                "form.shopName", "西湖味道小馆", "form.businessScope", "中餐", "form.organizationForm", "INDIVIDUAL",
                "form.premisesAddress", "西湖区文三路8号", "form.mainActivity", "RESTAURANT"));
        HttpResponse<String> sent = agent.post("/bundles/open-restaurant/apply", empty.body(), answers);
        HttpResponse<String> sentAgain = agent.post("/bundles/open-restaurant/apply", empty.body(), answers);
        assertThat(sent.statusCode()).isEqualTo(303);
        String followPage = sent.headers().firstValue("Location").orElseThrow();
        assertThat(followPage).contains("/applications/bundles/B");
        assertThat(sentAgain.headers().firstValue("Location")).contains(followPage);
        assertThat(bundlesWithKey(key)).isEqualTo(1);

        String number = followPage.substring(followPage.lastIndexOf('/') + 1);
        var members = jdbc.sql("select a.number from application a join application_bundle b on b.id = a.bundle_id where b.number = :n")
                .param("n", number).query(String.class).list();
        assertThat(members).hasSize(5);
        HttpResponse<String> followed = agent.get(followPage);
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).contains("开餐馆一件事", "食品经营许可（新办）", "单位参保登记", "等部门受理，您现在不用做什么。");
        members.forEach(member -> assertThat(followed.body()).contains("id=\"member-" + member + "\"", "href=\"/applications/" + member + "\""));

        // another person's life event is answered as one that does not exist
        assertThat(new FormBrowser(port).signIn("lisi", DemoPeople.PASSWORD).get(followPage).statusCode()).isEqualTo(404);
    }

    @Test
    void aCitizenIsToldInPlainWordsWhichItemsOfABusinessesLifeEventAreNotTheirs() throws Exception {
        FormBrowser citizen = new FormBrowser(port).signIn("zhangsan", DemoPeople.PASSWORD);
        HttpResponse<String> form = citizen.get("/bundles/open-restaurant/apply");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"refused\"", "新办纳税人信息确认", "该事项只面向企业办理").doesNotContain("id=\"bundle-form\"");

        // sent anyway (an old page, a crafted request): refused as a whole, in the same words, nothing written
        int before = jdbc.sql("select count(*) from application_bundle").query(Integer.class).single();
        HttpResponse<String> sent = citizen.post("/bundles/open-restaurant/apply", form.body(), Map.of("regionCode", "330106",
                "form.shopName", "小馆", "form.businessScope", "中餐", "form.organizationForm", "INDIVIDUAL",
                "form.premisesAddress", "文三路8号", "form.mainActivity", "RESTAURANT"));
        assertThat(sent.statusCode()).isEqualTo(422);
        assertThat(sent.body()).contains("该事项只面向企业办理");
        assertThat(jdbc.sql("select count(*) from application_bundle").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aLifeEventThatAsksNoQuestionsIsSentWithTheRegionAlone() throws Exception {
        FormBrowser citizen = new FormBrowser(port).signIn("zhangsan", DemoPeople.PASSWORD);
        HttpResponse<String> form = citizen.get("/bundles/have-a-baby/apply");
        assertThat(form.body()).contains("id=\"no-questions\"", "id=\"window-only\"", "预防接种证办理");
        HttpResponse<String> sent = citizen.post("/bundles/have-a-baby/apply", form.body(), Map.of("idempotencyKey", key(form.body()),
                "regionCode", "330106"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(citizen.get(sent.headers().firstValue("Location").orElseThrow()).body()).contains("出生一件事", "出生登记（新生儿户口登记）");
        assertThat(citizen.get("/bundles/no-such-event/apply").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyCitizensAndEnterpriseAgentsApply() throws Exception {
        assertThat(new FormBrowser(port).get("/bundles/have-a-baby/apply").statusCode()).isEqualTo(302);
        assertThat(new FormBrowser(port).signIn("clerk.xihu", DemoPeople.PASSWORD).get("/bundles/have-a-baby/apply").statusCode())
                .isEqualTo(403);
    }

    private int bundlesWithKey(String key) {
        return jdbc.sql("select count(*) from application_bundle where idempotency_key = :k").param("k", key).query(Integer.class).single();
    }

    private static String key(String page) {
        Matcher key = KEY.matcher(page);
        assertThat(key.find()).isTrue();
        return key.group(1);
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
