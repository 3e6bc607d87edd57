package org.onewindow.casework.office;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.model.ApplicationForm;
import org.onewindow.casework.pages.FormQuestions;
import org.onewindow.casework.pages.PlainWords;
import org.onewindow.casework.tracking.TrackingCodes;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.FormField;
import org.onewindow.catalog.Material;
import org.onewindow.catalog.SearchQuery;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.PersonDirectory;
import org.onewindow.identity.Region;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.InvalidIdentifierException;
import org.onewindow.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One-window acceptance: the form a clerk fills in for the person in front of them, for an item of
 * any department, then a confirm step that shows whom the application will belong to.
 */
@Controller
class WindowPage {

    private static final List<String> WINDOW_FIELDS = List.of("itemCode", "idNumber", "name", "phone", "regionCode");
    private static final int SEARCH_RESULTS = 10;
    /** The checkboxes of the materials taken on paper: {@code received.<material code>}. */
    private static final String RECEIVED = "received.";

    private final CaseworkService casework;
    private final CatalogService catalog;
    private final OrganizationTree tree;
    private final PersonDirectory people;
    private final MessageSource messages;
    private final TrackingCodes tracking;

    WindowPage(CaseworkService casework, CatalogService catalog, OrganizationTree tree, PersonDirectory people, MessageSource messages,
               TrackingCodes tracking) {
        this.tracking = tracking;
        this.people = people;
        this.casework = casework;
        this.catalog = catalog;
        this.tree = tree;
        this.messages = messages;
    }


    /** The service is found by the words the person uses for it (or its code), not picked from a list of every item. */
    @GetMapping("/office/window")
    String windowForm(@RequestParam(required = false) String item, @RequestParam(required = false) String q, StaffMember me, Model model,
                      Locale locale) {
        Map<String, String> person = new LinkedHashMap<>();
        person.put("regionCode", me.region().code());
        model.addAttribute("q", q == null ? "" : q.strip());
        if (q != null && !q.isBlank()) {
            model.addAttribute("found", catalog.search(new SearchQuery(q.strip(), null, null, null, null, 0, SEARCH_RESULTS)).items());
        }
        return windowPage(me, item, person, Map.of(), Map.of(), UUID.randomUUID().toString(), model, locale);
    }

    @PostMapping("/office/window")
    String fileAtWindow(@RequestParam Map<String, String> parameters, StaffMember me, Model model, Locale locale,
                        HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        String itemCode = parameters.getOrDefault("itemCode", "");
        Optional<ServiceItem> item = catalog.publishedItem(itemCode);
        Map<String, String> person = new LinkedHashMap<>();
        WINDOW_FIELDS.forEach(f -> person.put(f, parameters.getOrDefault(f, "").strip()));
        String key = FormQuestions.idempotencyKey(parameters.get("idempotencyKey"));
        if (item.isEmpty()) {
            return windowPage(me, itemCode, person, Map.of(), Map.of("itemCode", messages.getMessage("window.item.required", null, locale)),
                    key, model, locale);
        }
        List<FormField> fields = item.get().standard().form();
        Map<String, Object> answers = FormQuestions.answers(fields, parameters);
        model.addAttribute("received", received(item.get(), parameters));
        Map<String, String> errors = new LinkedHashMap<>();
        ResidentIdNumber idNumber = null;
        MobilePhoneNumber phone = null;
        try {
            idNumber = ResidentIdNumber.parse(person.get("idNumber"));
        } catch (InvalidIdentifierException invalid) {
            errors.put("idNumber", FormQuestions.message(invalid, messages, locale));
        }
        if (person.get("name").isEmpty()) {
            errors.put("name", messages.getMessage("window.name.required", null, locale));
        } else if (person.get("name").length() > 100) {
            errors.put("name", messages.getMessage("window.name.too-long", null, locale));
        }
        if (!person.get("phone").isEmpty()) {
            try {
                phone = MobilePhoneNumber.parse(person.get("phone"));
            } catch (InvalidIdentifierException invalid) {
                errors.put("phone", FormQuestions.message(invalid, messages, locale));
            }
        }
        if (errors.isEmpty() && parameters.containsKey("edit")) {
            return windowPage(me, itemCode, person, answers, errors, key, model, locale);
        }
        if (errors.isEmpty() && !"true".equals(parameters.get("confirmed"))) {
            try {
                return confirmPage(me, item.get(), idNumber, person, answers, parameters, model, locale);
            } catch (RuleViolationException broken) {
                errors.putAll(personErrors(broken, locale));
            }
        }
        if (errors.isEmpty()) {
            try {
                var submission = casework.submitAtWindow(me, idNumber, person.get("name"), phone, itemCode, person.get("regionCode"), answers,
                        key);
                String number = submission.application().number();
                flash.addFlashAttribute(WindowReceipt.ISSUED_CODE, tracking.issue(number, received(item.get(), parameters), me.username()));
                return PlainWords.seeOther(request, "/office/applications/" + number + "/receipt");
            } catch (RuleViolationException broken) {
                errors.putAll(personErrors(broken, locale));
            } catch (AccessDeniedException denied) {
                errors.put("regionCode", messages.getMessage("window.region.denied", null, locale));
            }
        }
        response.setStatus(422);
        return windowPage(me, itemCode, person, answers, errors, key, model, locale);
    }

