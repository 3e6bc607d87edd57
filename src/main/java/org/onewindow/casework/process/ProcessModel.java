package org.onewindow.casework.process;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/** A deployed version of an application process. Running applications stay on the version they started on. */
public record ProcessModel(String key, String name, int version, String deploymentId, Instant deployedAt) {

    /** BPMN gives a process one name, so the platform's own processes write it "中文 / English". */
    private static final Pattern BETWEEN_LANGUAGES = Pattern.compile("\\s*/\\s+");

    /** The name in the reader's language when it is written in both; otherwise as it was written. */
    public String nameIn(Locale locale) {
        String[] languages = name == null ? new String[0] : BETWEEN_LANGUAGES.split(name, 2);
        if (languages.length < 2) {
            return name;
        }
        return "en".equals(locale.getLanguage()) ? languages[1] : languages[0];
    }
}
