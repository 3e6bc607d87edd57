package org.onewindow.casework.timelimits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.onewindow.identity.StaffMember;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What supervisors watch in their part of the tree: time limits and indicators. */
@RestController
@RequestMapping("/api/v1/casework/applications")
@Tag(name = "casework")
class SupervisionApi {

    private final Supervision supervision;

    SupervisionApi(Supervision supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/time-limits")
    @Operation(summary = "Applications overdue or at risk (75% of their time used) in your part of the tree (supervisors)")
    List<Supervision.TimeLimitWatch> timeLimits(StaffMember me) {
        return supervision.lateOrAtRisk(me);
    }

    @GetMapping("/indicators")
    @Operation(summary = "Indicators of your part of the tree: by state, on time, working days, zero visits, automatic, rating")
    Supervision.Indicators indicators(StaffMember me) {
        return supervision.indicators(me);
    }
}
