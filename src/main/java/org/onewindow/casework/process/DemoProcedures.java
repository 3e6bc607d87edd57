package org.onewindow.casework.process;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo procedures: instant registration of an individual business (MR-002), a four-eyes review
 * for registering a company (MR-003) and a construction permit (HC-002) countersigned by
 * planning and environment. Runs after the catalog is loaded (CatalogStartup, order 100); leaves choices an administrator made alone.
 */
@Component
@Order(110)
@ConditionalOnBooleanProperty(name = "onewindow.demo-data")
class DemoProcedures implements ApplicationRunner {

    private final ItemProcedures procedures;

    DemoProcedures(ItemProcedures procedures) {
        this.procedures = procedures;
    }

    @Override
    public void run(ApplicationArguments args) {
        configureOnce("MR-002", ProcessModels.STANDARD, "mr-002-instant");
        configureOnce("MR-003", "ow-two-step-review", null);
        configureOnce("HC-002", "ow-countersign-construction", null);
    }

    private void configureOnce(String item, String process, String table) {
        if (procedures.configured().stream().noneMatch(p -> p.itemCode().equals(item))) {
            procedures.configure(item, process, table, null, "system:demo");
        }
    }
}
