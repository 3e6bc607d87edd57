package org.onewindow.casework.process;

import java.time.Duration;
import java.util.Locale;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.exceptions.XMLException;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.flowable.validation.ValidationError;
import org.onewindow.casework.model.Application;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The BPMN side of applications, on the embedded Flowable engine. One process instance per
 * application, keyed by its number; its user tasks say who in the office acts next, the
 * application row says where the case stands. Both change in the same transaction.
 *
 * <p>Candidate groups are {@code ROLE:region} or {@code ROLE:region:department}, e.g.
 * {@code HANDLER:330106:market-regulation}: a staff member is in the groups of their roles at
 * their own node of the tree.
 */
@Service
public class ApplicationProcesses {

    public static final String STANDARD = "ow-standard";
    private static final String BUILT_IN = "classpath*:processes/*.bpmn20.xml";
    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final BeanFactory beans;
    private final JdbcClient jdbc;
    /**
     * The newest version of each process as looked up in the last few seconds: every submission
     * starts a process, and Flowable would ask the database for the newest version each time. A
     * deployment here forgets it at once; one made on another node is picked up within
     * {@link #LATEST_VERSION_VALID}.
     */
    private final Map<String, LatestVersion> latestVersions = new ConcurrentHashMap<>();
    static final Duration LATEST_VERSION_VALID = Duration.ofSeconds(10);

    private record LatestVersion(String definitionId, long lookedUpAt) {
    }

    ApplicationProcesses(RepositoryService repository, RuntimeService runtime, TaskService tasks,
                         BeanFactory beans, JdbcClient jdbc) throws IOException {
        this.jdbc = jdbc;
        this.beans = beans;
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        deployBuiltIn();
    }

