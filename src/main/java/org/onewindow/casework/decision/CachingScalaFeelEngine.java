package org.onewindow.casework.decision;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.operaton.bpm.dmn.feel.impl.FeelEngineFactory;
import org.operaton.bpm.dmn.feel.impl.FeelException;
import org.operaton.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.operaton.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.operaton.bpm.engine.variable.context.VariableContext;

/**
 * Operaton's ScalaFeelEngine hands the expression TEXT to the FEEL engine on every evaluation,
 * which parses it again each time (fastparse): with a handful of cells that is most of the cost
 * of a decision. This subclass parses each distinct expression once and keeps the immutable
 * syntax tree; evaluation is otherwise the same calls Operaton makes.
 */
final class CachingScalaFeelEngine extends ScalaFeelEngine {

    static final FeelEngineFactory FACTORY = CachingScalaFeelEngine::new;

    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

    CachingScalaFeelEngine() {
        super(List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = expressions.computeIfAbsent(expression, parser(feelEngineApi::parseExpression));
        return (T) result(feelEngineApi.evaluate(parsed, context(variableContext)));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        Object input = inputVariable != null && variableContext != null && variableContext.containsVariable(inputVariable)
                ? variableContext.resolve(inputVariable).getValue()
                : null;
        ParsedExpression parsed = unaryTests.computeIfAbsent(expression, parser(feelEngineApi::parseUnaryTests));
        // FEEL yields null for e.g. "> 0" on a null input; Operaton's unboxToBoolean(null) makes that false
        return Boolean.TRUE.equals(result(feelEngineApi.evaluateWithInput(parsed, input, context(variableContext))));
    }

    private static Function<String, ParsedExpression> parser(Function<String, ParseResult> parse) {
        return text -> {
            ParseResult result = parse.apply(text);
            if (!result.isSuccess()) {
                throw new FeelException("FEEL parse failure: " + result.failure().message());
            }
            return result.parsedExpression();
        };
    }

    private static Object result(EvaluationResult result) {
        if (!result.isSuccess()) {
            throw new FeelException("FEEL evaluation failure: " + result.failure().message());
        }
        return result.result();
    }

    private static Context context(VariableContext variableContext) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variableContext);
            }
        };
    }
}
