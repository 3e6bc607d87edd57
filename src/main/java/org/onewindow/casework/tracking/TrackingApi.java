package org.onewindow.casework.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.onewindow.shared.NotFoundException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Following an application with its receipt, for a program: the same answer as the page, and the same 404 for every wrong pair. */
@RestController
@RequestMapping("/api/v1/casework/tracking")
@Tag(name = "casework")
class TrackingApi {

    private final TrackingCodes codes;

    TrackingApi(TrackingCodes codes) {
        this.codes = codes;
    }

    /** The number and the tracking code printed on the receipt; dashes and spaces in the code do not matter. */
    record Receipt(@NotBlank @Size(max = 40) String number, @NotBlank @Size(max = 40) String code) {
    }

    @PostMapping
    @Operation(summary = "Where an application stands, for anyone holding its receipt (number and tracking code), without signing in")
    TrackedApplication follow(@Valid @RequestBody Receipt receipt) {
        return codes.follow(receipt.number(), receipt.code()).orElseThrow(() -> new NotFoundException("application", receipt.number()));
    }
}