    /**
     * The processes shipped with the platform. Duplicate filtering makes a restart with unchanged
     * files deploy nothing, and the resource names are the same from a jar and from classes.
     */
    private void deployBuiltIn() throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(BUILT_IN)) {
            try (InputStream in = resource.getInputStream()) {
                repository.createDeployment().name("onewindow:" + resource.getFilename())
                        .addBytes(resource.getFilename(), in.readAllBytes()).enableDuplicateFiltering().deploy();
            }
        }
    }

    /**
     * Deploys a new version of a process at run time. The model is parsed against the BPMN schema
     * and validated first, so that a broken model is refused with its line and problem and
     * nothing is deployed. Applications already running keep the version they started on.
     */
    public ProcessModel deploy(byte[] xml, StaffMember administrator) {
        requireProvinceAdministrator(administrator);
        String actor = administrator.username();
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(xml), true, true, "UTF-8");
        } catch (XMLException notBpmn) {
            throw new RuleViolationException(Violation.of("model", "process.not-parsable", firstLine(notBpmn)));
        }
        List<Violation> problems = new ArrayList<>();
        for (ValidationError error : repository.validateProcess(model)) {
            if (!error.isWarning()) {
                problems.add(Violation.of("model", "process.invalid", error.getDefaultDescription(),
                        Objects.toString(error.getActivityId(), "-"), error.getXmlLineNumber()));
            }
        }
        if (model.getMainProcess() == null) {
            problems.add(Violation.of("model", "process.not-executable"));
        } else {
            // Flowable resolves ${bean} only when an application reaches the step; a misspelt name
            // would fail every application there, so it is refused now
            for (ServiceTask task : model.getMainProcess().findFlowElementsOfType(ServiceTask.class)) {
                String expression = task.getImplementation();
                Matcher bean = BEAN_REFERENCE.matcher(expression == null ? "" : expression);
                if (ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(task.getImplementationType()) && bean.matches()
                        && !beans.containsBean(bean.group(1))) {
                    problems.add(Violation.of("model", "process.unknown-bean", bean.group(1), task.getId(), task.getXmlRowNumber()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        String key = model.getMainProcess().getId();
        // the suffix makes Flowable parse the resource; without it the deployment would hold no process
        Deployment deployment = repository.createDeployment().name("runtime:" + key + ":" + actor)
                .addBytes(key + ".bpmn20.xml", xml).deploy();
        latestVersions.remove(key);
        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
        return model(definition, deployment);
    }

    public List<ProcessModel> latestModels() {
        List<ProcessModel> models = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()) {
            models.add(model(definition, repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult()));
        }
        return models;
    }

    public boolean isDeployed(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
    }

    /**
     * Starts the application's process. An instant-approval step in the model runs the check
     * synchronously, before this returns.
     */
    public void start(String processKey, Application application, String responsibleRegion, String department, InstantCheck check) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("itemCode", application.itemCode());
        variables.put("region", application.regionCode());
        variables.put("responsibleRegion", responsibleRegion);
        variables.put("department", department);
        variables.put("acceptanceGroups", String.join(",", new LinkedHashSet<>(List.of("CLERK:" + application.regionCode(),
                "CLERK:" + responsibleRegion, "HANDLER:" + responsibleRegion + ":" + department))));
        variables.put("decisionGroups", "HANDLER:" + responsibleRegion + ":" + department);
        // Transient first: a case the rules approve ends within this call and needs none of them
        // stored (no variable or variable-history rows). One that waits for a person keeps them
        // for the tasks still to come; the tasks created during the start already used them.
        ProcessInstance instance = runtime.createProcessInstanceBuilder().processDefinitionId(latestDefinitionId(processKey))
                .businessKey(application.number()).transientVariables(variables).transientVariable(InstantCheck.VARIABLE, check).start();
        if (!instance.isEnded()) {
            runtime.setVariables(instance.getId(), variables);
        }
    }

    private String latestDefinitionId(String processKey) {
        long now = System.nanoTime();
        LatestVersion known = latestVersions.get(processKey);
        if (known != null && now - known.lookedUpAt() < LATEST_VERSION_VALID.toNanos()) {
            return known.definitionId();
        }
        ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
        if (newest == null) {
            throw new IllegalStateException("no process is deployed with the key " + processKey);
        }
        latestVersions.put(processKey, new LatestVersion(newest.getId(), now));
        return newest.getId();
    }

    /** The open tasks of an application's process; empty when it has none (applications from before processes existed). */
    public Optional<OpenTasks> openTasks(String number) {
        return instance(number).map(instance -> new OpenTasks(number, instance.getId(),
                tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream().map(task -> task(task, number)).toList()));
    }

    /**
     * Who holds the open tasks of each of these applications (number → user names), in one
     * query. Flowable's query API finds tasks by one business key at a time, and the morning
     * alerts ask about every late application at once; so this one read goes to the engine's
     * runtime tables (their business-key index) directly.
     */
    public Map<String, List<String>> holders(Collection<String> numbers) {
        Map<String, List<String>> held = new HashMap<>();
        if (numbers.isEmpty()) {
            return held;
        }
        jdbc.sql("""
                select distinct e.business_key_, t.assignee_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                where e.business_key_ = any(cast(:numbers as text[])) and t.assignee_ is not null
                order by e.business_key_, t.assignee_""")
                .param("numbers", numbers.toArray(String[]::new))
                .query(rs -> {
                    held.computeIfAbsent(rs.getString(1), number -> new ArrayList<>()).add(rs.getString(2));
                });
        return held;
    }

    /** Ends the process of an application that stops early: withdrawn by the applicant. */
    public void end(String number, String reason) {
        instance(number).ifPresent(instance -> runtime.deleteProcessInstance(instance.getId(), reason));
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

    public Object variable(OpenTasks open, String name) {
        return runtime.getVariable(open.processInstanceId(), name);
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
            throw new AccessDeniedException("not a candidate for task " + taskId);
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
            throw new AccessDeniedException("task " + taskId + " is not " + from.username() + "'s to hand over");
        }
        if (!isCandidate(taskId, groupsOf(to))) {
            throw new RuleViolationException(Violation.of("to", "task.handover-not-candidate", to.username()));
        }
        tasks.setAssignee(taskId, to.username());
        return task(requireTask(taskId), numberOf(task));
    }

    static void requireProvinceAdministrator(StaffMember staff) {
        if (!staff.isProvinceAdministrator()) {
            throw new AccessDeniedException("processes and procedures are chosen by the province's administrators");
        }
    }

    /** The groups a staff member belongs to: each of their roles at their node, alone and with their department. */
    public static Set<String> groupsOf(StaffMember staff) {
        Set<String> groups = new LinkedHashSet<>();
        String department = staff.departmentId() == null ? null : staff.departmentId().substring(staff.departmentId().indexOf(':') + 1);
        staff.roles().forEach(role -> {
            groups.add(role.name() + ":" + staff.region().code());
            if (department != null) {
                groups.add(role.name() + ":" + staff.region().code() + ":" + department);
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

    private Optional<ProcessInstance> instance(String number) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult());
    }

    private static OfficeTask task(Task task, String number) {
        return new OfficeTask(task.getId(), number, task.getTaskDefinitionKey(), TaskKind.of(task.getTaskDefinitionKey()), task.getName(),
                task.getAssignee(), task.getCreateTime().toInstant());
    }

    private static ProcessModel model(ProcessDefinition definition, Deployment deployment) {
        return new ProcessModel(definition.getKey(), definition.getName(), definition.getVersion(), definition.getDeploymentId(),
                deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant());
    }

    private static String firstLine(XMLException e) {
        String message = Objects.toString(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), "");
        return message.lines().findFirst().orElse("").strip();
    }
}
