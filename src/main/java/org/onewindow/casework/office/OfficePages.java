package org.onewindow.casework.office;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.pages.FormQuestions;
import org.onewindow.casework.pages.MaterialNames;
import org.onewindow.casework.pages.PlainWords;
import org.onewindow.casework.process.ApplicationProcesses;
import org.onewindow.casework.process.OfficeTasks;
import org.onewindow.casework.process.OfficeTask;
import org.onewindow.casework.process.OpenTasks;
import org.onewindow.casework.process.TaskKind;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.FormField;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's pages: the worklist, and one application with the steps the member of staff may take now. */
@Controller
class OfficePages {

    private final CaseworkService casework;
    private final Worklist worklist;
    private final CatalogService catalog;
    private final OrganizationTree tree;
    private final StaffDirectory staffDirectory;
    private final MessageSource messages;
    private final ApplicationProcesses processes;
    private final OfficeTasks tasks;
    private final OfficeWork office;
    private final ApplicantOnFile applicants;

    OfficePages(CaseworkService casework, Worklist worklist, CatalogService catalog, OrganizationTree tree, StaffDirectory staffDirectory,
                MessageSource messages, ApplicationProcesses processes, OfficeTasks tasks, OfficeWork office, ApplicantOnFile applicants) {
        this.applicants = applicants;
        this.office = office;
        this.tasks = tasks;
        this.casework = casework;
        this.worklist = worklist;
        this.catalog = catalog;
        this.tree = tree;
        this.staffDirectory = staffDirectory;
        this.messages = messages;
        this.processes = processes;
    }

    @GetMapping("/office")
    String worklist(StaffMember me, Model model) {
        model.addAttribute("work", worklist.openFor(me));
        model.addAttribute("clerk", me.has(Role.CLERK) || me.has(Role.HANDLER));
        return "casework/office";
    }

    @PostMapping("/office/tasks/{taskId}/handover")
    String handOver(@PathVariable String taskId, @RequestParam(required = false) String to, StaffMember me, HttpServletRequest request,
                    RedirectAttributes flash, Locale locale) {
        try {
            OfficeTask task = office.handOver(taskId, me, to);
            flash.addFlashAttribute("notice", messages.getMessage("office.done.handover", new Object[] {task.applicationNumber(), to}, locale));
        } catch (RuleViolationException | ConflictException refused) {
            flash.addFlashAttribute("notice", messages.getMessage("office.failed.handover", null, locale));
        }
        return PlainWords.seeOther(request, "/office");
    }

    /** Colleagues who could take the task: the same role at the same node, in the same department when it is one. */
    private List<String> colleagues(StaffMember me, OfficeTask task) {
        Role role = task.kind() == TaskKind.ACCEPTANCE && me.has(Role.CLERK) ? Role.CLERK : Role.HANDLER;
        return staffDirectory.responsibleFor(me.region().code(), role, role == Role.CLERK ? null : me.departmentKind()).stream()
                .filter(name -> !name.equals(me.username()))
                .filter(name -> staffDirectory.staff(name).map(s -> s.region().code().equals(me.region().code())).orElse(false))
                .toList();
    }

    /** Takes a task from the worklist; a colleague who took it first wins, and the page says who. */
    @PostMapping("/office/tasks/{taskId}/claim")
    String claim(@PathVariable String taskId, StaffMember me, HttpServletRequest request, RedirectAttributes flash, Locale locale) {
        try {
            OfficeTask task = tasks.claim(taskId, me);
            flash.addFlashAttribute("notice", messages.getMessage("office.done.claim", new Object[] {task.applicationNumber()}, locale));
        } catch (ConflictException taken) {
            flash.addFlashAttribute("notice", FormQuestions.message(taken, messages, locale));
        }
        return PlainWords.seeOther(request, "/office");
    }

    @GetMapping("/office/applications/{number}")
    String application(@PathVariable String number, StaffMember me, Model model, Locale locale) {
        return applicationPage(number, me, null, null, model, locale);
    }

