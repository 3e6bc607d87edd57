package org.onewindow.casework;

import java.time.Instant;
import java.util.List;
import org.onewindow.catalog.LocalizedText;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One step of an application, as the applicant sees it: who did what, when, and why. The reasons
 * are kept in both languages (the platform's own words are written in both; a person's words are
 * kept as they wrote them) and an API caller reads them in the language it asked for.
 */
public record TimelineEntry(Instant at, String actor, String step, ApplicationState stateAfter,
                            @JsonSerialize(contentUsing = InTheReadersLanguage.class) List<LocalizedText> reasons) {

    public TimelineEntry {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
