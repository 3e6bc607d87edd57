package org.onewindow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
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

    DemoPeople people;
    DemoCases cases;
    PlatformClient clerk;
    PlatformClient handler;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
        cases = DemoCases.of(people);
        clerk = people.xihuClerk();
        handler = people.xihuMarketHandler();
    }

    @Test
    void aClearCaseIsApprovedAtOnceAndTheApplicantSeesWhy() {
        PlatformClient citizen = people.aNewCitizen().client();
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
        JsonNode big = people.aNewCitizen().client().apply("{\"itemCode\": \"MR-002\", \"regionCode\": \"330106\", \"form\": " + BIG_SHOP + "}").json();
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
        String number = cases.submitted(people.aNewCitizen().client(), "MR-001", FOOD);
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
        assertThat(people.lisi().get("/api/v1/casework/tasks").status()).isEqualTo(403);

        var handedOver = clerk.post("/api/v1/casework/tasks/" + taskId + "/handover", "{\"to\": \"handler.xihu.mr\"}");
        assertThat(handedOver.json().path("assignee").asString()).isEqualTo("handler.xihu.mr");
        assertThat(handler.post("/api/v1/casework/applications/" + number + "/acceptance", "").json().path("state").asString())
                .isEqualTo("ACCEPTED");
        assertThat(steps(handler.get("/api/v1/casework/applications/" + number).json())).contains("handed-over", "accepted");
        assertThat(tasksOf(handler, number)).containsExactly("decision");
    }

    @Test
    void aTwoStepReviewNeedsASecondPersonToDecide() {
        String number = cases.accepted(people.xihuRestaurant(), "MR-003", "{}");
        var early = handler.post("/api/v1/casework/applications/" + number + "/decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"好\"]}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("task.not-ready");

        var opinion = handler.post("/api/v1/casework/applications/" + number + "/opinion", "{\"agree\": true, \"reasons\": [\"章程、股东信息齐全\"]}");
        assertThat(opinion.status()).isEqualTo(200);
        assertThat(opinion.json().path("state").asString()).isEqualTo("UNDER_REVIEW");
        var sameEyes = handler.post("/api/v1/casework/applications/" + number + "/decision", "{\"outcome\": \"APPROVE\", \"reasons\": [\"好\"]}");
        assertThat(sameEyes.status()).isEqualTo(409);
        assertThat(sameEyes.body()).contains("task.four-eyes");

        PlatformClient second = people.secondXihuMarketHandler();
        JsonNode decided = second.post("/api/v1/casework/applications/" + number + "/decision",
                "{\"outcome\": \"APPROVE\", \"reasons\": [\"同意审核意见\"]}").json();
        assertThat(decided.path("state").asString()).isEqualTo("APPROVED");
        assertThat(steps(decided)).containsSubsequence("accepted", "review-started", "reviewed", "approved");
    }

    @Test
    void aConstructionPermitIsCountersignedByPlanningAndEnvironmentBeforeTheDecision() {
        String number = cases.accepted(people.xihuRestaurant(), "HC-002", "{}");
        PlatformClient housing = people.xihuHousingHandler();
        PlatformClient planning = people.xihuPlanningHandler();
        PlatformClient environment = people.xihuEnvironmentHandler();
        assertThat(tasksOf(planning, number)).containsExactly("countersign-planning");
        assertThat(tasksOf(environment, number)).containsExactly("countersign-environment");

        String approve = "{\"outcome\": \"APPROVE\", \"reasons\": [\"符合条件\"]}";
        assertThat(housing.post("/api/v1/casework/applications/" + number + "/decision", approve).body()).contains("task.not-ready");
        // market regulation has no say here, and does not even see the case
        assertThat(handler.post("/api/v1/casework/applications/" + number + "/opinion", "{\"agree\": true, \"reasons\": [\"x\"]}").status())
                .isEqualTo(404);
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
        PlatformClient admin = people.provinceAdministrator();
        var first = deploy(admin, versioned("受理（第一版）"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/casework/procedures/HE-003", "{\"processKey\": \"ow-test-versioned\"}").status()).isEqualTo(200);
        PlatformClient citizen = people.aNewCitizen().client();
        String before = cases.submitted(citizen, "HE-003", "{}");

        var second = deploy(admin, versioned("受理（第二版）"));
        assertThat(second.json().path("version").asInt()).isEqualTo(first.json().path("version").asInt() + 1);
        String after = cases.submitted(citizen, "HE-003", "{}");

        assertThat(taskName(before)).isEqualTo("受理（第一版）");
        assertThat(taskName(after)).isEqualTo("受理（第二版）");
        // the running application finishes on its own version
        assertThat(clerk.post("/api/v1/casework/applications/" + before + "/acceptance", "").json().path("state").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void aBrokenModelOrAWrongProcedureIsRefusedAndNothingIsDeployed() {
        PlatformClient admin = people.provinceAdministrator();
        int before = jdbc.sql("select count(*) from act_re_deployment").query(Integer.class).single();

        var notXml = deploy(admin, "<definitions><process id=\"x\"");
        assertThat(notXml.status()).isEqualTo(422);
        assertThat(notXml.firstError()).isEqualTo("model process.not-parsable");
        assertThat(notXml.body()).contains("第 1 行", "XML").doesNotContain("Exception", "ParseError", "Unexpected");
        var unknownElement = deploy(admin, versioned("x").replace("<endEvent id=\"done\"/>", "<endEvent id=\"done\"/>\n<finishLine id=\"z\"/>"));
        assertThat(unknownElement.status()).isEqualTo(422);
        assertThat(unknownElement.firstError()).isEqualTo("model process.not-parsable");
        int line = (int) versioned("x").lines().takeWhile(l -> !l.contains("<endEvent")).count() + 2;
        assertThat(unknownElement.body()).contains("第 " + line + " 行", "finishLine", "BPMN 2.0").doesNotContain("cvc-", "SAXParseException");
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
        PlatformClient county = people.xihuAdministrator();
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
        PlatformClient admin = people.provinceAdministrator();
        String failing = versioned("x").replace("ow-test-versioned", "ow-test-failing")
                .replace("<userTask id=\"acceptance\"", "<serviceTask id=\"boom\" flowable:delegateExpression=\"${applicationProcesses}\"/>"
                        + "<sequenceFlow id=\"f0\" sourceRef=\"boom\" targetRef=\"acceptance\"/><userTask id=\"acceptance\"")
                .replace("sourceRef=\"start\" targetRef=\"acceptance\"", "sourceRef=\"start\" targetRef=\"boom\"");
        assertThat(deploy(admin, failing).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/casework/procedures/HE-005", "{\"processKey\": \"ow-test-failing\"}").status()).isEqualTo(200);
        PlatformClient citizen = people.aNewCitizen().client();
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
        PlatformClient citizen = people.aNewCitizen().client();
        String number = cases.submitted(citizen, "MR-001", FOOD);
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
