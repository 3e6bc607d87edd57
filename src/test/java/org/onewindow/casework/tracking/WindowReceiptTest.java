package org.onewindow.casework.tracking;

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
import org.onewindow.PlatformClient;
import org.onewindow.identity.internal.SimulatedRealNameRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The window finds the service by the person's words, files, and gives a receipt: the number, the
 * materials taken on paper, the promised date, and a tracking code with which anyone holding the
 * receipt follows the application on a public page or the API, without signing in. A wrong
 * number or code is told one thing; the code is kept only hashed; a new code ends the old one.
 */
@IntegrationTest
class WindowReceiptTest {

    private static final Pattern CODE = Pattern.compile("id=\"tracking-code\">([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})<");
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theWindowFindsTheServiceByWordsNotFromAListOfEveryItem() throws Exception {
        FormBrowser clerk = new FormBrowser(port).signIn("clerk.xihu", DemoPeople.PASSWORD);
        String start = clerk.get("/office/window").body();
        assertThat(start).contains("id=\"item-q\"").doesNotContain("<select id=\"item\"", "choose-MR-002");

        String found = clerk.get("/office/window?q=" + PlatformClient.encode("个体工商户")).body();
        assertThat(found).contains("id=\"choose-MR-002\"", "/office/window?item=MR-002");
        assertThat(clerk.get("/office/window?q=MR-002").body()).contains("id=\"choose-MR-002\"");
        assertThat(clerk.get("/office/window?q=qqqzzzxxw").body()).contains("id=\"no-items\"", "qqqzzzxxw");
    }

    @Test
    void aReceiptWithItsTrackingCodeLetsAnyoneHoldingItFollowTheApplication() throws Exception {
        FormBrowser clerk = new FormBrowser(port).signIn("clerk.xihu", DemoPeople.PASSWORD);
        HttpResponse<String> form = clerk.get("/office/window?item=MR-002");
        String idNumber = DemoPeople.aNewIdNumber();
        String name = SimulatedRealNameRegister.personOf(idNumber).name();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("idempotencyKey", key(form.body()), "itemCode", "MR-002",
                "idNumber", idNumber, "name", name, "phone", "13912345678", "regionCode", "330106",
                "form.shopName", "孙记包子", "form.businessScope", "面点", "form.organizationForm", "FAMILY"));
        fields.put("received.individual-business-form", "true");
        fields.put("received.resident-id-card", "true");
        HttpResponse<String> confirm = clerk.post("/office/window", form.body(), fields);
        assertThat(confirm.body()).contains("id=\"window-confirm\"", "name=\"received.resident-id-card\"");
        fields.put("confirmed", "true");
        HttpResponse<String> filed = clerk.post("/office/window", confirm.body(), fields);
        assertThat(filed.statusCode()).isEqualTo(303);
        String location = filed.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/office/applications/OW[^/]+/receipt");
        String number = location.replaceAll(".*/office/applications/([^/]+)/receipt", "$1");

        String receipt = clerk.get("/office/applications/" + number + "/receipt").body();
        assertThat(receipt).contains("id=\"receipt-number\">" + number + "<", "个体工商户登记（备案）申请书", "居民身份证",
                "经营场所使用证明", "未收到，需要补交", "承诺当天办结，法定时限 3 个工作日", "139****5678")
                .doesNotContain(idNumber, "13912345678");
        assertThat(receipt).containsPattern("id=\"receipt-material-resident-id-card\">\\s*<span>居民身份证</span>:\\s*<strong>已收到");
        assertThat(receipt).containsPattern("id=\"receipt-material-premises-proof\">\\s*<span>[^<]+</span>:\\s*<strong>未收到");
        String code = code(receipt);
        assertThat(jdbc.sql("select tracking_code_hash from window_receipt where application_number = :n").param("n", number)
                .query(String.class).single()).doesNotContain(code).doesNotContain(code.replace("-", "")).hasSize(64);
        // the code is shown once: a reload of the receipt offers a new one instead
        assertThat(clerk.get("/office/applications/" + number + "/receipt").body()).doesNotContain(code).contains("id=\"new-code\"");

        FormBrowser anyone = new FormBrowser(port);
        String page = anyone.get("/track").body();
        HttpResponse<String> followed = anyone.post("/track", page, Map.of("number", number, "code", code.toLowerCase().replace("-", " ")));
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).contains("id=\"tracked-state\">已提交，等待受理<",
                "id=\"tracked-name\">" + name.charAt(0) + "*".repeat(name.codePointCount(0, name.length()) - 1) + "<")
                .doesNotContain(idNumber, "139****5678", "13912345678", "王窗口");

        HttpResponse<String> wrongCode = anyone.post("/track", page, Map.of("number", number, "code", "AAAA-AAAA-AAAA"));
        HttpResponse<String> noSuchNumber = anyone.post("/track", page, Map.of("number", "OW000000000000", "code", code));
        assertThat(wrongCode.statusCode()).isEqualTo(404);
        assertThat(noSuchNumber.statusCode()).isEqualTo(404);
        assertThat(notFoundMessage(wrongCode.body())).isEqualTo(notFoundMessage(noSuchNumber.body())).contains("申请编号或查询码不对");

        PlatformClient api = DemoPeople.at(port).anonymous();
        var tracked = api.post("/api/v1/casework/tracking", "{\"number\": \"" + number + "\", \"code\": \"" + code + "\"}");
        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.json().path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(tracked.json().path("maskedName").asString()).contains("*");
        assertThat(tracked.body()).doesNotContain(idNumber, "applicant\"", "clerk.xihu");
        assertThat(api.post("/api/v1/casework/tracking", "{\"number\": \"" + number + "\", \"code\": \"AAAA\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/casework/tracking", "{\"number\": \"" + number + "\"}").firstError()).startsWith("code ");

        // a new code ends the old one
        String reissued = code(clerk.post("/office/applications/" + number + "/receipt", receipt, Map.of()).body());
        assertThat(reissued).isNotEqualTo(code);
        assertThat(anyone.post("/track", page, Map.of("number", number, "code", code)).statusCode()).isEqualTo(404);
        assertThat(anyone.post("/track", page, Map.of("number", number, "code", reissued)).statusCode()).isEqualTo(200);
    }

    private static String code(String receipt) {
        Matcher found = CODE.matcher(receipt);
        assertThat(found.find()).as("the receipt shows a tracking code").isTrue();
        return found.group(1);
    }

    private static String key(String page) {
        Matcher found = KEY.matcher(page);
        assertThat(found.find()).isTrue();
        return found.group(1);
    }

    private static String notFoundMessage(String page) {
        int at = page.indexOf("id=\"track-not-found\"");
        assertThat(at).isPositive();
        return page.substring(at, page.indexOf("</div>", at));
    }
}
