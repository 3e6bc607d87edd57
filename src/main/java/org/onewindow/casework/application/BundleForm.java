package org.onewindow.casework.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.onewindow.casework.pages.FormQuestions;
import org.onewindow.catalog.FormField;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.shared.RuleViolationException.Violation;

/**
 * The questions of a whole life event on one form: a question that several of its items ask
 * the same way (same name, same kind of answer, same choices) is asked once and its answer
 * given to each of them. Two items that use one name for different questions each keep theirs,
 * told apart by the item's code.
 */
final class BundleForm {

    /** One question of the form, as the page asks it, and the items (with their own name for it) that get its answer. */
    record Asked(FormField field, Map<String, String> nameInItem) {
    }

    private final List<Asked> asked;

    private BundleForm(List<Asked> asked) {
        this.asked = List.copyOf(asked);
    }

    static BundleForm of(List<ServiceItem> items) {
        Map<String, FormField> byPageName = new LinkedHashMap<>();
        Map<String, Map<String, String>> receivers = new LinkedHashMap<>();
        for (ServiceItem item : items) {
            for (FormField field : item.standard().form()) {
                FormField same = byPageName.get(field.name());
                String pageName = same == null || asksTheSame(same, field) ? field.name() : field.name() + "-" + item.code();
                byPageName.merge(pageName, field, BundleForm::stricter);
                receivers.computeIfAbsent(pageName, n -> new LinkedHashMap<>()).put(item.code(), field.name());
            }
        }
        List<Asked> asked = new ArrayList<>();
        byPageName.forEach((pageName, field) -> asked.add(new Asked(renamed(field, pageName), Map.copyOf(receivers.get(pageName)))));
        return new BundleForm(asked);
    }

    /** The questions as the page asks them, each once. */
    List<FormField> fields() {
        return asked.stream().map(Asked::field).toList();
    }

    /** How many questions the items ask between them, counting each item's own: more than {@link #fields()} when some are shared. */
    int askedByItems() {
        return asked.stream().mapToInt(a -> a.nameInItem().size()).sum();
    }

    /** The page's answers split into each item's form, by the names the items use. */
    Map<String, Map<String, Object>> answersPerItem(List<ServiceItem> items, Map<String, String> parameters) {
        Map<String, Object> answers = FormQuestions.answers(fields(), parameters);
        Map<String, Map<String, Object>> perItem = new LinkedHashMap<>();
        items.forEach(item -> perItem.put(item.code(), new LinkedHashMap<>()));
        for (Asked question : asked) {
            Object answer = answers.get(question.field().name());
            if (answer != null) {
                question.nameInItem().forEach((itemCode, name) -> perItem.get(itemCode).put(name, answer));
            }
        }
        return perItem;
    }

    /** The page's answers again, by the names on the page, to show the form as it was sent. */
    Map<String, Object> answersOnPage(Map<String, String> parameters) {
        return FormQuestions.answers(fields(), parameters);
    }

    /**
     * The id of the page's input that a broken rule of an item's form is about ("forms.MR-001.premisesAddress"
     * is about the one question that asks every item for it), or null when it is about no question.
     */
    String inputOf(Violation violation) {
        String field = violation.field();
        if (field == null || !field.startsWith("forms.")) {
            return null;
        }
        String rest = field.substring("forms.".length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String itemCode = rest.substring(0, dot);
        String name = rest.substring(dot + 1);
        return asked.stream().filter(a -> name.equals(a.nameInItem().get(itemCode))).findFirst()
                .map(a -> FormQuestions.idOf(a.field().name())).orElse(null);
    }

    private static boolean asksTheSame(FormField one, FormField other) {
        return one.type() == other.type() && one.options().equals(other.options());
    }

    /** One answer serves both asks, so it must satisfy both: required if either requires it, as short as the shorter limit. */
    private static FormField stricter(FormField one, FormField other) {
        Integer maxLength = one.maxLength() == null ? other.maxLength()
                : other.maxLength() == null ? one.maxLength() : Integer.valueOf(Math.min(one.maxLength(), other.maxLength()));
        return new FormField(one.name(), one.label(), one.type(), one.required() || other.required(), maxLength, one.options());
    }

    private static FormField renamed(FormField field, String name) {
        return Objects.equals(field.name(), name) ? field
                : new FormField(name, field.label(), field.type(), field.required(), field.maxLength(), field.options());
    }
}
