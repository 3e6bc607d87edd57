package org.onewindow.casework.process;

import org.onewindow.casework.pages.PlainWords;
import org.onewindow.casework.pages.FormQuestions;
import org.onewindow.casework.model.FourEyes;
import org.onewindow.identity.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.onewindow.casework.decision.DecisionTables;
import org.onewindow.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators deploy a new version of a process (a BPMN file from a modeller) and choose the
 * process and decision table of an item, without a command line. A broken model is refused with
 * its line and problem, and nothing is deployed.
 */
@Controller
class ProcessAdminPage {

    private static final long LARGEST_MODEL = 1024 * 1024;

    private final ProcessModels processes;
    private final ItemProcedures procedures;
    private final DecisionTables tables;
    private final MessageSource messages;

    ProcessAdminPage(ProcessModels processes, ItemProcedures procedures, DecisionTables tables, MessageSource messages) {
        this.processes = processes;
        this.procedures = procedures;
        this.tables = tables;
        this.messages = messages;
    }

    @GetMapping("/admin/processes")
    String page(StaffMember me, Model model) {
        return render(me, model, null, null);
    }

    @PostMapping("/admin/processes")
    String deploy(@RequestParam(required = false) MultipartFile model, StaffMember me, Model page, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) throws IOException {
        if (model == null || model.isEmpty() || model.getSize() > LARGEST_MODEL) {
            response.setStatus(422);
            return render(me, page, "model", messages.getMessage("processes.model.missing", null, locale));
        }
        try {
            ProcessModel deployed = processes.deploy(model.getBytes(), me);
            flash.addFlashAttribute("notice", messages.getMessage("processes.deployed",
                    new Object[] {deployed.key(), deployed.version()}, locale));
        } catch (RuleViolationException broken) {
            response.setStatus(422);
            return render(me, page, "model", String.join(" ", FormQuestions.errors(broken, messages, locale).values()));
        }
        return PlainWords.seeOther(request, "/admin/processes");
    }

    @PostMapping("/admin/procedures")
    String configure(@RequestParam(required = false) String itemCode, @RequestParam(required = false) String processKey,
                     @RequestParam(required = false) String decisionTable, @RequestParam(required = false) String fourEyes, StaffMember me, Model page, Locale locale,
                     HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            procedures.configure(itemCode == null ? "" : itemCode.strip().toUpperCase(Locale.ROOT), processKey, decisionTable, fourEyesRule(fourEyes), me);
        } catch (RuleViolationException broken) {
            response.setStatus(422);
            return render(me, page, "procedure", String.join(" ", FormQuestions.errors(broken, messages, locale).values()));
        }
        flash.addFlashAttribute("notice", messages.getMessage("processes.configured", new Object[] {itemCode}, locale));
        return PlainWords.seeOther(request, "/admin/processes");
    }

    /** The rule chosen on the form; a value the form never offers is refused like any other wrong field. */
    private static FourEyes fourEyesRule(String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        try {
            return FourEyes.valueOf(chosen.strip());
        } catch (IllegalArgumentException unknown) {
            throw new RuleViolationException(RuleViolationException.Violation.of("fourEyes", "procedure.four-eyes-unknown"));
        }
    }

    private String render(StaffMember me, Model model, String failedForm, String failure) {
        List<ProcessModel> models = processes.latestModels();
        model.addAttribute("keepsProcesses", me.isProvinceAdministrator());
        model.addAttribute("models", models);
        model.addAttribute("procedures", procedures.configured());
        model.addAttribute("tables", tables.keys());
        model.addAttribute("fourEyesRules", FourEyes.values());
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("failure", failure);
        return "casework/processes";
    }
}
