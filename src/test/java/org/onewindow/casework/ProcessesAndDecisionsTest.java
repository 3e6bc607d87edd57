package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.onewindow.identity.ResidentIdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Applications on BPMN processes: instant approval by decision table, tasks, four eyes, countersignatures, new versions. */
@IntegrationTest
class ProcessesAndDecisionsTest {

    private static final String SMALL_SHOP = "{\"shopName\": \"小周烧饼\", \"businessScope\": \"烧饼\", \"employees\": 3, \"organizationForm\": \"INDIVIDUAL\"}";
    private static final String BIG_SHOP = "{\"shopName\": \"大周烧饼\", \"businessScope\": \"烧饼\", \"employees\": 20, \"organizationForm\": \"FAMILY\"}";
    private static final String FOOD = "{\"premisesAddress\": \"杭州市西湖区文三路1号\", \"mainActivity\": \"RESTAURANT\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.onewindow.identity.TestStaff staff;

    PlatformClient clerk;
    PlatformClient handler;

    @BeforeEach
    void connect() {
        clerk = new PlatformClient(port).as("clerk.xihu", "demo1234");
        handler = new PlatformClient(port).as("handler.xihu.mr", "demo1234");
        for (String department : List.of("market-regulation", "housing-construction", "natural-resources", "ecology-environment")) {
            String username = "handler2.xihu." + department;
            staff.handler(username, "330106", department);
        }
    }

