package org.onewindow.catalog;

import java.util.List;

/**
 * One question of an item's application form: its name in the submitted data, its label in
 * both languages, its type and its limits. The same item asks the same questions everywhere.
 */
public record FormField(String name, LocalizedText label, Type type, boolean required, Integer maxLength, List<String> options) {

    /** What kind of answer a field takes. */
    public enum Type {
        TEXT, NUMBER, DATE, BOOLEAN, CHOICE
    }

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
        label = label == null ? LocalizedText.empty() : label;
    }
}
