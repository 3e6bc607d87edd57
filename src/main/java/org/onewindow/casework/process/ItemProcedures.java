package org.onewindow.casework.process;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.onewindow.casework.decision.DecisionTables;
import org.onewindow.casework.model.FourEyes;
import org.onewindow.catalog.CatalogService;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which process an item follows, which decision table may approve it at once and when four eyes
 * hold. Items not configured follow the standard process, always go to a person and keep the
 * default of four eyes (denials and items with fees). Held in memory: every
 * submission needs it.
 */
@Service
public class ItemProcedures {

    private final JdbcClient jdbc;
    private final ProcessModels processes;
    private final DecisionTables tables;
    private final AuditTrail audit;
    private final CatalogService catalog;
    private final Map<String, Procedure> byItem = new ConcurrentHashMap<>();

    ItemProcedures(JdbcClient jdbc, ProcessModels processes, DecisionTables tables, AuditTrail audit, CatalogService catalog) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.processes = processes;
        this.tables = tables;
        this.audit = audit;
        jdbc.sql("select item_code, process_key, decision_table, four_eyes from item_procedure")
                .query((rs, n) -> new Procedure(rs.getString("item_code"), rs.getString("process_key"), rs.getString("decision_table"),
                        FourEyes.valueOf(rs.getString("four_eyes"))))
                .list().forEach(p -> byItem.put(p.itemCode(), p));
    }

    /** How an item is handled: its process, the table that may approve it at once, who may decide after an earlier step. */
    public record Procedure(String itemCode, String processKey, String decisionTable, FourEyes fourEyes) {
        public Optional<String> table() {
            return Optional.ofNullable(decisionTable).filter(t -> !t.isBlank());
        }
    }

    public Procedure forItem(String itemCode) {
        return byItem.getOrDefault(itemCode, new Procedure(itemCode, ProcessModels.STANDARD, null, FourEyes.DENIALS_AND_FEES));
    }

    public List<Procedure> configured() {
        return byItem.values().stream().sorted(Comparator.comparing(Procedure::itemCode)).toList();
    }

    /**
     * Procedures hold for the item everywhere, so only the province's administrators choose them.
     * Without a four-eyes setting the item keeps the one it has (the default for a new one).
     */
    @Transactional
    public Procedure configure(String itemCode, String processKey, String decisionTable, FourEyes fourEyes, StaffMember administrator) {
        administrator.requireProvinceAdministrator("the procedures");
        return configure(itemCode, processKey, decisionTable, fourEyes, administrator.username());
    }

    Procedure configure(String itemCode, String processKey, String decisionTable, FourEyes fourEyesOrNull, String actor) {
        if (catalog.publishedItem(itemCode).isEmpty()) {
            throw new RuleViolationException(Violation.of("itemCode", "application.item-unknown", itemCode));
        }
        String table = decisionTable == null || decisionTable.isBlank() ? null : decisionTable.strip();
        if (processKey == null || !processes.isDeployed(processKey)) {
            throw new RuleViolationException(Violation.of("processKey", "procedure.process-unknown", String.valueOf(processKey)));
        }
        if (table != null && !tables.exists(table)) {
            throw new RuleViolationException(Violation.of("decisionTable", "procedure.table-unknown", table));
        }
        FourEyes fourEyes = fourEyesOrNull != null ? fourEyesOrNull : forItem(itemCode).fourEyes();
        jdbc.sql("""
                insert into item_procedure (item_code, process_key, decision_table, four_eyes, updated_by)
                values (:item, :process, :table, :fourEyes, :actor)
                on conflict (item_code) do update set process_key = excluded.process_key, decision_table = excluded.decision_table,
                    four_eyes = excluded.four_eyes, updated_by = excluded.updated_by, updated_at = now()""")
                .param("item", itemCode).param("process", processKey).param("table", table).param("fourEyes", fourEyes.name())
                .param("actor", actor)
                .update();
        audit.record(actor, "casework.procedure-configured", itemCode,
                processKey + " " + (table == null ? "-" : table) + " four-eyes " + fourEyes);
        Procedure procedure = new Procedure(itemCode, processKey, table, fourEyes);
        byItem.put(itemCode, procedure);
        return procedure;
    }
}