    @Test
    void aClearCaseIsApprovedAtOnceAndTheApplicantSeesWhy() {
        PlatformClient citizen = newCitizen();
        var answer = citizen.apply("{\"itemCode\": \"MR-002\", \"regionCode\": \"330106\", \"form\": " + SMALL_SHOP + "}");
        assertThat(answer.status()).isEqualTo(201);
        JsonNode application = answer.json();
        assertThat(application.path("state").asString()).isEqualTo("APPROVED");
        JsonNode decision = application.path("automaticDecision");
        assertThat(decision.path("outcome").asString()).isEqualTo("APPROVE");
        assertThat(decision.path("tableKey").asString()).isEqualTo("mr-002-instant");
        assertThat(decision.path("tableVersion").asString()).startsWith("2026.1/");
        assertThat(decision.path("inputs").path("employees").asInt()).isEqualTo(3);
        assertThat(decision.path("inputs").path("organizationForm").asString()).isEqualTo("INDIVIDUAL");
        assertThat(decision.path("firedRules").get(0).path("ruleId").asString()).isEqualTo("smallIndividualBusiness");
        assertThat(decision.path("firedRules").get(0).path("explanation").path("en").asString()).contains("approved at once");

        JsonNode approval = last(application.path("timeline"));
        assertThat(approval.path("step").asString()).isEqualTo("approved");
        assertThat(approval.path("actor").asString()).isEqualTo("system:automatic-decision");
        assertThat(approval.path("reasons").get(0).asString()).contains("自动核准");
        assertThat(application.path("acceptedOn").isNull()).isFalse();
        // nothing is left for the office, and the evidence is in the database
        String number = application.path("number").asString();
        assertThat(jdbc.sql("select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_ where e.business_key_ = :n")
                .param("n", number).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select outcome from automatic_decision d join application a on a.id = d.application_id where a.number = :n")
                .param("n", number).query(String.class).single()).isEqualTo("APPROVE");
        // task-level history: the ended instance is kept, its activities are not (the timeline has every step)
        assertThat(jdbc.sql("select count(*) from act_hi_procinst where business_key_ = :n and end_time_ is not null")
                .param("n", number).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_ where p.business_key_ = :n")
                .param("n", number).query(Integer.class).single()).isZero();

        // the licence the platform now holds counts: a second shop goes to a person, and the reason says so
        JsonNode second = citizen.apply("{\"itemCode\": \"MR-002\", \"regionCode\": \"330106\", \"form\": " + SMALL_SHOP + "}").json();
        assertThat(second.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(second.path("automaticDecision").path("outcome").asString()).isEqualTo("REFER");
        assertThat(ruleIds(second)).containsExactly("alreadyRegistered");
        assertThat(second.path("automaticDecision").path("inputs").path("holds").get(0).asString()).isEqualTo("MR-002");
    }

    @Test
    void theRulesNeverDenyTheyReferToAPersonWithTheirReason() {
        JsonNode big = newCitizen().apply("{\"itemCode\": \"MR-002\", \"regionCode\": \"330106\", \"form\": " + BIG_SHOP + "}").json();
        assertThat(big.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(ruleIds(big)).containsExactly("manyEmployees");
        JsonNode referral = last(big.path("timeline"));
        assertThat(referral.path("step").asString()).isEqualTo("referred-to-staff");
        assertThat(referral.path("reasons").get(0).asString()).contains("超过8人");
        assertThat(tasksOf(clerk, big.path("number").asString())).containsExactly("acceptance");
        // the task a person must do is in the engine's history too, for support
        assertThat(jdbc.sql("select t.task_def_key_ from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_ where p.business_key_ = :n")
                .param("n", big.path("number").asString()).query(String.class).list()).containsExactly("acceptance");
    }

    @Test
    void twoClerksCannotTakeTheSameTaskAndATaskCanBeHandedOver() {
        String number = newCitizen().apply("{\"itemCode\": \"MR-001\", \"regionCode\": \"330106\", \"form\": " + FOOD + "}").json()
                .path("number").asString();
        String taskId = taskId(clerk, number);
        assertThat(taskId(handler, number)).isEqualTo(taskId); // the department's handlers may accept too

        assertThat(clerk.post("/api/v1/casework/tasks/" + taskId + "/claim", "").json().path("assignee").asString()).isEqualTo("clerk.xihu");
        var second = handler.post("/api/v1/casework/tasks/" + taskId + "/claim", "");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("task.claimed");
        assertThat(handler.post("/api/v1/casework/applications/" + number + "/acceptance", "").status()).isEqualTo(409);

        var toCitizen = clerk.post("/api/v1/casework/tasks/" + taskId + "/handover", "{\"to\": \"lisi\"}");
        assertThat(toCitizen.status()).isEqualTo(422);
        assertThat(toCitizen.firstError()).isEqualTo("to task.handover-not-candidate");
        assertThat(clerk.post("/api/v1/casework/tasks/" + taskId + "/handover", "{}").status()).isEqualTo(400);
        assertThat(clerk.post("/api/v1/casework/tasks/nope/claim", "").status()).isEqualTo(404);
        assertThat(new PlatformClient(port).as("lisi", "demo1234").get("/api/v1/casework/tasks").status()).isEqualTo(403);

        var handedOver = clerk.post("/api/v1/casework/tasks/" + taskId + "/handover", "{\"to\": \"handler.xihu.mr\"}");
        assertThat(handedOver.json().path("assignee").asString()).isEqualTo("handler.xihu.mr");
        assertThat(handler.post("/api/v1/casework/applications/" + number + "/acceptance", "").json().path("state").asString())
                .isEqualTo("ACCEPTED");
        assertThat(steps(handler.get("/api/v1/casework/applications/" + number).json())).contains("handed-over", "accepted");
        assertThat(tasksOf(handler, number)).containsExactly("decision");
    }

    @Test
    void aTwoStepReviewNeedsASecondPersonToDecide() {
        String number = newCitizen().apply("{\"itemCode\": \"MR-003\", \"regionCode\": \"330106\", \"form\": {}}").json().path("number").asString();
        clerk.post("/api/v1/casework/applications/" + number + "/acceptance", "");
        var early = handler.post("/api/v1/casework/applications/" + number + "/decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"好\"]}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("task.not-ready");

        var opinion = handler.post("/api/v1/casework/applications/" + number + "/opinion", "{\"agree\": true, \"reasons\": [\"章程、股东信息齐全\"]}");
        assertThat(opinion.status()).isEqualTo(200);
        assertThat(opinion.json().path("state").asString()).isEqualTo("UNDER_REVIEW");
        var sameEyes = handler.post("/api/v1/casework/applications/" + number + "/decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"好\"]}");
        assertThat(sameEyes.status()).isEqualTo(409);
        assertThat(sameEyes.body()).contains("task.four-eyes");

        PlatformClient second = new PlatformClient(port).as("handler2.xihu.market-regulation", "demo1234");
        JsonNode decided = second.post("/api/v1/casework/applications/" + number + "/decision",
                "{\"outcome\": \"APPROVE\", \"reasons\": [\"同意审核意见\"]}").json();
        assertThat(decided.path("state").asString()).isEqualTo("APPROVED");
        assertThat(steps(decided)).containsSubsequence("accepted", "review-started", "reviewed", "approved");
    }

    @Test
    void aConstructionPermitIsCountersignedByPlanningAndEnvironmentBeforeTheDecision() {
        String number = newCitizen().apply("{\"itemCode\": \"HC-002\", \"regionCode\": \"330106\", \"form\": {}}").json().path("number").asString();
        clerk.post("/api/v1/casework/applications/" + number + "/acceptance", "");
        PlatformClient housing = new PlatformClient(port).as("handler2.xihu.housing-construction", "demo1234");
        PlatformClient planning = new PlatformClient(port).as("handler2.xihu.natural-resources", "demo1234");
        PlatformClient environment = new PlatformClient(port).as("handler2.xihu.ecology-environment", "demo1234");
        assertThat(tasksOf(planning, number)).containsExactly("countersign-planning");
        assertThat(tasksOf(environment, number)).containsExactly("countersign-environment");

        String approve = "{\"outcome\": \"APPROVE\", \"reasons\": [\"符合条件\"]}";
        assertThat(housing.post("/api/v1/casework/applications/" + number + "/decision", approve).body()).contains("task.not-ready");
        // market regulation has no say here
        assertThat(handler.post("/api/v1/casework/applications/" + number + "/opinion", "{\"agree\": true, \"reasons\": [\"x\"]}").status())
                .isEqualTo(403);
        assertThat(planning.post("/api/v1/casework/applications/" + number + "/opinion", "{\"agree\": true, \"reasons\": []}").status())
                .isEqualTo(400);
        planning.post("/api/v1/casework/applications/" + number + "/opinion", "{\"agree\": true, \"reasons\": [\"符合规划条件\"]}");
        assertThat(housing.post("/api/v1/casework/applications/" + number + "/decision", approve).status()).isEqualTo(409);
        environment.post("/api/v1/casework/applications/" + number + "/opinion", "{\"agree\": false, \"reasons\": [\"需补充噪声防治措施\"]}");

        JsonNode decided = housing.post("/api/v1/casework/applications/" + number + "/decision", approve).json();
        assertThat(decided.path("state").asString()).isEqualTo("APPROVED");
        List<String> steps = steps(decided);
        assertThat(steps.stream().filter("countersigned"::equals)).hasSize(2);
        assertThat(decided.path("timeline").toString()).contains("不同意", "需补充噪声防治措施");
    }

    @Test
    void aNewProcessVersionAppliesToNewApplicationsOnly() {
        PlatformClient admin = new PlatformClient(port).as("admin", "demo1234");
        var first = deploy(admin, versioned("受理（第一版）"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/casework/procedures/HE-003", "{\"processKey\": \"ow-test-versioned\"}").status()).isEqualTo(200);
        PlatformClient citizen = newCitizen();
        String before = citizen.apply("{\"itemCode\": \"HE-003\", \"regionCode\": \"330106\", \"form\": {}}").json().path("number").asString();

        var second = deploy(admin, versioned("受理（第二版）"));
        assertThat(second.json().path("version").asInt()).isEqualTo(first.json().path("version").asInt() + 1);
        String after = citizen.apply("{\"itemCode\": \"HE-003\", \"regionCode\": \"330106\", \"form\": {}}").json().path("number").asString();

        assertThat(taskName(before)).isEqualTo("受理（第一版）");
        assertThat(taskName(after)).isEqualTo("受理（第二版）");
        // the running application finishes on its own version
        assertThat(clerk.post("/api/v1/casework/applications/" + before + "/acceptance", "").json().path("state").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void aBrokenModelOrAWrongProcedureIsRefusedAndNothingIsDeployed() {
        PlatformClient admin = new PlatformClient(port).as("admin", "demo1234");
        int before = jdbc.sql("select count(*) from act_re_deployment").query(Integer.class).single();

        var notXml = deploy(admin, "<definitions><process id=\"x\"");
        assertThat(notXml.status()).isEqualTo(422);
        assertThat(notXml.firstError()).isEqualTo("model process.not-parsable");
        var dangling = deploy(admin, versioned("x").replace("targetRef=\"done\"", "targetRef=\"nowhere\""));
        assertThat(dangling.status()).isEqualTo(422);
        var noImplementation = deploy(admin, versioned("x").replace("<userTask id=\"acceptance\"", "<serviceTask id=\"work\"/><userTask id=\"acceptance\""));
        assertThat(noImplementation.status()).isEqualTo(422);
        assertThat(noImplementation.body()).contains("process.invalid");
        var misspelt = deploy(admin, versioned("x").replace("<userTask id=\"acceptance\"",
                "<serviceTask id=\"work\" flowable:delegateExpression=\"${instantAproval}\"/><userTask id=\"acceptance\""));
        assertThat(misspelt.status()).isEqualTo(422);
        assertThat(misspelt.body()).contains("process.unknown-bean", "instantAproval");
        assertThat(jdbc.sql("select count(*) from act_re_deployment").query(Integer.class).single()).isEqualTo(before);

        assertThat(deploy(clerk, versioned("x")).status()).isEqualTo(403);
        // a county's administrator may not change how an item is handled everywhere
        PlatformClient county = new PlatformClient(port).as("admin.xihu", "demo1234");
        assertThat(deploy(county, versioned("x")).status()).isEqualTo(403);
        assertThat(county.put("/api/v1/casework/procedures/HE-004", "{\"processKey\": \"ow-standard\"}").status()).isEqualTo(403);
        assertThat(admin.put("/api/v1/casework/procedures/HE-004", "{\"processKey\": \"no-such-process\"}").firstError())
                .isEqualTo("processKey procedure.process-unknown");
        assertThat(admin.put("/api/v1/casework/procedures/HE-004", "{\"processKey\": \"ow-standard\", \"decisionTable\": \"nope\"}").firstError())
                .isEqualTo("decisionTable procedure.table-unknown");
        assertThat(admin.put("/api/v1/casework/procedures/XX-999", "{\"processKey\": \"ow-standard\"}").firstError())
                .isEqualTo("itemCode application.item-unknown");
    }

    @Test
    void aSubmissionThatFailsHalfwayLeavesNothingBehind() {
        // a process whose service task fails when it runs (a bean that is no delegate): the crash
        // happens after the process started, inside the submission
        PlatformClient admin = new PlatformClient(port).as("admin", "demo1234");
        String failing = versioned("x").replace("ow-test-versioned", "ow-test-failing")
                .replace("<userTask id=\"acceptance\"", "<serviceTask id=\"boom\" flowable:delegateExpression=\"${applicationProcesses}\"/>"
                        + "<sequenceFlow id=\"f0\" sourceRef=\"boom\" targetRef=\"acceptance\"/><userTask id=\"acceptance\"")
                .replace("sourceRef=\"start\" targetRef=\"acceptance\"", "sourceRef=\"start\" targetRef=\"boom\"");
        assertThat(deploy(admin, failing).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/casework/procedures/HE-005", "{\"processKey\": \"ow-test-failing\"}").status()).isEqualTo(200);
        PlatformClient citizen = newCitizen();
        String key = UUID.randomUUID().toString();
        var failed = citizen.send(citizen.request("/api/v1/casework/applications").header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"itemCode\": \"HE-005\", \"regionCode\": \"330106\", \"form\": {}}")));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).contains("application/problem+json");
        assertThat(jdbc.sql("select count(*) from application where idempotency_key = :k").param("k", key).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from act_hi_procinst p join act_re_procdef d on d.id_ = p.proc_def_id_ where d.key_ = 'ow-test-failing'")
                .query(Integer.class).single()).isZero();

        // once the procedure is repaired, the same retry goes through and makes exactly one application
        admin.put("/api/v1/casework/procedures/HE-005", "{\"processKey\": \"ow-standard\"}");
        var retried = citizen.send(citizen.request("/api/v1/casework/applications").header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"itemCode\": \"HE-005\", \"regionCode\": \"330106\", \"form\": {}}")));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from application where idempotency_key = :k").param("k", key).query(Integer.class).single()).isOne();
    }

    @Test
    void withdrawingEndsTheProcess() {
        PlatformClient citizen = newCitizen();
        String number = citizen.apply("{\"itemCode\": \"MR-001\", \"regionCode\": \"330106\", \"form\": " + FOOD + "}").json().path("number").asString();
        assertThat(tasksOf(clerk, number)).containsExactly("acceptance");
        citizen.post("/api/v1/casework/applications/" + number + "/withdrawal", "");
        assertThat(tasksOf(clerk, number)).isEmpty();
        assertThat(jdbc.sql("select delete_reason_ from act_hi_procinst where business_key_ = :n").param("n", number)
                .query(String.class).single()).isEqualTo("withdrawn");
    }

    private String taskName(String number) {
        for (JsonNode task : clerk.get("/api/v1/casework/tasks").json()) {
            if (task.path("applicationNumber").asString().equals(number)) {
                return task.path("name").asString();
            }
        }
        return null;
    }

    private static PlatformClient.Response deploy(PlatformClient who, String xml) {
        return who.send(who.request("/api/v1/casework/processes").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    private static String versioned(String acceptanceName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                             targetNamespace="https://onewindow.org/test">
                  <process id="ow-test-versioned" name="test" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="acceptance"/>
                    <userTask id="acceptance" name="%s" flowable:candidateGroups="${acceptanceGroups}"/>
                    <sequenceFlow id="f2" sourceRef="acceptance" targetRef="decision"/>
                    <userTask id="decision" name="decision" flowable:candidateGroups="${decisionGroups}"/>
                    <sequenceFlow id="f3" sourceRef="decision" targetRef="done"/>
                    <endEvent id="done"/>
                  </process>
                </definitions>
                """.formatted(acceptanceName).strip();
    }

    private PlatformClient newCitizen() {
        String username = "p" + UUID.randomUUID().toString().substring(0, 8);
        var random = java.util.concurrent.ThreadLocalRandom.current();
        String first17 = "330106" + (1950 + random.nextInt(50)) + String.format("%02d%02d%03d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(1000));
        String id = first17 + ResidentIdNumber.checkDigitFor(first17);
        var registered = new PlatformClient(port).post("/api/v1/identity/persons", "{\"username\": \"" + username
                + "\", \"password\": \"a-long-password\", \"name\": \"测试\", \"idNumber\": \"" + id + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new PlatformClient(port).as(username, "a-long-password");
    }

    private static List<String> tasksOf(PlatformClient who, String number) {
        List<String> keys = new ArrayList<>();
        for (JsonNode task : who.get("/api/v1/casework/tasks").json()) {
            if (task.path("applicationNumber").asString().equals(number)) {
                keys.add(task.path("definitionKey").asString());
            }
        }
        return keys;
    }

    private static String taskId(PlatformClient who, String number) {
        for (JsonNode task : who.get("/api/v1/casework/tasks").json()) {
            if (task.path("applicationNumber").asString().equals(number)) {
                return task.path("id").asString();
            }
        }
        throw new AssertionError("no task for " + number);
    }

    private static List<String> ruleIds(JsonNode application) {
        List<String> ids = new ArrayList<>();
        application.path("automaticDecision").path("firedRules").forEach(rule -> ids.add(rule.path("ruleId").asString()));
        return ids;
    }

    private static List<String> steps(JsonNode application) {
        List<String> steps = new ArrayList<>();
        application.path("timeline").forEach(step -> steps.add(step.path("step").asString()));
        return steps;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