    /** A handler shows the applicant's ID number and phone in full: a read recorded with its purpose, answered with the page. */
    @PostMapping("/office/applications/{number}/applicant")
    String applicantInFull(@PathVariable String number, StaffMember me, Model model, Locale locale) {
        ApplicationView application = casework.follow(number, me.username(), Optional.of(me));
        model.addAttribute("applicant", applicants.showInFull(application, me, locale));
        return applicationPage(number, me, null, null, model, locale);
    }

    /** The steps of the office, each one form posting here. */
    @PostMapping("/office/applications/{number}/{action}")
    String act(@PathVariable String number, @PathVariable String action, @RequestParam(required = false) String lines,
               StaffMember me, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
               RedirectAttributes flash) {
        casework.follow(number, me.username(), Optional.of(me)); // 404 outside the staff member's region
        List<String> given = FormQuestions.lines(lines);
        try {
            switch (action) {
                case "accept" -> office.accept(number, me);
                case "return" -> office.returnForCorrection(number, me, given);
                case "refuse" -> office.refuseToAccept(number, me, given);
                case "review" -> office.startReview(number, me);
                case "approve" -> office.decide(number, me, true, given);
                case "deny" -> office.decide(number, me, false, given);
                case "agree" -> office.giveOpinion(number, me, true, given);
                case "disagree" -> office.giveOpinion(number, me, false, given);
                case "deliver" -> office.deliver(number, me);
                case "close" -> office.close(number, me);
                default -> throw new NotFoundException("action", action);
            }
        } catch (RuleViolationException broken) {
            response.setStatus(422);
            String text = String.join(" ", FormQuestions.errors(broken, messages, locale).values());
            return applicationPage(number, me, action, new Problem(action, text, lines), model, locale);
        } catch (ConflictException conflict) {
            response.setStatus(409);
            return applicationPage(number, me, action, new Problem(action, FormQuestions.message(conflict, messages, locale), lines), model,
                    locale);
        } catch (AccessDeniedException denied) {
            response.setStatus(403);
            return applicationPage(number, me, action, new Problem(action, messages.getMessage("office.denied", null, locale), lines), model,
                    locale);
        }
        flash.addFlashAttribute("notice", messages.getMessage("office.done." + action, null, locale));
        return PlainWords.seeOther(request, "/office/applications/" + number);
    }

    /** What went wrong with a step, shown next to its form, with what was typed. */
    record Problem(String action, String message, String lines) {
    }

    /** A step the member of staff may take now, and whether it needs a list of reasons. */
    record Action(String name, boolean needsLines, boolean primary) {
    }

    /** The steps offered, and why a decision is not (the message key, or null when nothing is withheld). */
    record Offered(List<Action> actions, String withheld) {
    }

