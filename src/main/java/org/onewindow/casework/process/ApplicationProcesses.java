package org.onewindow.casework.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.onewindow.casework.InstantDecision;
import org.onewindow.casework.model.Application;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The running processes of applications, on the embedded Flowable engine. One process instance
 * per application, keyed by its number; its user tasks say who in the office acts next, the
 * application row says where the case stands. Both change in the same transaction.
 *
 * <p>Candidate groups are {@code ROLE:region} or {@code ROLE:region:department}, e.g.
 * {@code HANDLER:330106:market-regulation}: a staff member is in the groups of their roles at
 * their own node of the tree ({@link OfficeTasks#groupsOf}).
 */
@Service
public class ApplicationProcesses {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProcessModels models;
    private final JdbcClient jdbc;

    ApplicationProcesses(RuntimeService runtime, TaskService tasks, ProcessModels models, JdbcClient jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.models = models;
        this.jdbc = jdbc;
    }

    /**
     * Starts the application's process as its item's procedure says. An instant-approval step in
     * the model has the item's decision table decide synchronously, before this returns; its
     * decision, if one was taken, is the answer.
     */
    public Optional<InstantDecision> start(ItemProcedures.Procedure procedure, Application application, String responsibleRegion,
                                           String department) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("itemCode", application.itemCode());
        variables.put("region", application.regionCode());
        variables.put("responsibleRegion", responsibleRegion);
        variables.put("department", department);
        variables.put("acceptanceGroups", String.join(",", new LinkedHashSet<>(List.of("CLERK:" + application.regionCode(),
                "CLERK:" + responsibleRegion, "HANDLER:" + responsibleRegion + ":" + department))));
        variables.put("decisionGroups", "HANDLER:" + responsibleRegion + ":" + department);
        InstantCheck check = new InstantCheck(application, procedure.table().orElse(null));
        // Transient first: a case the rules approve ends within this call and needs none of them
        // stored (no variable or variable-history rows). One that waits for a person keeps them
        // for the tasks still to come; the tasks created during the start already used them.
        ProcessInstance instance = runtime.createProcessInstanceBuilder().processDefinitionId(models.latestDefinitionId(procedure.processKey()))
                .businessKey(application.number()).transientVariables(variables).transientVariable(InstantCheck.VARIABLE, check).start();
        if (!instance.isEnded()) {
            runtime.setVariables(instance.getId(), variables);
        }
        return check.decision();
    }

    /** The open tasks of an application's process; empty when it has none (applications from before processes existed). */
    public Optional<OpenTasks> openTasks(String number) {
        return instance(number).map(instance -> new OpenTasks(number, instance.getId(),
                tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                        .map(task -> OfficeTasks.task(task, number)).toList()));
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

    public Object variable(OpenTasks open, String name) {
        return runtime.getVariable(open.processInstanceId(), name);
    }

    private Optional<ProcessInstance> instance(String number) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult());
    }
}
