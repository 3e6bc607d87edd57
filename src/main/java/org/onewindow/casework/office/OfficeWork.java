package org.onewindow.casework.office;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.casefile.CaseFiles;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.FourEyes;
import org.onewindow.casework.process.ApplicationProcesses;
import org.onewindow.casework.process.ItemProcedures;
import org.onewindow.casework.process.OfficeTasks;
import org.onewindow.casework.process.OfficeTask;
import org.onewindow.casework.process.OpenTasks;
import org.onewindow.casework.process.TaskKind;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.audit.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the office does with an application: accept it (any window, for any department), ask
 * for everything missing at once, refuse with reasons, review, give opinions, decide, deliver
 * and close. Each step changes the application and, while its process runs, completes the
 * matching user task, in one transaction. A member of staff whose duty does not reach a case is
 * told it does not exist; one who may see it but not take the step is refused (403), and a
 * decision four eyes forbid them is a conflict (409) that names the rule.
 */
@Service
public class OfficeWork {

    private static final String REVIEWER = "reviewer";

    private final CaseFiles files;
    private final ApplicationProcesses processes;
    private final OfficeTasks tasks;
    private final ItemProcedures procedures;
    private final StaffDirectory staffDirectory;
    private final AuditTrail audit;
    private final StepTakenFirst takenFirst;
    private final Clock clock;

