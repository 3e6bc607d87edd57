package org.onewindow.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.FormBrowser;
import org.onewindow.IntegrationTest;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.internal.SimulatedRealNameRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application pages, driven as a browser without JavaScript would: sign in, forms with CSRF tokens, answers in plain words. */
@IntegrationTest
class CaseworkPagesTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.onewindow.identity.TestStaff staff;
    @Autowired
    org.onewindow.casework.process.ItemProcedures procedures;

    @Test
    void eachWrongAnswerIsExplainedNextToItsFieldAndTheAnswersAreKept() throws Exception {
        FormBrowser citizen = signedIn("zhangsan");
        HttpResponse<String> form = citizen.get("/items/MR-002/apply");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"form-shopName\"", "<legend>", "name=\"regionCode\"");
        String scope = "图书零售-" + UUID.randomUUID();

        HttpResponse<String> broken = citizen.post("/items/MR-002/apply", form.body(), Map.of("idempotencyKey", keyOf(form.body()),
                "form.shopName", " ", "form.businessScope", scope, "form.employees", "很多", "regionCode", "330106"));

        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("error-summary", "href=\"#form-shopName\"", "href=\"#form-organizationForm\"",
                "href=\"#form-employees\"", "id=\"form-shopName-error\"", "此项为必填。", "个体工商户名称：此项为必填。");
        assertThat(broken.body()).as("the answers given are kept").contains(scope);
        assertThat(jdbc.sql("select count(*) from application where form ->> 'businessScope' = :s").param("s", scope)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void sendingTheSameFormTwiceMakesOneApplication() throws Exception {
        FormBrowser citizen = signedIn("zhangsan");
        HttpResponse<String> form = citizen.get("/items/MR-002/apply");
        String key = keyOf(form.body());
        Map<String, String> answers = Map.of("idempotencyKey", key, "form.shopName", "张记书店", "form.businessScope", "图书",
                "form.organizationForm", "INDIVIDUAL", "regionCode", "330106");

        HttpResponse<String> first = citizen.post("/items/MR-002/apply", form.body(), answers);
        HttpResponse<String> second = citizen.post("/items/MR-002/apply", form.body(), answers);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(second.headers().firstValue("Location")).contains(location);
        assertThat(jdbc.sql("select count(*) from application where idempotency_key = :k").param("k", key).query(Integer.class).single())
                .isEqualTo(1);

        String number = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> status = citizen.get("/applications/" + number);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("个体工商户设立登记", number, "已提交，等待受理", "提交了申请", "撤回申请");
        assertThat(citizen.get("/applications").body()).contains("application-" + number);
    }

    @Test
    void someoneElsesApplicationDoesNotExistForAStranger() throws Exception {
        String number = applyAs(signedIn("zhangsan"));

        assertThat(signedIn("lisi").get("/applications/" + number).statusCode()).isEqualTo(404);
        assertThat(signedIn("lisi").get("/applications").body()).doesNotContain(number);
    }

    @Test
    void theOfficeSeesItsWorkAndGetsAPlainAnswerWhenAStepIsRefused() throws Exception {
        String number = applyAs(signedIn("zhangsan"));
        FormBrowser handler = signedIn("handler.xihu.mr");
        assertThat(handler.get("/office").body()).contains("work-" + number);
        assertThat(signedIn("clerk.xihu").get("/office").body()).contains("work-" + number);

        HttpResponse<String> page = handler.get("/office/applications/" + number);
        assertThat(page.body()).contains("form-accept", "form-return", "张记书店");
        HttpResponse<String> noList = handler.post("/office/applications/" + number + "/return", page.body(), Map.of("lines", "  "));
        assertThat(noList.statusCode()).isEqualTo(422);
        assertThat(noList.body()).contains("没能退回补正", "请一次性列出所有缺少或需要修改的内容");

        HttpResponse<String> accepted = handler.post("/office/applications/" + number + "/accept", page.body(), Map.of());
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(handler.get("/office/applications/" + number).body()).contains("已受理。", "form-review");
        HttpResponse<String> again = handler.post("/office/applications/" + number + "/accept", page.body(), Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("“已受理”");

        FormBrowser clerk = signedIn("clerk.xihu");
        HttpResponse<String> clerkPage = clerk.get("/office/applications/" + number);
        assertThat(clerkPage.body()).doesNotContain("form-review");
        assertThat(clerk.post("/office/applications/" + number + "/review", clerkPage.body(), Map.of()).statusCode()).isEqualTo(403);
        assertThat(signedIn("zhangsan").get("/office").statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongIdNumberAtTheWindowIsAFieldErrorAndAValidOneFilesTheApplication() throws Exception {
        FormBrowser clerk = signedIn("clerk.xihu");
        HttpResponse<String> form = clerk.get("/office/window?item=MR-002");
        assertThat(form.body()).contains("id=\"form-shopName\"", "id=\"idNumber\"");
        String first17 = "33010619800202" + String.format("%03d", (int) (Math.random() * 900) + 100);
        char right = ResidentIdNumber.checkDigitFor(first17);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("idempotencyKey", keyOf(form.body()), "itemCode", "MR-002",
                "idNumber", first17 + (right == '0' ? '1' : '0'), "name", "王五", "phone", "123", "regionCode", "330106",
                "form.shopName", "王记面馆", "form.businessScope", "面食", "form.organizationForm", "FAMILY"));

        HttpResponse<String> wrong = clerk.post("/office/window", form.body(), fields);
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("href=\"#idNumber\"", "href=\"#phone\"", "校验码不正确", "王记面馆");

        fields.put("idNumber", first17 + right);
        fields.put("name", SimulatedRealNameRegister.personOf(first17 + right).name());
        fields.put("phone", "13912345678");
        HttpResponse<String> confirm = clerk.post("/office/window", form.body(), fields);
        assertThat(confirm.statusCode()).isEqualTo(200);
        // whom it will belong to is shown masked; the typed number travels on only in the form being confirmed
        assertThat(confirm.body()).contains("id=\"window-confirm\"",
                "id=\"owner-idNumber\">" + org.onewindow.shared.pii.PersonalDataMask.idNumber(first17 + right) + "<");

        Map<String, String> wrongName = new LinkedHashMap<>(fields);
        wrongName.put("name", "冒名顶替");
        HttpResponse<String> mismatch = clerk.post("/office/window", form.body(), wrongName);
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("href=\"#name\"", "姓名与该身份证号码的实名信息不一致").doesNotContain("window-confirm");
        fields.put("confirmed", "true");
        HttpResponse<String> filed = clerk.post("/office/window", confirm.body(), fields);
        assertThat(filed.statusCode()).isEqualTo(303);
        assertThat(filed.headers().firstValue("Location").orElseThrow()).contains("/office/applications/OW").endsWith("/receipt");
    }

    @Test
    void onlyAdministratorsSeeTheOutboxAndNeverAFullPhoneNumber() throws Exception {
        String number = applyAs(signedIn("zhangsan"));
        jdbc.sql("insert into notification (recipient, channel, application_number, step, state_after, step_at) "
                        + "values ('13812345678', 'SMS', :n, 'submitted', 'SUBMITTED', now())").param("n", number).update();
        assertThat(jdbc.sql(
                "select count(*) from notification where application_number = :n and recipient = 'zhangsan' and channel = 'SMS'")
                .param("n", number).query(Integer.class).single()).isPositive();

        assertThat(signedIn("clerk.xihu").get("/admin/outbox").statusCode()).isEqualTo(403);
        HttpResponse<String> outbox = signedIn("admin").get("/admin/outbox");
        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(outbox.body()).contains(number, "138****5678", "zhangsan").doesNotContain("13812345678");
        assertThat(signedIn("admin").get("/admin/outbox?channel=EMAIL").body()).doesNotContain("138****5678");
    }

    @Test
    void withdrawingNeedsAConfirmationAndEndsTheApplication() throws Exception {
        FormBrowser citizen = signedIn("zhangsan");
        String number = applyAs(citizen);
        HttpResponse<String> status = citizen.get("/applications/" + number);

        HttpResponse<String> unconfirmed = citizen.post("/applications/" + number + "/withdrawal", status.body(), Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("href=\"#withdraw-confirm\"", "请勾选确认后再撤回。", "已提交，等待受理");

        assertThat(citizen.post("/applications/" + number + "/withdrawal", status.body(), Map.of("confirm", "yes")).statusCode())
                .isEqualTo(303);
        HttpResponse<String> withdrawn = citizen.get("/applications/" + number);
        assertThat(withdrawn.body()).contains("已撤回", "申请已撤回。", "撤回了申请").doesNotContain("id=\"withdraw-confirm\"");
        HttpResponse<String> again = citizen.post("/applications/" + number + "/withdrawal", status.body(), Map.of("confirm", "yes"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("“已撤回”");
    }

    @Test
    void thePagesSpeakEnglishToo() throws Exception {
        FormBrowser citizen = signedIn("zhangsan");
        String number = applyAs(citizen);
        assertThat(citizen.get("/applications/" + number + "?lang=en").body())
                .contains("Register as a sole trader", "Sent, waiting to be accepted", "Application sent", "you", "Withdraw application");
        assertThat(citizen.get("/items/MR-001/apply").body()).contains("Restaurant", "Address of the premises", "(optional)");
    }

    // ------------------------------------------------------------------ plumbing

    private String applyAs(FormBrowser citizen) throws Exception {
        HttpResponse<String> form = citizen.get("/items/MR-002/apply");
        HttpResponse<String> sent = citizen.post("/items/MR-002/apply", form.body(), Map.of("idempotencyKey", keyOf(form.body()),
                "form.shopName", "张记书店", "form.businessScope", "图书", "form.organizationForm", "INDIVIDUAL", "regionCode", "330106"));
        assertThat(sent.statusCode()).isEqualTo(303);
        String location = sent.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String keyOf(String page) {
        Matcher m = KEY.matcher(page);
        assertThat(m.find()).as("the form carries an idempotency key").isTrue();
        return m.group(1);
    }

    @Test
    void aOneStarRatingWithoutAReasonIsRefusedInPlainWordsAndKeepsWhatWasChosenAndTyped() throws Exception {
        DemoPeople.NewCitizen person = DemoPeople.at(port).aNewCitizen();
        String number = DemoCases.at(port).closed(person.client(), "MR-002",
                "{\"shopName\": \"孙记面馆\", \"businessScope\": \"面食\", \"organizationForm\": \"INDIVIDUAL\"}");
        FormBrowser citizen = new FormBrowser(port).signIn(person.username(), person.password());
        String page = citizen.get("/applications/" + number).body();

        HttpResponse<String> refused = citizen.post("/applications/" + number + "/rating", page, Map.of("score", "1", "reasons", " "));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"reasons-error\"", "打 1 分时请写下哪里不满意", "href=\"#reasons\"")
                .containsPattern("id=\"score-1\" value=\"1\" checked");
        HttpResponse<String> keptText = citizen.post("/applications/" + number + "/rating", page, Map.of("score", "0", "reasons", "等了很久"));
        assertThat(keptText.statusCode()).isEqualTo(422);
        assertThat(keptText.body()).contains("请选择 1 至 5 分", ">等了很久</textarea>");

        HttpResponse<String> rated = citizen.post("/applications/" + number + "/rating", page, Map.of("score", "1", "reasons", "等了很久"));
        assertThat(rated.statusCode()).isEqualTo(303);
        assertThat(citizen.get("/applications/" + number).body()).contains("id=\"rating-given\"", "等了很久");
    }

    @Test
    void theSupervisorSeesTheAreaAndAnswersABadRatingOnTheirPage() throws Exception {
        // a closed application rated 1, through the API
        var citizen = DemoPeople.at(port).zhangsan();
        String number = DemoCases.at(port).closed(citizen, "MR-001", "{\"premisesAddress\": \"西湖区文三路9号\", \"mainActivity\": \"RESTAURANT\"}");
        String application = "/api/v1/casework/applications/" + number;
        assertThat(citizen.post(application + "/rating", "{\"score\": 1, \"reasons\": [\"来回跑了三次\"]}").status()).isEqualTo(201);

        assertThat(signedIn("clerk.xihu").get("/supervision").statusCode()).isEqualTo(403);
        FormBrowser supervisor = signedIn("supervisor.hangzhou");
        HttpResponse<String> page = supervisor.get("/supervision");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("超期和临近时限的申请", "按时办结率", "自动审批比例", "follow-up-" + number, "来回跑了三次");

        HttpResponse<String> empty = supervisor.post("/supervision/follow-ups/" + number, page.body(), Map.of("answer", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("answer-" + number + "-error");
        HttpResponse<String> answered = supervisor.post("/supervision/follow-ups/" + number, page.body(),
                Map.of("answer", "已约谈窗口负责人，一次告知所需材料。"));
        assertThat(answered.statusCode()).isEqualTo(303);
        assertThat(supervisor.get("/supervision").body()).doesNotContain("follow-up-" + number);
        assertThat(citizen.get(application + "/rating").body()).contains("已约谈窗口负责人");
    }

    @Test
    void administratorsSeeTheProcessesAndChooseAnItemsProcedureOnAPage() throws Exception {
        assertThat(signedIn("clerk.xihu").get("/admin/processes").statusCode()).isEqualTo(403);
        FormBrowser admin = signedIn("admin");
        HttpResponse<String> page = admin.get("/admin/processes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("model-ow-standard", "ow-two-step-review", "ow-countersign-construction", "mr-002-instant");

        HttpResponse<String> unknown = admin.post("/admin/procedures", page.body(),
                Map.of("itemCode", "XX-404", "processKey", "ow-standard", "decisionTable", ""));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("error-summary", "XX-404");
        HttpResponse<String> saved = admin.post("/admin/procedures", page.body(),
                Map.of("itemCode", "HE-002", "processKey", "ow-two-step-review", "decisionTable", ""));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/processes").body()).contains("HE-002");

        HttpResponse<String> madeUp = admin.post("/admin/procedures", page.body(),
                Map.of("itemCode", "TR-002", "processKey", "ow-standard", "decisionTable", "", "fourEyes", "NOBODY"));
        assertThat(madeUp.statusCode()).isEqualTo(422);
        assertThat(madeUp.body()).contains("error-summary", "请从列表中选择一种双人复核要求");
        HttpResponse<String> everyDecision = admin.post("/admin/procedures", page.body(),
                Map.of("itemCode", "TR-002", "processKey", "ow-standard", "decisionTable", "", "fourEyes", "EVERY_DECISION"));
        assertThat(everyDecision.statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/processes").body()).contains("TR-002", "每个决定都须由另一人作出");
        assertThat(procedures.forItem("TR-002").fourEyes()).isEqualTo(org.onewindow.casework.model.FourEyes.EVERY_DECISION);
        HttpResponse<String> noFile = admin.post("/admin/processes", page.body(), Map.of());
        assertThat(noFile.statusCode()).isIn(400, 422);
    }

    @Test
    void aCountyAdministratorSeesTheProcessesButIsNotOfferedToChangeThem() throws Exception {
        HttpResponse<String> page = signedIn("admin.xihu").get("/admin/processes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("processes-kept-by-province", "ow-standard").doesNotContain("deploy-form", "procedure-form");
        assertThat(signedIn("admin").get("/admin/processes").body()).contains("deploy-form", "procedure-form")
                .doesNotContain("processes-kept-by-province");
    }

    @Test
    void aHandlerHandsATaskTheyHoldToAColleague() throws Exception {
        staff.handler("handler4.xihu.mr", "330106", "market-regulation");
        var citizen = DemoPeople.at(port).zhangsan();
        String number = DemoCases.at(port).submitted(citizen, "MR-001", "{\"premisesAddress\": \"西湖区文三路10号\", \"mainActivity\": \"RESTAURANT\"}");
        FormBrowser handler = signedIn("handler.xihu.mr");
        HttpResponse<String> office = handler.get("/office");
        assertThat(handler.post("/office/tasks/" + taskOf(office.body(), number) + "/claim", office.body(), Map.of()).statusCode()).isEqualTo(303);

        HttpResponse<String> page = handler.get("/office/applications/" + number);
        assertThat(page.body()).contains("handover-to", "handler4.xihu.mr");
        HttpResponse<String> handed = handler.post(formAction(page.body(), "/handover"), page.body(), Map.of("to", "handler4.xihu.mr"));
        assertThat(handed.statusCode()).isEqualTo(303);
        assertThat(DemoPeople.at(port).signedIn("handler4.xihu.mr").get("/api/v1/casework/tasks").body())
                .contains(number, "\"assignee\":\"handler4.xihu.mr\"");
        assertThat(citizen.get("/api/v1/casework/applications/" + number).body()).contains("handed-over");
    }

    @Test
    void myApplicationsPageShowsTheInbox() throws Exception {
        String number = DemoCases.at(port).submitted(DemoPeople.at(port).lisi(), "MR-002",
                "{\"shopName\": \"李四杂货\", \"businessScope\": \"日用百货\", \"organizationForm\": \"FAMILY\"}");
        FormBrowser browser = signedIn("lisi");
        assertThat(browser.get("/applications").body()).contains("id=\"inbox\"", "/applications/" + number + "\"", "转工作人员审查");
    }

    private static String taskOf(String officePage, String number) {
        int button = officePage.indexOf("id=\"take-" + number + "\"");
        assertThat(button).as("a take button for " + number).isPositive();
        Matcher action = Pattern.compile("action=\"/office/tasks/([^/\"]+)/claim\"").matcher(officePage.substring(0, button));
        String taskId = null;
        while (action.find()) {
            taskId = action.group(1);
        }
        assertThat(taskId).isNotNull();
        return taskId;
    }

    private static String formAction(String page, String ending) {
        Matcher m = Pattern.compile("action=\"([^\"]+" + Pattern.quote(ending) + ")\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private FormBrowser signedIn(String username) throws Exception {
        return new FormBrowser(port).signIn(username, DemoPeople.PASSWORD);
    }
}
