package org.onewindow.casework.process;

import java.time.Instant;

/** An open user task of an application process, as the office's task list shows it. */
public record OfficeTask(String id, String applicationNumber, String definitionKey, TaskKind kind, String name, String assignee,
                         Instant createdAt) {
}