    OfficeWork(CaseFiles files, ApplicationProcesses processes, OfficeTasks tasks, ItemProcedures procedures, StaffDirectory staffDirectory,
               AuditTrail audit, StepTakenFirst takenFirst, Optional<Clock> clock) {
        this.takenFirst = takenFirst;
        this.procedures = procedures;
        this.files = files;
        this.processes = processes;
        this.tasks = tasks;
        this.staffDirectory = staffDirectory;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional
    public ApplicationView accept(String number, StaffMember staff) {
        return officeStep(number, staff, Role.CLERK, (a, who) -> {
            a.accept(who, clock);
            completeTask(a, TaskKind.ACCEPTANCE, staff, Map.of("accepted", true));
        });
    }

    @Transactional
    public ApplicationView returnForCorrection(String number, StaffMember staff, List<String> everythingMissing) {
        return officeStep(number, staff, Role.CLERK, (a, who) -> a.returnForCorrection(who, everythingMissing, clock));
    }

    @Transactional
    public ApplicationView refuseToAccept(String number, StaffMember staff, List<String> reasons) {
        return officeStep(number, staff, Role.CLERK, (a, who) -> {
            a.refuseToAccept(who, reasons, clock);
            completeTask(a, TaskKind.ACCEPTANCE, staff, Map.of("accepted", false));
        });
    }

    @Transactional
    public ApplicationView startReview(String number, StaffMember staff) {
        return officeStep(number, staff, Role.HANDLER, (a, who) -> {
            a.startReview(who, clock);
            // taking the case up: the first review step (or the decision) becomes this handler's
            processes.openTasks(a.number()).ifPresent(open ->
                    tasks.take(tasks.taskFor(open, open.has(TaskKind.REVIEW) ? TaskKind.REVIEW : TaskKind.DECISION, staff), staff));
        });
    }

    @Transactional
    public ApplicationView decide(String number, StaffMember staff, boolean approve, List<String> reasons) {
        return officeStep(number, staff, Role.HANDLER, (a, who) -> {
            // the process first: "countersignatures missing" says more than "not under review"
            Optional<OpenTasks> open = processes.openTasks(a.number());
            Optional<OfficeTask> task = open.map(found -> tasks.taskFor(found, TaskKind.DECISION, staff));
            if (open.isPresent() && who.equals(processes.variable(open.get(), REVIEWER))) {
                throw new ConflictException("task.four-eyes", who);
            }
            FourEyes.Check fourEyes = fourEyes(a);
            if (approve) {
                a.approve(who, reasons, fourEyes, clock);
            } else {
                a.deny(who, reasons, fourEyes, clock);
            }
            task.ifPresent(t -> tasks.complete(t, staff, Map.of("approved", approve)));
        });
    }

    /** Which decisions four eyes let this member of staff take on the case, for the page to offer only those. */
    record Decisions(boolean approve, boolean deny) {
    }

    Decisions decisions(String number, StaffMember staff) {
        Application a = files.reload(number);
        FourEyes.Check fourEyes = fourEyes(a);
        return new Decisions(fourEyes.allows(staff.username(), true, a), fourEyes.allows(staff.username(), false, a));
    }

    private FourEyes.Check fourEyes(Application a) {
        return files.fourEyes(a, procedures.forItem(a.itemCode()).fourEyes());
    }

    /**
     * An opinion before the decision: the first review of a two-step process, or another
     * department's countersignature. It goes on the timeline with its reasons; the decision
     * stays with the responsible department.
     */
    @Transactional
    public ApplicationView giveOpinion(String number, StaffMember staff, boolean agree, List<String> reasons) {
        Application a = files.reload(number);
        files.requireInDuty(a, staff);
        requireInRegion(a, staff);
        if (!staff.has(Role.HANDLER)) {
            throw new AccessDeniedException("not a handler for region " + a.regionCode());
        }
        Application.requireReasons(reasons);
        OpenTasks open = processes.openTasks(number).orElseThrow(() -> new ConflictException("task.not-ready", number, "opinion"));
        boolean review = files.inResponsibleDepartment(staff, a.itemCode()) && open.has(TaskKind.REVIEW);
        OfficeTask task = tasks.taskFor(open, review ? TaskKind.REVIEW : TaskKind.COUNTERSIGN, staff);
        try {
            a.giveOpinion(staff.username(), review, agree, reasons, clock);
        } catch (ConflictException conflict) {
            throw takenFirst.inWords(conflict, a, staff);
        }
        tasks.complete(task, staff, review ? Map.of(REVIEWER, staff.username()) : Map.of());
        return files.save(a);
    }

    /** Hands an office task to a colleague who could take it; the applicant sees that their case changed hands. */
    @Transactional
    public OfficeTask handOver(String taskId, StaffMember from, String toUsername) {
        StaffMember to = staffDirectory.staff(toUsername)
                .orElseThrow(() -> new RuleViolationException(Violation.of("to", "task.handover-not-candidate", String.valueOf(toUsername))));
        OfficeTask task = tasks.handOver(taskId, from, to);
        Application a = files.reload(task.applicationNumber());
        a.note(from.username(), "handed-over", List.of(), clock);
        audit.record(from.username(), "casework.task-handed-over", to.username(), a.number());
        files.save(a);
        return task;
    }

    @Transactional
    public ApplicationView deliver(String number, StaffMember staff) {
        return officeStep(number, staff, Role.HANDLER, (a, who) -> a.deliver(who, clock));
    }

    @Transactional
    public ApplicationView close(String number, StaffMember staff) {
        return officeStep(number, staff, Role.HANDLER, (a, who) -> a.close(who, clock));
    }

    private ApplicationView officeStep(String number, StaffMember staff, Role needed, BiConsumer<Application, String> step) {
        // a handler may do what a clerk does at acceptance; a clerk may not decide
        boolean allowed = staff.has(needed) || (needed == Role.CLERK && staff.has(Role.HANDLER));
        Application a = files.reload(number);
        files.requireInDuty(a, staff);
        requireInRegion(a, staff);
        if (!allowed) {
            throw new AccessDeniedException("not a " + needed + " for region " + a.regionCode());
        }
        // any window accepts for any department (one-window acceptance); only the responsible department decides
        if (needed == Role.HANDLER && !files.inResponsibleDepartment(staff, a.itemCode())) {
            throw new AccessDeniedException("not a handler of the department responsible for " + a.itemCode());
        }
        try {
            step.accept(a, staff.username());
        } catch (ConflictException conflict) {
            throw takenFirst.inWords(conflict, a, staff);
        }
        return files.save(a);
    }

    private void completeTask(Application a, TaskKind kind, StaffMember staff, Map<String, Object> variables) {
        processes.openTasks(a.number()).ifPresent(open -> tasks.complete(tasks.taskFor(open, kind, staff), staff, variables));
    }

    /** Staff of another region cannot read the application: to them it answers as one that does not exist. */
    private static void requireInRegion(Application a, StaffMember staff) {
        if (!staff.mayActOn(a.regionCode())) {
            throw new org.onewindow.shared.NotFoundException("application", a.number());
        }
    }
}
