package org.onewindow.casework.process;

/**
 * What a user task of an application process asks of the office, told by its id in the BPMN
 * model: {@code acceptance}, {@code review...} (an opinion before the decision),
 * {@code countersign...} (another department's opinion) or {@code decision}.
 */
public enum TaskKind {
    ACCEPTANCE, REVIEW, COUNTERSIGN, DECISION;

    public static TaskKind of(String taskDefinitionKey) {
        if (taskDefinitionKey.startsWith("acceptance")) {
            return ACCEPTANCE;
        }
        if (taskDefinitionKey.startsWith("countersign")) {
            return COUNTERSIGN;
        }
        if (taskDefinitionKey.startsWith("review")) {
            return REVIEW;
        }
        return DECISION;
    }

    public boolean isOpinion() {
        return this == REVIEW || this == COUNTERSIGN;
    }
}