    private String applicationPage(String number, StaffMember me, String failedAction, Problem problem, Model model, Locale locale) {
        ApplicationView application = casework.follow(number, me.username(), Optional.of(me));
        Optional<ServiceItem> item = catalog.publishedItem(application.itemCode());
        List<FormField> fields = item.map(i -> i.standard().form()).orElse(List.of());
        Map<String, String> answers = new LinkedHashMap<>();
        for (FormField field : fields) {
            Object answer = application.form().get(field.name());
            answers.put(field.label().in(locale), answerText(field, answer, locale));
        }
        application.form().forEach((name, answer) -> {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                answers.put(name, String.valueOf(answer));
            }
        });
        boolean responsible = item.map(i -> me.worksIn(i.standard().department())).orElse(false);
        model.addAttribute("app", application);
        if (!model.containsAttribute("applicant")) {
            model.addAttribute("applicant", applicants.masked(application, me, locale));
        }
        model.addAttribute("itemName", application.itemName() == null ? application.itemCode() : application.itemName().in(locale));
        model.addAttribute("answers", answers);
        model.addAttribute("timeline", MaterialNames.inTimeline(PlainWords.timeline(application, me.username(), messages, locale), item,
                locale));
        model.addAttribute("handedIn", MaterialNames.handedIn(application, item, locale));
        Offered offered = actions(application, me, responsible);
        model.addAttribute("actions", offered.actions());
        model.addAttribute("withheld", offered.withheld());
        model.addAttribute("problem", problem);
        model.addAttribute("region", tree.region(application.regionCode()).map(r -> r.name(locale)).orElse(application.regionCode()));
        // a task this member of staff holds can be handed to a colleague in the same role and department
        processes.openTasks(number).stream().flatMap(open -> open.tasks().stream()).filter(t -> me.username().equals(t.assignee()))
                .findFirst().ifPresent(held -> {
                    model.addAttribute("heldTask", held);
                    model.addAttribute("colleagues", colleagues(me, held));
                });
        return "casework/office-application";
    }

    /**
     * The steps this member of staff may take now. While the process runs, its open tasks say
     * what is due: an opinion (first review, or another department's countersignature) before
     * the decision; delivery and closure follow the process.
     */
    private Offered actions(ApplicationView application, StaffMember me, boolean responsible) {
        boolean accepts = me.has(Role.CLERK) || me.has(Role.HANDLER);
        boolean decides = me.has(Role.HANDLER) && responsible;
        Optional<OpenTasks> openTasks = processes.openTasks(application.number());
        boolean runsOnProcess = openTasks.isPresent();
        List<OfficeTask> open = openTasks.map(OpenTasks::tasks).orElse(List.of());
        java.util.Set<String> myGroups = OfficeTasks.groupsOf(me);
        boolean reviewOpen = open.stream().anyMatch(t -> t.kind() == TaskKind.REVIEW);
        boolean decisionOpen = !runsOnProcess || open.stream().anyMatch(t -> t.kind() == TaskKind.DECISION);
        boolean mayCountersign = me.has(Role.HANDLER) && open.stream().anyMatch(t -> t.kind() == TaskKind.COUNTERSIGN
                && tasks.isCandidate(t.id(), myGroups));
        List<Action> actions = new ArrayList<>();
        String withheld = null;
        switch (application.state()) {
            case SUBMITTED -> {
                if (accepts) {
                    actions.add(new Action("accept", false, true));
                    actions.add(new Action("return", true, false));
                    actions.add(new Action("refuse", true, false));
                }
            }
            case ACCEPTED, UNDER_REVIEW -> {
                if (decides && application.state() == ApplicationState.ACCEPTED) {
                    actions.add(new Action("review", false, true));
                }
                if ((decides && reviewOpen && application.state() == ApplicationState.UNDER_REVIEW) || mayCountersign) {
                    actions.add(new Action("agree", true, true));
                    actions.add(new Action("disagree", true, false));
                }
                if (decides && decisionOpen && !reviewOpen && application.state() == ApplicationState.UNDER_REVIEW) {
                    // four eyes: the buttons offered are the decisions this person may take
                    OfficeWork.Decisions may = office.decisions(application.number(), me);
                    if (may.approve()) {
                        actions.add(new Action("approve", true, true));
                    }
                    if (may.deny()) {
                        actions.add(new Action("deny", true, false));
                    }
                    withheld = may.approve() && may.deny() ? null : may.approve() ? "office.four-eyes.deny" : "office.four-eyes.both";
                }
                if (accepts) {
                    actions.add(new Action("return", true, false));
                }
            }
            case APPROVED, DENIED -> {
                if (decides) {
                    actions.add(new Action("deliver", false, true));
                }
            }
            case DELIVERED -> {
                if (decides) {
                    actions.add(new Action("close", false, true));
                }
            }
            default -> {
            }
        }
        return new Offered(actions, withheld);
    }

    private String answerText(FormField field, Object answer, Locale locale) {
        if (answer == null) {
            return "";
        }
        return switch (field.type()) {
            case BOOLEAN -> messages.getMessage(Boolean.TRUE.equals(answer) ? "form.answer.yes" : "form.answer.no", null, locale);
            case CHOICE -> messages.getMessage("form.option." + answer, null, String.valueOf(answer), locale);
            default -> answer instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(answer);
        };
    }
}
