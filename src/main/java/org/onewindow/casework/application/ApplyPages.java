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
 * Applying online from an item's form: the questions, the documents, the conditions said before
 * the form is filled in, and answers kept when the session ended in the middle.
 */
@Controller
class ApplyPages {

    static final String DEFAULT_REGION = "330106";

    private final CaseworkService casework;
    private final CatalogService catalog;
    private final OrganizationTree tree;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final Submissions submissions;
    private final BeforeApplying beforeApplying;
    private final UnsentAnswers unsent;
    private final HandedInDocuments handedIn;

    ApplyPages(CaseworkService casework, CatalogService catalog, OrganizationTree tree, StaffDirectory staff, MessageSource messages,
               Submissions submissions, BeforeApplying beforeApplying, UnsentAnswers unsent, HandedInDocuments handedIn) {
        this.casework = casework;
        this.catalog = catalog;
        this.tree = tree;
        this.staff = staff;
        this.messages = messages;
        this.submissions = submissions;
        this.beforeApplying = beforeApplying;
        this.unsent = unsent;
        this.handedIn = handedIn;
    }

    @GetMapping("/items/{code}/apply")
    String applyForm(@PathVariable String code, Authentication who, Model model, Locale locale, HttpServletRequest request,
                     HttpServletResponse response) {
        ServiceItem item = catalog.requirePublishedItem(code);
        // answers sent after the session had ended come back once the person who filled them in has signed in again
        Optional<UnsentAnswers.Kept> kept = unsent.takeBack(request, response, item.code(), who.getName());
        model.addAttribute("restored", kept.isPresent());
        String region = kept.map(k -> k.inputs().get(UnsentAnswers.REGION))
                .orElseGet(() -> staff.staff(who.getName()).map(s -> s.region().code()).orElse(DEFAULT_REGION));
        // said before the form is filled in, not after: an item for enterprises only is not a citizen's (and the reverse)
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        Submissions.audienceRefusal(item, submissions.audienceOf(who.getName()))
                .ifPresent(v -> refused.put(v.field(), messages.getMessage(v.messageKey(), v.args(), locale)));
        return applyPage(item, who.getName(), kept.map(k -> FormQuestions.answers(item.standard().form(), k.inputs())).orElse(Map.of()),
                refused, region, kept.map(UnsentAnswers.Kept::idempotencyKey).orElseGet(() -> UUID.randomUUID().toString()), model, locale);
    }

    @PostMapping("/items/{code}/apply")
    String apply(@PathVariable String code, @RequestParam Map<String, String> parameters, Authentication who, Model model, Locale locale,
                 HttpServletRequest request, HttpServletResponse response) {
        ServiceItem item = catalog.requirePublishedItem(code);
        if (!appliesOnline(item)) {
            return PlainWords.seeOther(request, "/items/" + item.code() + "/apply");
        }
        String key = FormQuestions.idempotencyKey(parameters.get("idempotencyKey"));
        String region = parameters.getOrDefault("regionCode", "");
        Map<String, Object> answers = FormQuestions.answers(item.standard().form(), parameters);
        try {
            var documents = handedIn.receivedWith(request, item, answers);
            var submission = casework.submitOnline(who.getName(), item.code(), region, answers, documents, key);
            return PlainWords.seeOther(request, "/applications/" + submission.application().number());
        } catch (RuleViolationException broken) {
            response.setStatus(422);
            return applyPage(item, who.getName(), answers, errors(broken, locale), region, key, model, locale);
        }
    }

    private Map<String, String> errors(RuleViolationException broken, Locale locale) {
        return HandedInDocuments.onThePage(FormQuestions.errors(broken, messages, locale));
    }

    private String applyPage(ServiceItem item, String applicant, Map<String, ?> answers, Map<String, String> errors, String region,
                             String key, Model model, Locale locale) {
        List<FormField> fields = item.standard().form();
        var questions = FormQuestions.questions(fields, answers, errors, messages, locale);
        model.addAttribute("item", item);
        model.addAttribute("itemName", item.standard().name().in(locale));
        model.addAttribute("online", appliesOnline(item));
        var eligibility = beforeApplying.eligibility(item, applicant, locale);
        model.addAttribute("eligibility", eligibility);
        model.addAttribute("eligible", eligibility.stream().noneMatch(BeforeApplying.Note::firm));
        model.addAttribute("decisionNeeds", beforeApplying.neededForInstantDecision(item));
        model.addAttribute("questions", questions);
        model.addAttribute("errors", errors);
        Map<String, String> labels = new LinkedHashMap<>(handedIn.labels(item, locale));
        labels.put("regionCode", messages.getMessage("apply.region", null, locale));
        model.addAttribute("summary", FormQuestions.summary(errors, questions, labels, messages, locale));
        model.addAttribute("errorFields", java.util.stream.Stream.of(questions.stream().map(FormQuestions.Question::id),
                handedIn.ids(item).stream(), java.util.stream.Stream.of("regionCode", "itemCode")).flatMap(s -> s).toList());
        model.addAttribute("documents", handedIn.fields(item, errors, locale));
        model.addAttribute("documentLimits", handedIn.limits());
        model.addAttribute("regions", regions(locale));
        model.addAttribute("regionCode", region);
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("owner", unsent.ownerProof(applicant, key));
        return "casework/apply";
    }

    static boolean appliesOnline(ServiceItem item) {
        return item.standard().channels().contains(Channel.ONLINE);
    }

    private Map<String, String> regions(Locale locale) {
        Map<String, String> regions = new LinkedHashMap<>();
        tree.regions(AdministrativeLevel.COUNTY).forEach(r -> regions.put(r.code(), r.name(locale)));
        return regions;
    }

}
