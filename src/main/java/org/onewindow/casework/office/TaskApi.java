package org.onewindow.casework.office;

import org.onewindow.identity.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.onewindow.casework.process.OfficeTasks;
import org.onewindow.casework.process.OfficeTask;
import org.onewindow.casework.casefile.ApplicationStore;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.audit.ReadPurpose;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The office's task list: what waits for my roles in my department, what I hold; take a task, hand it over. */
@RestController
@RequestMapping("/api/v1/casework/tasks")
@Tag(name = "tasks", description = "User tasks of the application processes")
class TaskApi {

    private static final int PAGE = 200;

    private final OfficeTasks tasks;
    private final OfficeWork office;
    private final ApplicationStore applications;
    private final AuditTrail audit;

    TaskApi(OfficeTasks tasks, OfficeWork office, ApplicationStore applications, AuditTrail audit) {
        this.office = office;
        this.tasks = tasks;
        this.applications = applications;
        this.audit = audit;
    }

    /** The list names applications, so each applicant on it has been read: recorded like the worklist. */
    @GetMapping
    @Operation(summary = "Tasks for my roles at my node and department, and tasks I hold; oldest first, at most 200")
    List<OfficeTask> myTasks(StaffMember me) {
        List<OfficeTask> list = tasks.taskList(me, PAGE);
        audit.recordReads(me.username(), ReadPurpose.TASK_LIST,
                Worklist.numbersByApplicant(applications.findByNumbers(list.stream().map(OfficeTask::applicationNumber).toList())));
        return list;
    }

    @PostMapping("/{taskId}/claim")
    @Operation(summary = "Take a task; 409 when a colleague already took it")
    OfficeTask claim(@PathVariable @Size(max = 64) String taskId, StaffMember me) {
        return tasks.claim(taskId, me);
    }

    @PostMapping("/{taskId}/handover")
    @Operation(summary = "Hand a task I hold (or could take) to a colleague who could take it")
    OfficeTask handOver(@PathVariable @Size(max = 64) String taskId, @Valid @RequestBody HandOver request, StaffMember me) {
        return office.handOver(taskId, me, request.to());
    }

    record HandOver(@NotBlank @Size(max = 60) String to) {
    }
}