    /**
     * Before anything is filed, the clerk sees whom the application will belong to (masked) and
     * confirms it with the person; a name that is not the one on record for the number stops here.
     */
    private String confirmPage(StaffMember me, ServiceItem item, ResidentIdNumber idNumber, Map<String, String> person,
                               Map<String, Object> answers, Map<String, String> parameters, Model model, Locale locale) {
        List<RuleViolationException.Violation> broken = ApplicationForm.check(item.standard().form(), answers);
        if (!broken.isEmpty()) {
            throw new RuleViolationException(broken);
        }
        var owner = people.whoIsAtWindow(idNumber, person.get("name"), me);
        Map<String, String> carried = new LinkedHashMap<>(parameters);
        carried.keySet().removeIf(name -> name.equals("_csrf") || name.equals("confirmed") || name.equals("edit"));
        model.addAttribute("item", item);
        model.addAttribute("owner", owner);
        model.addAttribute("region", tree.region(person.get("regionCode")).map(r -> r.name(locale)).orElse(person.get("regionCode")));
        model.addAttribute("carried", carried);
        return "casework/window-confirm";
    }

    /** The materials the clerk ticked as taken on paper, of those the item asks for. */
    private static List<String> received(ServiceItem item, Map<String, String> parameters) {
        return item.standard().materials().stream().map(Material::code)
                .filter(code -> "true".equals(parameters.get(RECEIVED + code))).toList();
    }

    /** The person's fields are named as the API names them ({@code applicant.name}); the page's inputs are {@code name}. */
    private Map<String, String> personErrors(RuleViolationException broken, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormQuestions.errors(broken, messages, locale).forEach((field, message) ->
                errors.put(field.startsWith("applicant.") ? field.substring("applicant.".length()) : field, message));
        return errors;
    }

    private String windowPage(StaffMember me, String itemCode, Map<String, String> person, Map<String, ?> answers,
                              Map<String, String> errors, String key, Model model, Locale locale) {
        Optional<ServiceItem> item = itemCode == null ? Optional.empty() : catalog.publishedItem(itemCode);
        var questions = item.map(i -> FormQuestions.questions(i.standard().form(), answers, errors, messages, locale)).orElse(List.of());
        List<String> errorFields = new ArrayList<>(WINDOW_FIELDS);
        questions.forEach(q -> errorFields.add(q.id()));
        model.addAttribute("item", item.orElse(null));
        model.addAttribute("itemCode", item.map(ServiceItem::code).orElse(""));
        model.addAttribute("person", person);
        model.addAttribute("questions", questions);
        Map<String, String> labels = new LinkedHashMap<>();
        WINDOW_FIELDS.forEach(f -> labels.put(f, messages.getMessage(f.equals("itemCode") ? "window.item"
                : f.equals("regionCode") ? "apply.region" : "window." + f, null, locale)));
        model.addAttribute("errors", errors);
        model.addAttribute("summary", FormQuestions.summary(errors, questions, labels, messages, locale));
        model.addAttribute("errorFields", errorFields);
        model.addAttribute("regions", windowRegions(me, locale));
        model.addAttribute("idempotencyKey", key);
        return "casework/window";
    }

    /** The regions whose windows the clerk serves: their own county, or the counties below a city or province. */
    private Map<String, String> windowRegions(StaffMember me, Locale locale) {
        Map<String, String> regions = new LinkedHashMap<>();
        List<Region> counties = tree.subtree(me.region().code()).stream().filter(r -> r.level() == AdministrativeLevel.COUNTY).toList();
        (counties.isEmpty() ? List.of(me.region()) : counties).forEach(r -> regions.put(r.code(), r.name(locale)));
        return regions;
    }
}
