package org.onewindow.casework.decision;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.casework.FiredRule;
import org.onewindow.casework.InstantDecision;
import org.onewindow.catalog.LocalizedText;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.operaton.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.operaton.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.operaton.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.InputExpression;
import org.operaton.bpm.model.dmn.instance.Rule;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The instant-approval decision tables (DMN 1.3, FEEL), read from {@code classpath:decisions/}
 * and evaluated on the standalone Operaton engine.
 *
 * <p>Tables use hit policy COLLECT with an {@code outcome} output of "APPROVE" or "REFER", and
 * every rule carries its reason in plain words as its description: the first line in Chinese,
 * the second in English. The outcome is APPROVE only when at least one rule says so and none
 * says REFER: no match at all (a missing answer, say) goes to a person.
 */
@Service
public class DecisionTables {

    /** The input naming the items whose results (certificates) the applicant already holds. */
    public static final String HELD_RESULTS = "holds";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DecisionTables.class);
    private static final LocalizedText CANNOT_DECIDE = new LocalizedText("规则无法判断这份申请，由工作人员审查。",
            "The rules could not judge this application, so a member of staff checks it.");

    private final MatchedRulesCapture capture = new MatchedRulesCapture();
    private final DmnEngine engine;
    private final Map<String, Table> tables = new HashMap<>();

    DecisionTables() throws IOException {
        long started = System.nanoTime();
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(capture));
        configuration.feelEngineFactory(CachingScalaFeelEngine.FACTORY);
        engine = configuration.buildEngine();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:decisions/*.dmn")) {
            try (InputStream in = resource.getInputStream()) {
                byte[] xml = in.readAllBytes();
                Table table = parse(xml);
                tables.put(table.key(), table);
            }
        }
        log.info("Decision tables ready: {} in {} ms", tables.keySet(), (System.nanoTime() - started) / 1_000_000);
    }

    public boolean exists(String key) {
        return tables.containsKey(key);
    }

    public List<String> keys() {
        return tables.keySet().stream().sorted().toList();
    }

    /** Whether the table looks at the results the applicant holds, which costs a query to find out. */
    public boolean needsHeldResults(String key) {
        return Optional.ofNullable(tables.get(key)).map(Table::readsHeldResults).orElse(false);
    }

    /**
     * The answers without which the table cannot approve: the inputs (named as form questions)
     * that every approving rule asks a value of. Left out, the application goes to a person.
     */
    public List<String> neededForApproval(String key) {
        return Optional.ofNullable(tables.get(key)).map(Table::neededForApproval).orElse(List.of());
    }

    /**
     * Decides one application. The inputs recorded are those the table reads (not the whole
     * form), so that the evidence shows exactly what the rules saw.
     */
    public InstantDecision decide(String key, Map<String, Object> facts) {
        Table table = Optional.ofNullable(tables.get(key)).orElseThrow(() -> new IllegalArgumentException("no decision table " + key));
        Map<String, Object> inputs = new LinkedHashMap<>();
        table.inputNames().forEach(name -> inputs.put(name, facts.get(name)));
        Map<String, Object> variables = new HashMap<>(facts);
        table.inputNames().forEach(name -> variables.putIfAbsent(name, null));
        capture.begin();
        DmnDecisionResult result;
        List<DmnDecisionTableEvaluationEvent> events;
        try {
            result = engine.evaluateDecision(table.decision(), variables);
        } catch (RuntimeException cannotDecide) {
            // an answer of a type the table does not expect: the rules cannot judge it, so a person does
            log.warn("decision table {} could not evaluate an application: {}", key, cannotDecide.getMessage());
            return new InstantDecision(key, table.version(), inputs, List.of(new FiredRule("evaluation-failed", "REFER", CANNOT_DECIDE)),
                    InstantDecision.Outcome.REFER);
        } finally {
            events = capture.end();
        }
        List<FiredRule> fired = new ArrayList<>();
        for (DmnDecisionTableEvaluationEvent event : events) {
            for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                String outcome = rule.getOutputEntries().values().stream().map(DmnEvaluatedOutput::getValue)
                        .map(value -> String.valueOf(value.getValue())).findFirst().orElse("REFER");
                fired.add(new FiredRule(rule.getId(), outcome, table.explanations().getOrDefault(rule.getId(), LocalizedText.empty())));
            }
        }
        List<Object> outcomes = result.collectEntries("outcome");
        InstantDecision.Outcome outcome = outcomes.contains("APPROVE") && !outcomes.contains("REFER")
                ? InstantDecision.Outcome.APPROVE : InstantDecision.Outcome.REFER;
        return new InstantDecision(key, table.version(), inputs, fired, outcome);
    }

    private Table parse(byte[] xml) {
        DmnModelInstance model = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(xml));
        Decision element = model.getModelElementsByType(Decision.class).iterator().next();
        DmnDecision decision = engine.parseDecision(element.getId(), model);
        Map<String, LocalizedText> explanations = new HashMap<>();
        for (Rule rule : model.getModelElementsByType(Rule.class)) {
            String text = rule.getDescription() == null ? "" : rule.getDescription().getTextContent();
            List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            explanations.put(rule.getId(), new LocalizedText(lines.isEmpty() ? "" : lines.get(0), lines.size() > 1 ? lines.get(1) : ""));
        }
        List<String> inputNames = new ArrayList<>();
        boolean readsHeld = false;
        for (InputExpression input : model.getModelElementsByType(InputExpression.class)) {
            String expression = input.getText().getTextContent().strip();
            readsHeld |= expression.contains(HELD_RESULTS);
            // a plain variable name is recorded under its name; an expression is recorded by the variables it reads
            inputNames.add(expression.matches("[A-Za-z_][A-Za-z0-9_]*") || !expression.contains(HELD_RESULTS) ? expression : HELD_RESULTS);
        }
        String versionTag = element.getVersionTag() == null ? "1" : element.getVersionTag();
        return new Table(element.getId(), versionTag + "/" + sha256(xml).substring(0, 12), decision, explanations,
                inputNames.stream().distinct().toList(), readsHeld, neededForApproval(model, inputNames));
    }

    /** Inputs that are plain names and that every rule with the outcome "APPROVE" tests for a value ("-" and "null" do not). */
    private static List<String> neededForApproval(DmnModelInstance model, List<String> inputNames) {
        List<Rule> approving = model.getModelElementsByType(Rule.class).stream()
                .filter(rule -> rule.getOutputEntries().stream().anyMatch(out -> out.getTextContent().strip().equals("\"APPROVE\"")))
                .toList();
        List<String> needed = new ArrayList<>();
        for (int i = 0; i < inputNames.size() && !approving.isEmpty(); i++) {
            int input = i;
            boolean everyRuleTestsIt = approving.stream().allMatch(rule -> {
                String entry = new ArrayList<>(rule.getInputEntries()).get(input).getTextContent().strip();
                return !entry.isEmpty() && !entry.equals("-") && !entry.contains("null");
            });
            if (everyRuleTestsIt && inputNames.get(i).matches("[A-Za-z_][A-Za-z0-9_]*") && !inputNames.get(i).equals(HELD_RESULTS)) {
                needed.add(inputNames.get(i));
            }
        }
        return List.copyOf(needed);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private record Table(String key, String version, DmnDecision decision, Map<String, LocalizedText> explanations,
                         List<String> inputNames, boolean readsHeld, List<String> neededForApproval) {
        boolean readsHeldResults() {
            return readsHeld;
        }
    }
}
