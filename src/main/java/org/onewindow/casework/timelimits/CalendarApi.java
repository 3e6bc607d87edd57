package org.onewindow.casework.timelimits;

import org.onewindow.identity.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public holidays and moved working days that time limits are counted with. */
@RestController
@RequestMapping("/api/v1/casework/calendar")
@Tag(name = "casework", description = "Applications for service items and their lifecycle")
class CalendarApi {

    private final WorkingCalendar calendar;

    CalendarApi(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    @Operation(summary = "Holidays and moved working days of a year")
    List<WorkingCalendar.Exception> year(@RequestParam @Min(2000) @Max(2100) int year) {
        return calendar.exceptions(year);
    }

    @PutMapping("/{day}")
    @Operation(summary = "Declare a day a public holiday, or a weekend day a working day (province administrators)")
    WorkingCalendar.Exception declare(@PathVariable LocalDate day, @Valid @RequestBody Declaration declaration, StaffMember me) {
        return calendar.declare(new WorkingCalendar.Exception(day, declaration.kind(), declaration.nameZh(), declaration.nameEn()),
                me);
    }

    @DeleteMapping("/{day}")
    @Operation(summary = "Remove a declared day (province administrators)")
    ResponseEntity<Void> remove(@PathVariable LocalDate day, StaffMember me) {
        calendar.remove(day, me);
        return ResponseEntity.noContent().build();
    }

    record Declaration(@NotNull WorkingDayCalendar.Exception kind, @NotBlank @Size(max = 40) String nameZh,
                       @NotBlank @Size(max = 60) String nameEn) {
    }
}
