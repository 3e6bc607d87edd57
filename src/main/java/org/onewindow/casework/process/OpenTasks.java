package org.onewindow.casework.process;

import java.util.List;

/** The user tasks open on one application's process, read once for a step that needs them. */
public record OpenTasks(String applicationNumber, String processInstanceId, List<OfficeTask> tasks) {

    public OpenTasks {
        tasks = List.copyOf(tasks);
    }

    public boolean has(TaskKind kind) {
        return tasks.stream().anyMatch(task -> task.kind() == kind);
    }
}
