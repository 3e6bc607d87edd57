package org.onewindow.casework.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.casework.ApplicationState;
import org.onewindow.catalog.FormField;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.InvalidIdentifierException;
import org.onewindow.shared.RuleViolationException;
import org.springframework.context.MessageSource;

/**
 * An item's questions as a page shows them, and the answers a page sends back as the casework
 * rules expect them. Inputs are named {@code form.<question>} and have the id
 * {@code form-<question>}, which is what the error summary links to.
 */
public final class FormQuestions {

    public static final String PREFIX = "form.";
    private static final int TEXTAREA_FROM = 300;

    private FormQuestions() {
    }

    /** One question: how to render it, what was answered and what is wrong with the answer. */
    public record Question(String name, String id, String label, String type, boolean required, Integer maxLength, boolean longText,
                    List<Option> options, String value, String error) {

        public String inputName() {
            return PREFIX + name;
        }
    }

    /** One possible answer of a choice. */
    public record Option(String value, String label) {
    }

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("^[A-Za-z0-9._:-]{8,80}$");

    /** The key the form was rendered with, so that sending it twice makes one application; a new one when it is missing or odd. */
    public static String idempotencyKey(String given) {
        return given != null && KEY.matcher(given).matches() ? given : java.util.UUID.randomUUID().toString();
    }

    public static String idOf(String name) {
        return "form-" + name;
    }

    public static List<Question> questions(List<FormField> fields, Map<String, ?> answers, Map<String, String> errors, MessageSource messages,
                                    Locale locale) {
        List<Question> questions = new ArrayList<>();
        for (FormField field : fields) {
            Object answer = answers == null ? null : answers.get(field.name());
            List<Option> options = switch (field.type()) {
                case CHOICE -> field.options().stream()
                        .map(o -> new Option(o, messages.getMessage("form.option." + o, null, o, locale))).toList();
                case BOOLEAN -> List.of(new Option("true", messages.getMessage("form.answer.yes", null, locale)),
                        new Option("false", messages.getMessage("form.answer.no", null, locale)));
                default -> List.of();
            };
            boolean longText = field.type() == FormField.Type.TEXT && (field.maxLength() == null || field.maxLength() >= TEXTAREA_FROM);
            questions.add(new Question(field.name(), idOf(field.name()), field.label().in(locale), field.type().name(), field.required(),
                    field.maxLength(), longText, options, text(answer), errors.get(idOf(field.name()))));
        }
        return questions;
    }

    /** The answers to the item's questions among the request's parameters; blank answers are left out, other parameters ignored. */
    public static Map<String, Object> answers(List<FormField> fields, Map<String, String> parameters) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (FormField field : fields) {
            String given = parameters.get(PREFIX + field.name());
            if (given == null || given.isBlank()) {
                continue;
            }
            String text = given.strip();
            answers.put(field.name(), switch (field.type()) {
                case NUMBER -> number(text);
                case BOOLEAN -> "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : text;
                default -> text;
            });
        }
        return answers;
    }

    /** Each broken rule as a message in plain words, keyed by the id of the input it concerns. */
    public static Map<String, String> errors(RuleViolationException e, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (RuleViolationException.Violation v : e.violations()) {
            String id = v.field() != null && v.field().startsWith(PREFIX) ? idOf(v.field().substring(PREFIX.length())) : v.field();
            errors.putIfAbsent(id, messages.getMessage(v.messageKey(), v.args(), v.rule(), locale));
        }
        return errors;
    }

    /**
     * The error summary's lines: each message with the question it concerns ("Business name:
     * this is required"), so that a list of several errors says which is which.
     */
    public static Map<String, String> summary(Map<String, String> errors, List<Question> questions, Map<String, String> otherLabels,
                                       MessageSource messages, Locale locale) {
        Map<String, String> summary = new LinkedHashMap<>();
        errors.forEach((id, message) -> {
            String label = questions.stream().filter(q -> q.id().equals(id)).map(Question::label).findFirst()
                    .orElse(otherLabels.get(id));
            summary.put(id, label == null ? message : messages.getMessage("form.summary", new Object[] {label, message}, locale));
        });
        return summary;
    }

    public static String message(InvalidIdentifierException e, MessageSource messages, Locale locale) {
        return messages.getMessage(e.messageKey(), e.messageArgs(), e.rule(), locale);
    }

    /** A conflict in plain words; state names among its arguments are said as the applicant reads them. */
    public static String message(ConflictException e, MessageSource messages, Locale locale) {
        Object[] args = e.args() == null ? new Object[0] : e.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s && isState(s)) {
                args[i] = messages.getMessage("application.state." + s, null, s, locale);
            }
        }
        return messages.getMessage(e.messageKey(), args, e.rule(), locale);
    }

    /** Text typed into a textarea, one entry a line, without empty lines. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean isState(String name) {
        for (ApplicationState state : ApplicationState.values()) {
            if (state.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Object number(String text) {
        try {
            BigDecimal number = new BigDecimal(text);
            try {
                return number.longValueExact();
            } catch (ArithmeticException notWhole) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            return text; // the rules say what is wrong with it
        }
    }

    private static String text(Object answer) {
        if (answer == null) {
            return "";
        }
        if (answer instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return answer.toString();
    }
}
