package org.onewindow.casework.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The office's user tasks of the application processes: who may take which, taking one (two
 * clerks at once: the first gets it), completing it, handing it to a colleague.
 */
@Service
public class OfficeTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;

    OfficeTasks(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /**
     * The open task of the given kind for this staff member: one they hold, or one not yet
     * taken. A task someone else holds is a conflict, and so is a case not at that step yet.
     * Apart from countersignatures (another department's), the caller has already checked that
     * the staff member may take the step (role, region, department), which also lets staff
     * above the task's node act on it.
     */
    public OfficeTask taskFor(OpenTasks open, TaskKind kind, StaffMember staff) {
        List<OfficeTask> candidates = open.tasks().stream().filter(task -> task.kind() == kind).toList();
        if (candidates.isEmpty()) {
            throw new ConflictException("task.not-ready", open.applicationNumber(), kind.name().toLowerCase(Locale.ROOT));
        }
        Set<String> groups = groupsOf(staff);
        return candidates.stream().filter(task -> staff.username().equals(task.assignee())).findFirst()
                .or(() -> candidates.stream().filter(task -> task.assignee() == null && isCandidate(task.id(), groups)).findFirst())
                .or(() -> candidates.stream().filter(task -> task.assignee() == null && kind != TaskKind.COUNTERSIGN).findFirst())
                .orElseThrow(() -> candidates.stream().filter(task -> task.assignee() != null).findFirst()
                        .<RuntimeException>map(held -> new ConflictException("task.claimed", held.assignee()))
                        .orElseGet(() -> new AccessDeniedException("not a candidate for the " + kind + " of " + open.applicationNumber())));
    }

    /** Takes a task found with {@link #taskFor} for the staff member, if nobody holds it yet. */
    public void take(OfficeTask task, StaffMember staff) {
        if (task.assignee() == null) {
            claimOrConflict(task.id(), staff);
        }
    }

    /** Completes a task for the staff member, taking it first if nobody held it. */
    public void complete(OfficeTask task, StaffMember staff, Map<String, Object> variables) {
        try {
            if (task.assignee() == null) {
                tasks.claim(task.id(), staff.username());
            }
            tasks.complete(task.id(), variables);
        } catch (FlowableOptimisticLockingException | FlowableTaskAlreadyClaimedException raced) {
            throw new ConflictException("task.claimed", "-");
        }
    }

    /** The tasks a staff member may take or holds, oldest first. */
    public List<OfficeTask> taskList(StaffMember staff, int limit) {
        List<Task> found = tasks.createTaskQuery().or().taskCandidateGroupIn(groupsOf(staff)).taskAssignee(staff.username()).endOr()
                .orderByTaskCreateTime().asc().listPage(0, limit);
        Set<String> instanceIds = new LinkedHashSet<>();
        found.forEach(task -> instanceIds.add(task.getProcessInstanceId()));
        Map<String, String> numbers = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()
                    .forEach(instance -> numbers.put(instance.getId(), instance.getBusinessKey()));
        }
        return found.stream().map(task -> task(task, numbers.get(task.getProcessInstanceId()))).toList();
    }

    /**
     * Takes a task. Two clerks pressing "take" at once: the first gets it, the second a
     * conflict naming who has it.
     */
    public OfficeTask claim(String taskId, StaffMember staff) {
        Task task = requireTask(taskId);
        if (!isCandidate(taskId, groupsOf(staff)) && !staff.username().equals(task.getAssignee())) {
            // a task one could not take is not in one's list either: it answers as one that does not exist
            throw new NotFoundException("task", taskId);
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(staff.username())) {
            throw new ConflictException("task.claimed", task.getAssignee());
        }
        claimOrConflict(taskId, staff);
        return task(requireTask(taskId), numberOf(task));
    }

    private void claimOrConflict(String taskId, StaffMember staff) {
        try {
            tasks.claim(taskId, staff.username());
        } catch (FlowableTaskAlreadyClaimedException | FlowableOptimisticLockingException raced) {
            throw new ConflictException("task.claimed", Objects.toString(requireTask(taskId).getAssignee(), "-"));
        }
    }

    /** Hands a task to a colleague who could have taken it themselves. */
    public OfficeTask handOver(String taskId, StaffMember from, StaffMember to) {
        Task task = requireTask(taskId);
        boolean holds = from.username().equals(task.getAssignee());
        if (!holds && !(task.getAssignee() == null && isCandidate(taskId, groupsOf(from)))) {
            throw new NotFoundException("task", taskId);
        }
        if (!isCandidate(taskId, groupsOf(to))) {
            throw new RuleViolationException(Violation.of("to", "task.handover-not-candidate", to.username()));
        }
        tasks.setAssignee(taskId, to.username());
        return task(requireTask(taskId), numberOf(task));
    }

    /** The groups a staff member belongs to: each of their roles at their node, alone and with their department. */
    public static Set<String> groupsOf(StaffMember staff) {
        Set<String> groups = new LinkedHashSet<>();
        staff.roles().forEach(role -> {
            groups.add(role.name() + ":" + staff.region().code());
            if (staff.department() != null) {
                groups.add(role.name() + ":" + staff.region().code() + ":" + staff.departmentKind());
            }
        });
        return groups;
    }

    public boolean isCandidate(String taskId, Collection<String> groups) {
        return tasks.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).anyMatch(groups::contains);
    }

    private Task requireTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFoundException("task", taskId);
        }
        return task;
    }

    private String numberOf(Task task) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult())
                .map(ProcessInstance::getBusinessKey).orElse(null);
    }

    static OfficeTask task(Task task, String number) {
        return new OfficeTask(task.getId(), number, task.getTaskDefinitionKey(), TaskKind.of(task.getTaskDefinitionKey()), task.getName(),
                task.getAssignee(), task.getCreateTime().toInstant());
    }
}
