package org.onewindow.casework.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.onewindow.catalog.FormField;
import org.onewindow.shared.RuleViolationException.Violation;

/**
 * Checks what a person filled in against the questions the item asks: every required answer
 * given, every answer of the right kind, nothing the item does not ask. Items that define no
 * questions yet take any short flat answers.
 */
public final class ApplicationForm {

    private static final Pattern FIELD_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,40}$");
    private static final int MAX_FREE_FIELDS = 60;
    private static final int MAX_TEXT = 2_000;

    private ApplicationForm() {
    }

    public static List<Violation> check(List<FormField> questions, Map<String, Object> answers) {
        List<Violation> broken = new ArrayList<>();
        if (answers == null) {
            broken.add(Violation.of("form", "application.form-required"));
            return broken;
        }
        if (questions.isEmpty()) {
            checkFree(answers, broken);
            return broken;
        }
        for (FormField question : questions) {
            Object answer = answers.get(question.name());
            String field = "form." + question.name();
            if (answer == null || (answer instanceof String text && text.isBlank())) {
                if (question.required()) {
                    broken.add(Violation.of(field, "application.field-required"));
                }
                continue;
            }
            if (!fits(question, answer)) {
                // the API keeps one rule for every type; a person is told what to enter for this one
                broken.add(new Violation(field, "application.field-type",
                        "rule.application.field-type." + question.type().name().toLowerCase(Locale.ROOT), question.type().name()));
            } else if (answer instanceof String text && text.length() > maxLength(question)) {
                broken.add(Violation.of(field, "application.field-too-long", maxLength(question)));
            }
        }
        answers.keySet().stream()
                .filter(name -> questions.stream().noneMatch(q -> q.name().equals(name)))
                .forEach(name -> broken.add(Violation.of("form." + name, "application.field-unknown")));
        return broken;
    }

    private static boolean fits(FormField question, Object answer) {
        return switch (question.type()) {
            case TEXT -> answer instanceof String;
            case NUMBER -> answer instanceof Number || (answer instanceof String text && isNumber(text));
            case BOOLEAN -> answer instanceof Boolean;
            case DATE -> answer instanceof String text && isDate(text);
            case CHOICE -> answer instanceof String text && question.options().contains(text);
        };
    }

    private static int maxLength(FormField question) {
        return question.maxLength() == null ? MAX_TEXT : question.maxLength();
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void checkFree(Map<String, Object> answers, List<Violation> broken) {
        if (answers.size() > MAX_FREE_FIELDS) {
            broken.add(Violation.of("form", "application.form-too-many-fields", MAX_FREE_FIELDS));
            return;
        }
        for (var answer : answers.entrySet()) {
            if (!FIELD_NAME.matcher(answer.getKey()).matches()) {
                broken.add(Violation.of("form." + answer.getKey(), "application.form-field-name"));
                continue;
            }
            Object value = answer.getValue();
            boolean scalar = value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
            if (!scalar || (value instanceof String text && text.length() > MAX_TEXT)) {
                broken.add(Violation.of("form." + answer.getKey(), "application.form-field-value", MAX_TEXT));
            }
        }
    }
}
