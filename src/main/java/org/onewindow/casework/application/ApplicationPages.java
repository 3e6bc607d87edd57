package org.onewindow.casework.application;

import org.onewindow.casework.pages.MaterialNames;
import org.onewindow.casework.pages.PlainWords;
import org.onewindow.casework.pages.FormQuestions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.ratings.ServiceRatings;
import org.onewindow.casework.notifications.Inbox;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.Channel;
import org.onewindow.catalog.FormField;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.upload.CheckedFile;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's pages after applying (applying itself is {@link ApplyPages}): see one's
 * applications, follow one in plain words, hand in documents, answer a correction, withdraw, and
 * rate the service once it is closed.
 */
@Controller
class ApplicationPages {

    private static final int INBOX_SHOWN = 20;

    private final CaseworkService casework;
    private final MyApplications mine;
    private final CatalogService catalog;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final ServiceRatings ratings;
    private final Inbox inbox;
    private final HandedInDocuments handedIn;

    ApplicationPages(CaseworkService casework, MyApplications mine, CatalogService catalog, StaffDirectory staff, MessageSource messages,
                     ServiceRatings ratings, Inbox inbox, HandedInDocuments handedIn) {
        this.handedIn = handedIn;
        this.ratings = ratings;
        this.inbox = inbox;
        this.casework = casework;
        this.mine = mine;
        this.catalog = catalog;
        this.staff = staff;
        this.messages = messages;
    }


    /** A message of the inbox as the page shows it: in words, with the page to open. */
    record Message(String applicationNumber, String text, String link, String at, boolean read) {
    }

    @GetMapping("/applications")
    String myApplications(Authentication who, Model model, Locale locale) {
        var applications = mine.of(who.getName());
        Map<String, String> submitted = new LinkedHashMap<>();
        applications.forEach(a -> submitted.put(a.number(), PlainWords.time(a.submittedAt())));
        model.addAttribute("applications", applications);
        model.addAttribute("submitted", submitted);
        model.addAttribute("messages", inbox.of(who.getName(), INBOX_SHOWN, locale).stream()
                .map(m -> new Message(m.applicationNumber(), m.text(), m.link(), PlainWords.time(m.at()), m.read())).toList());
        return "casework/applications";
    }

    @GetMapping("/applications/{number}")
    String status(@PathVariable String number, Authentication who, Model model, Locale locale) {
        return statusPage(number, who.getName(), null, Map.of(), null, model, locale);
    }

    @PostMapping("/applications/{number}/correction")
    String answerCorrection(@PathVariable String number, @RequestParam Map<String, String> parameters, Authentication who, Model model,
                            Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        ApplicationView application = casework.follow(number, who.getName(), staffOf(who));
        ServiceItem item = catalog.requirePublishedItem(application.itemCode());
        Map<String, Object> answers = FormQuestions.answers(item.standard().form(), parameters);
        try {
            casework.answerCorrection(number, who.getName(), answers, handedIn.receivedWith(request, item, answers));
        } catch (RuleViolationException broken) {
            response.setStatus(422);
            return statusPage(number, who.getName(), answers, errors(broken, locale), null, model, locale);
        } catch (ConflictException conflict) {
            response.setStatus(409);
            return statusPage(number, who.getName(), answers, Map.of(), FormQuestions.message(conflict, messages, locale), model, locale);
        }
        flash.addFlashAttribute("notice", messages.getMessage("status.correction.done", null, locale));
        return PlainWords.seeOther(request, "/applications/" + number);
    }

    /** Documents handed in while the application waits for acceptance. */
    @PostMapping("/applications/{number}/materials")
    String handIn(@PathVariable String number, Authentication who, Model model, Locale locale, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes flash) {
        ApplicationView application = casework.follow(number, who.getName(), staffOf(who));
        ServiceItem item = catalog.requirePublishedItem(application.itemCode());
        try {
            Map<String, CheckedFile> documents = handedIn.received(request, item);
            if (documents.isEmpty()) {
                throw new RuleViolationException(Violation.of(handedIn.ids(item).getFirst(), "material.none-chosen"));
            }
            casework.uploadMaterials(number, who.getName(), documents);
        } catch (RuleViolationException broken) {
            response.setStatus(422);
            return statusPage(number, who.getName(), null, errors(broken, locale), null, model, locale);
        } catch (ConflictException conflict) {
            response.setStatus(409);
            return statusPage(number, who.getName(), null, Map.of(), FormQuestions.message(conflict, messages, locale), model, locale);
        }
        flash.addFlashAttribute("notice", messages.getMessage("status.documents.done", null, locale));
        return PlainWords.seeOther(request, "/applications/" + number);
    }

    @PostMapping("/applications/{number}/withdrawal")
    String withdraw(@PathVariable String number, @RequestParam(required = false) String confirm, Authentication who, Model model,
                    Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        casework.follow(number, who.getName(), staffOf(who));
        if (!"yes".equals(confirm)) {
            response.setStatus(422);
            return statusPage(number, who.getName(), null, Map.of("withdraw-confirm", messages.getMessage("status.withdraw.confirm.required",
                    null, locale)), null, model, locale);
        }
        try {
            casework.withdraw(number, who.getName());
        } catch (ConflictException conflict) {
            response.setStatus(409);
            return statusPage(number, who.getName(), null, Map.of(), FormQuestions.message(conflict, messages, locale), model, locale);
        }
        flash.addFlashAttribute("notice", messages.getMessage("status.withdraw.done", null, locale));
        return PlainWords.seeOther(request, "/applications/" + number);
    }

