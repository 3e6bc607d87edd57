package org.onewindow.casework.process;

import org.onewindow.casework.model.FourEyes;
import org.onewindow.identity.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators deploy process versions and choose which process and decision table each item follows. */
@RestController
@RequestMapping("/api/v1/casework")
@Tag(name = "processes", description = "BPMN processes and the procedure of each item")
class ProcessApi {

    private final ProcessModels processes;
    private final ItemProcedures procedures;

    ProcessApi(ProcessModels processes, ItemProcedures procedures) {
        this.processes = processes;
        this.procedures = procedures;
    }

    @GetMapping("/processes")
    @Operation(summary = "The latest version of every deployed process")
    List<ProcessModel> processes() {
        return processes.latestModels();
    }

    @PostMapping(value = "/processes", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/bpmn+xml"})
    @Operation(summary = "Deploy a new version of a BPMN 2.0 process; running applications keep the version they started on")
    ResponseEntity<ProcessModel> deploy(@RequestBody byte[] bpmn, StaffMember me) {
        ProcessModel deployed = processes.deploy(bpmn, me);
        return ResponseEntity.created(URI.create("/api/v1/casework/processes/" + deployed.key())).body(deployed);
    }

    @GetMapping("/procedures")
    @Operation(summary = "Items that follow a process other than the standard one, or have an instant-approval table")
    List<ItemProcedures.Procedure> procedures() {
        return procedures.configured();
    }

    @PutMapping("/procedures/{itemCode}")
    @Operation(summary = "Choose the process, the instant-approval decision table (optional) and the four-eyes rule (optional: "
            + "DENIALS_AND_FEES by default, EVERY_DECISION or OFF; omitted, the item keeps its rule) of an item")
    ItemProcedures.Procedure configure(@PathVariable @Pattern(regexp = "^[A-Z]{2}-[0-9]{3}$") String itemCode,
                                       @Valid @RequestBody ProcedureRequest request, StaffMember me) {
        return procedures.configure(itemCode, request.processKey(), request.decisionTable(), request.fourEyes(), me);
    }

    record ProcedureRequest(@NotBlank @Size(max = 100) String processKey, @Size(max = 100) String decisionTable, FourEyes fourEyes) {
    }
}
