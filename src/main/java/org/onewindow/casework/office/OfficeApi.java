package org.onewindow.casework.office;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.onewindow.casework.ApplicationView;
import org.onewindow.identity.StaffMember;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The office's steps on an application: accept, ask for corrections, refuse, review, give opinions, decide, deliver, close. */
@RestController
@RequestMapping("/api/v1/casework/applications")
@Tag(name = "casework")
class OfficeApi {

    private final OfficeWork office;

    OfficeApi(OfficeWork office) {
        this.office = office;
    }

    @PostMapping("/{number}/acceptance")
    @Operation(summary = "Accept the application (clerk or handler of the region)")
    ApplicationView accept(@PathVariable String number, StaffMember me) {
        return office.accept(number, me);
    }

    @PostMapping("/{number}/correction-request")
    @Operation(summary = "Return for correction with ONE complete list of everything missing or wrong")
    ApplicationView returnForCorrection(@PathVariable String number, @Valid @RequestBody Reasons missing, StaffMember me) {
        return office.returnForCorrection(number, me, missing.reasons());
    }

    @PostMapping("/{number}/refusal")
    @Operation(summary = "Refuse to accept, with reasons")
    ApplicationView refuse(@PathVariable String number, @Valid @RequestBody Reasons reasons, StaffMember me) {
        return office.refuseToAccept(number, me, reasons.reasons());
    }

    @PostMapping("/{number}/review")
    @Operation(summary = "Start the review (handler)")
    ApplicationView startReview(@PathVariable String number, StaffMember me) {
        return office.startReview(number, me);
    }

    @PostMapping("/{number}/decision")
    @Operation(summary = "Decide: approve, or deny with reasons (handler)")
    ApplicationView decide(@PathVariable String number, @Valid @RequestBody Decision decision, StaffMember me) {
        return office.decide(number, me, decision.outcome() == Outcome.APPROVE, decision.reasons());
    }

    @PostMapping("/{number}/opinion")
    @Operation(summary = "Give an opinion before the decision: the first review of a two-step process, or another department's "
            + "countersignature (handler holding or able to take that task)")
    ApplicationView giveOpinion(@PathVariable String number, @Valid @RequestBody Opinion opinion, StaffMember me) {
        return office.giveOpinion(number, me, opinion.agree(), opinion.reasons());
    }

    @PostMapping("/{number}/delivery")
    @Operation(summary = "Record that the result reached the applicant (handler)")
    ApplicationView deliver(@PathVariable String number, StaffMember me) {
        return office.deliver(number, me);
    }

    @PostMapping("/{number}/closure")
    @Operation(summary = "Close a delivered application (handler)")
    ApplicationView close(@PathVariable String number, StaffMember me) {
        return office.close(number, me);
    }

    record Reasons(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> reasons) {
    }

    enum Outcome { APPROVE, DENY }

    record Opinion(@NotNull Boolean agree, @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> reasons) {
    }

    record Decision(@NotNull Outcome outcome, @Size(max = 50) List<@NotBlank @Size(max = 500) String> reasons) {
    }
}
