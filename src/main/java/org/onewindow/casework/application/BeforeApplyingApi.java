package org.onewindow.casework.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ServiceItem;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the apply page says before the form, for an app that builds its own. */
@RestController
@Tag(name = "casework")
class BeforeApplyingApi {

    private final CatalogService catalog;
    private final BeforeApplying beforeApplying;

    BeforeApplyingApi(CatalogService catalog, BeforeApplying beforeApplying) {
        this.catalog = catalog;
        this.beforeApplying = beforeApplying;
    }

    /**
     * Whether the caller may apply, what their verified identity says about the item's conditions,
     * and which optional answers the instant decision needs.
     */
    record BeforeYouApply(String itemCode, boolean mayApply, List<BeforeApplying.Note> eligibility, Set<String> neededForInstantDecision) {
    }

    @GetMapping("/api/v1/casework/applications/eligibility")
    @Operation(summary = "Before applying: the item's conditions your verified identity does not meet (an age stops the application) "
            + "and the optional answers without which it cannot be approved at once")
    BeforeYouApply eligibility(@RequestParam String itemCode, Authentication who, Locale locale) {
        ServiceItem item = catalog.requirePublishedItem(itemCode);
        List<BeforeApplying.Note> notes = beforeApplying.eligibility(item, who.getName(), locale);
        return new BeforeYouApply(item.code(), notes.stream().noneMatch(BeforeApplying.Note::firm), notes,
                beforeApplying.neededForInstantDecision(item));
    }
}
