package org.onewindow.casework.application;

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
import org.onewindow.casework.BundleApplicationView;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.pages.FormQuestions;
import org.onewindow.casework.pages.PlainWords;
import org.onewindow.catalog.BundleGuide;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.shared.IdempotencyKeyReusedException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A whole life event on the pages: one form for all of its items (each question and each
 * document asked once), sent once, then one page that follows every application it became.
 */
@Controller
class BundlePages {

    private final CaseworkService casework;
    private final CatalogService catalog;
    private final Submissions submissions;
    private final OrganizationTree tree;
    private final StaffDirectory staff;
    private final MessageSource messages;

    BundlePages(CaseworkService casework, CatalogService catalog, Submissions submissions, OrganizationTree tree, StaffDirectory staff,
                MessageSource messages) {
        this.casework = casework;
        this.catalog = catalog;
        this.submissions = submissions;
        this.tree = tree;
        this.staff = staff;
        this.messages = messages;
    }

    /** An item of the life event the applicant may not apply for, said before the form is filled in. */
    record Refusal(String itemName, String reason) {
    }

    /** One application of the life event, as the page that follows them all shows it. */
    record Followed(String number, String itemName, String state, String nextStep, String dueOn, boolean yourTurn) {
    }

    @GetMapping("/bundles/{code}/apply")
    String form(@PathVariable String code, Authentication who, Model model, Locale locale) {
        BundleGuide guide = catalog.bundleGuide(code);
        return formPage(guide, Map.of(), Map.of(), ApplyPages.DEFAULT_REGION, UUID.randomUUID().toString(), null,
                who.getName(), model, locale);
    }

    @PostMapping("/bundles/{code}/apply")
    String apply(@PathVariable String code, @RequestParam Map<String, String> parameters, Authentication who, Model model, Locale locale,
                 HttpServletRequest request, HttpServletResponse response) {
        BundleGuide guide = catalog.bundleGuide(code);
        BundleForm form = BundleForm.of(guide.items());
        String key = FormQuestions.idempotencyKey(parameters.get("idempotencyKey"));
        String region = parameters.getOrDefault("regionCode", "");
        try {
            BundleApplicationView bundle = casework.submitBundle(who.getName(), code, region,
                    form.answersPerItem(guide.items(), parameters), key);
            return PlainWords.seeOther(request, "/applications/bundles/" + bundle.number());
        } catch (RuleViolationException broken) {
            response.setStatus(422);
            return formPage(guide, form.answersOnPage(parameters), errors(broken, form, locale), region, key, null, who.getName(), model,
                    locale);
        } catch (IdempotencyKeyReusedException changedAfterSending) {
            // the form was sent before and then changed (back button): a new key, so that sending it again is a new, deliberate request
            response.setStatus(409);
            return formPage(guide, form.answersOnPage(parameters), Map.of(), region, UUID.randomUUID().toString(),
                    messages.getMessage("bundleApply.sent-before", null, locale), who.getName(), model, locale);
        }
    }

    @GetMapping("/applications/bundles/{number}")
    String follow(@PathVariable String number, Authentication who, Model model, Locale locale) {
        BundleApplicationView bundle = casework.followBundle(number, who.getName(), staff.staff(who.getName()));
        model.addAttribute("bundle", bundle);
        model.addAttribute("bundleName", bundle.name() == null ? bundle.bundleCode() : bundle.name().in(locale));
        model.addAttribute("applications", bundle.applications().stream().map(a -> followed(a, locale)).toList());
        model.addAttribute("yourTurn", bundle.applications().stream().filter(a -> a.state() == ApplicationState.RETURNED_FOR_CORRECTION).count());
        return "casework/bundle-status";
    }

    private Followed followed(ApplicationView application, Locale locale) {
        String state = application.state().name();
        String itemName = application.itemName() == null ? application.itemCode() : application.itemName().in(locale);
        return new Followed(application.number(), itemName, messages.getMessage("application.state." + state, null, locale),
                messages.getMessage("bundleStatus.next." + state, null, locale),
                application.dueOn() == null ? null : application.dueOn().toString(),
                application.state() == ApplicationState.RETURNED_FOR_CORRECTION);
    }

    private String formPage(BundleGuide guide, Map<String, ?> answers, Map<String, String> errors, String region, String key, String problem,
                            String applicant, Model model, Locale locale) {
        BundleForm form = BundleForm.of(guide.items());
        var questions = FormQuestions.questions(form.fields(), answers, errors, messages, locale);
        model.addAttribute("guide", guide);
        model.addAttribute("bundleName", guide.bundle().name().in(locale));
        model.addAttribute("refusals", refusals(guide.items(), applicant, locale));
        model.addAttribute("questions", questions);
        model.addAttribute("sharedQuestions", form.askedByItems() - form.fields().size());
        List<String> windowOnly = guide.items().stream().filter(i -> !ApplyPages.appliesOnline(i))
                .map(i -> i.standard().name().in(locale)).toList();
        model.addAttribute("windowOnly", windowOnly.isEmpty() ? null
                : String.join(messages.getMessage("common.separator", null, locale), windowOnly));
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("summary", FormQuestions.summary(errors, questions,
                Map.of("regionCode", messages.getMessage("apply.region", null, locale)), messages, locale));
        model.addAttribute("errorFields", java.util.stream.Stream.concat(questions.stream().map(FormQuestions.Question::id),
                java.util.stream.Stream.of("regionCode", "items")).toList());
        model.addAttribute("regions", regions(locale));
        model.addAttribute("regionCode", region);
        model.addAttribute("idempotencyKey", key);
        return "casework/bundle-apply";
    }

    /** An enterprise's items are not a citizen's to apply for (and the reverse): the whole life event waits for the right account. */
    private List<Refusal> refusals(List<ServiceItem> items, String applicant, Locale locale) {
        var applicantIs = submissions.audienceOf(applicant);
        return items.stream().flatMap(item -> Submissions.audienceRefusal(item, applicantIs).stream()
                        .map(v -> new Refusal(item.standard().name().in(locale), messages.getMessage(v.messageKey(), v.args(), locale))))
                .toList();
    }

    /** Each broken rule in plain words, at the question it is about; what no question is about goes to the top of the form. */
    private Map<String, String> errors(RuleViolationException broken, BundleForm form, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : broken.violations()) {
            String message = messages.getMessage(v.messageKey(), v.args(), v.rule(), locale);
            String input = Optional.ofNullable(form.inputOf(v)).orElse("regionCode".equals(v.field()) ? "regionCode" : "items");
            errors.merge(input, message, (first, next) -> first.contains(next) ? first : first + " " + next);
        }
        return errors;
    }

    private Map<String, String> regions(Locale locale) {
        Map<String, String> regions = new LinkedHashMap<>();
        tree.regions(AdministrativeLevel.COUNTY).forEach(r -> regions.put(r.code(), r.name(locale)));
        return regions;
    }
}
