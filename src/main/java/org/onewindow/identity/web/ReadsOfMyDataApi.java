package org.onewindow.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who read my data, when and why: the same as the account page shows. */
@RestController
@Tag(name = "identity")
class ReadsOfMyDataApi {

    private final ReadsOfMyData reads;

    ReadsOfMyDataApi(ReadsOfMyData reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/identity/me/reads")
    @Operation(summary = "Reads of my data by staff, newest first (at most 100): when, the reader's role, department and region, "
            + "the purpose, what was read, and the audit record's number to quote in a complaint")
    List<ReadsOfMyData.ReadOfMyData> myReads(Authentication who, Locale locale) {
        return reads.of(who.getName(), locale);
    }
}
