package org.onewindow.catalog.web;

import java.util.Set;

/**
 * How the item editor names its inputs: a rule of the catalog names a field by its path in the
 * standard ({@code materials[0].name}); the input has an id without brackets or dots
 * ({@code materials-0-name}), and a text in both languages has two of them ({@code -zh}, {@code -en}).
 * The error summary links to the first input of the field a rule names.
 */
public final class EditorFields {

    private static final Set<String> BILINGUAL = Set.of("name", "description", "legalBasis", "conditions", "feeNote", "sourceNote",
            "label", "question", "answer");

    /** The id of the input (or of the first of a pair) for a path. */
    public String id(String path) {
        return path.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    static String anchorOf(String path) {
        String id = new EditorFields().id(path);
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (BILINGUAL.contains(last)) {
            return id + "-zh";
        }
        if (path.matches("^materials\\[\\d+]$")) {
            return id + "-originals";
        }
        if (path.equals("channels")) {
            return "channels-ONLINE";
        }
        return id;
    }
}