    @PostMapping("/applications/{number}/rating")
    String rate(@PathVariable String number, @RequestParam(required = false) String score, @RequestParam(required = false) String reasons,
                Authentication who, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
                RedirectAttributes flash) {
        casework.follow(number, who.getName(), staffOf(who));
        int stars = score != null && score.matches("[1-5]") ? Integer.parseInt(score) : 0;
        try {
            ratings.rate(number, who.getName(), stars, FormQuestions.lines(reasons));
        } catch (RuleViolationException broken) {
            response.setStatus(422);
            // what was chosen and typed stays on the page; each broken rule is said at its own field
            model.addAttribute("ratingScore", stars);
            model.addAttribute("ratingReasons", reasons == null ? "" : reasons);
            Map<String, String> errors = new LinkedHashMap<>();
            broken.violations().forEach(v -> {
                if ("reasons".equals(v.field())) {
                    errors.put("reasons", messages.getMessage(v.messageKey(), v.args(), v.rule(), locale));
                } else {
                    errors.put("score-1", messages.getMessage("status.rating.score.required", null, locale));
                }
            });
            return statusPage(number, who.getName(), null, errors, null, model, locale);
        } catch (ConflictException conflict) {
            response.setStatus(409);
            return statusPage(number, who.getName(), null, Map.of(), FormQuestions.message(conflict, messages, locale), model, locale);
        }
        flash.addFlashAttribute("notice", messages.getMessage("status.rating.done", null, locale));
        return PlainWords.seeOther(request, "/applications/" + number);
    }

    private String statusPage(String number, String viewer, Map<String, ?> correction, Map<String, String> errors, String problem,
                              Model model, Locale locale) {
        Optional<StaffMember> member = staff.staff(viewer);
        ApplicationView application = casework.follow(number, viewer, member);
        boolean own = viewer.equals(application.applicant()) || viewer.equals(application.submittedBy());
        ApplicationState state = application.state();
        Optional<ServiceItem> item = catalog.publishedItem(application.itemCode());
        List<FormField> fields = item.map(i -> i.standard().form()).orElse(List.of());
        Map<String, String> labels = item.map(i -> handedIn.labels(i, locale)).orElse(Map.of());
        String itemName = application.itemName() == null ? application.itemCode() : application.itemName().in(locale);
        model.addAttribute("app", application);
        model.addAttribute("itemName", itemName);
        if (application.automaticDecision() != null) {
            model.addAttribute("rulesIntro", RulesInPlainWords.introduction(application.automaticDecision(),
                    item.map(i -> i.standard().legalBasis()).orElse(null), itemName, messages, locale));
        }
        model.addAttribute("timeline", MaterialNames.inTimeline(PlainWords.timeline(application, viewer, messages, locale), item, locale));
        model.addAttribute("handedIn", MaterialNames.handedIn(application, item, locale));
        model.addAttribute("own", own);
        model.addAttribute("staffViewer", member.filter(m -> m.has(Role.CLERK) || m.has(Role.HANDLER)).isPresent());
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (state == ApplicationState.RETURNED_FOR_CORRECTION) {
            model.addAttribute("missing", PlainWords.latestReasons(application, "returned-for-correction", locale));
            var questions = FormQuestions.questions(fields, correction != null ? correction : application.form(), errors, messages, locale);
            model.addAttribute("questions", questions);
            model.addAttribute("summary", FormQuestions.summary(errors, questions, labels, messages, locale));
            model.addAttribute("errorFields", java.util.stream.Stream.concat(questions.stream().map(FormQuestions.Question::id),
                    labels.keySet().stream()).toList());
        } else {
            model.addAttribute("summary", FormQuestions.summary(errors, List.of(), labels, messages, locale));
            model.addAttribute("errorFields", java.util.stream.Stream.concat(labels.keySet().stream(),
                    java.util.stream.Stream.of("withdraw-confirm", "score-1", "reasons")).toList());
        }
        // documents can be handed in until the office accepts the application, and with the answer to a correction
        boolean documentsOpen = own && (state == ApplicationState.SUBMITTED || state == ApplicationState.RETURNED_FOR_CORRECTION);
        item.filter(i -> documentsOpen && !i.standard().materialsToBring().isEmpty()).ifPresent(i -> {
            model.addAttribute("documents", handedIn.fields(i, errors, locale));
            model.addAttribute("documentLimits", handedIn.limits());
        });
        if (state == ApplicationState.APPROVED || state == ApplicationState.DENIED || state == ApplicationState.DELIVERED
                || state == ApplicationState.CLOSED) {
            var decision = PlainWords.latest(application, "approved", "denied");
            decision.ifPresent(d -> model.addAttribute("decision", d.step()));
            decision.ifPresent(d -> model.addAttribute("decisionReasons", PlainWords.inReadersLanguage(d, locale)));
        }
        if (state == ApplicationState.NOT_ACCEPTED) {
            model.addAttribute("refusalReasons", PlainWords.latestReasons(application, "not-accepted", locale));
        }
        // staff who filed at a window answer corrections for the person; withdrawing and rating are the person's own
        model.addAttribute("canWithdraw", own && member.isEmpty() && state.next().contains(ApplicationState.WITHDRAWN));
        if (state == ApplicationState.CLOSED) {
            var rating = ratings.rating(number, viewer, member);
            model.addAttribute("rating", rating.orElse(null));
            model.addAttribute("canRate", own && member.isEmpty() && rating.isEmpty());
        }
        return "casework/status";
    }

    private Optional<StaffMember> staffOf(Authentication who) {
        return staff.staff(who.getName());
    }

    private Map<String, String> errors(RuleViolationException broken, Locale locale) {
        return HandedInDocuments.onThePage(FormQuestions.errors(broken, messages, locale));
    }
}
