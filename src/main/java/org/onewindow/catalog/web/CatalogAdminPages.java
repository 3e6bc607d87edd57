package org.onewindow.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.LifeEventBundle;
import org.onewindow.catalog.LocalImplementation;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages to maintain the standard list: the list of items, life-event bundles, and the local
 * implementations a city or county publishes. A refused local implementation comes back as it
 * was typed, each problem next to its field. Items are edited in {@link ItemEditorPages}.
 */
@Controller
@RequestMapping("/admin/catalog")
class CatalogAdminPages {

    private final CatalogService catalog;
    private final MessageSource messages;

    CatalogAdminPages(CatalogService catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping
    String index(StaffMember me, Model model) {
        model.addAttribute("staff", me);
        model.addAttribute("drafts", catalog.drafts(me));
        model.addAttribute("items", catalog.publishedItems());
        model.addAttribute("bundles", catalog.publishedBundles());
        model.addAttribute("bundleDrafts", catalog.bundleDrafts(me));
        model.addAttribute("keepsTheList", me.isProvinceAdministrator());
        return "catalog/admin/index";
    }

    @PostMapping("/bundles")
    String saveBundle(@RequestParam String code, @RequestParam String nameZh, @RequestParam String nameEn,
                      @RequestParam(defaultValue = "") String descriptionZh, @RequestParam(defaultValue = "") String descriptionEn,
                      @RequestParam String audience, @RequestParam String itemCodes, @RequestParam String action,
                      StaffMember actor, Locale locale, RedirectAttributes redirect) {
        try {
            Audience chosen = Arrays.stream(Audience.values()).filter(a -> a.name().equals(audience)).findFirst()
                    .orElseThrow(() -> new RuleViolationException(Violation.of("audience", "item.audience-required")));
            List<String> codes = Arrays.stream(itemCodes.split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            catalog.draftBundle(new LifeEventBundle(null, code.strip(), 0, null, new LocalizedText(nameZh, nameEn),
                    new LocalizedText(descriptionZh, descriptionEn), chosen, codes), actor);
            if ("publish".equals(action)) {
                catalog.publishBundle(code.strip(), actor);
            }
            redirect.addFlashAttribute("message", text("admin.bundle-saved", locale, code));
        } catch (RuleViolationException broken) {
            redirect.addFlashAttribute("message", String.join(" ", shown(broken.violations(), locale).stream().map(ShownViolation::message).toList()));
        }
        return "redirect:/admin/catalog";
    }

    @PostMapping("/local")
    String saveLocal(LocalForm typed, StaffMember actor, Model model, Locale locale, HttpServletResponse response,
                     RedirectAttributes redirect) {
        LocalForm local = typed.stripped();
        try {
            if (!local.regionCode().isEmpty() && !actor.mayActOn(local.regionCode())) {
                throw new RuleViolationException(Violation.of("regionCode", "local.region-outside", local.regionCode(),
                        actor.region().name(locale)));
            }
            Integer days = local.promisedDays().isEmpty() ? null : parseDays(local.promisedDays());
            catalog.publishLocalImplementation(new LocalImplementation(local.itemCode(), local.regionCode(),
                    new LocalizedText(local.addressZh(), local.addressEn()), new LocalizedText(local.hoursZh(), local.hoursEn()),
                    local.phone(), days, (BigDecimal) null, null, null), actor);
            redirect.addFlashAttribute("message", text("admin.local-saved", locale, local.itemCode(), local.regionCode()));
            return "redirect:/admin/catalog";
        } catch (RuleViolationException broken) {
            Map<String, String> errors = new LinkedHashMap<>();
            shown(broken.violations(), locale).forEach(v -> errors.merge(v.field(), v.message(), (a, b) -> a + " " + b));
            model.addAttribute("form", local);
            model.addAttribute("errors", errors);
            model.addAttribute("localFields", LocalForm.FIELDS);
            response.setStatus(422);
            return index(actor, model);
        }
    }

    /** The local implementation form as typed, shown again when it is refused. */
    record LocalForm(String itemCode, String regionCode, String addressZh, String addressEn, String hoursZh, String hoursEn,
                     String phone, String promisedDays) {

        /** In the order the page shows them, which is the order of the error summary. */
        static final List<String> FIELDS = List.of("itemCode", "regionCode", "addressZh", "addressEn", "hoursZh", "hoursEn",
                "phone", "promisedDays");

        LocalForm stripped() {
            return new LocalForm(clean(itemCode), clean(regionCode), clean(addressZh), clean(addressEn), clean(hoursZh), clean(hoursEn),
                    clean(phone), clean(promisedDays));
        }

        private static String clean(String typed) {
            return typed == null ? "" : typed.strip();
        }
    }

    private static Integer parseDays(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolationException(Violation.of("promisedDays", "local.negative"));
        }
    }

    private List<ShownViolation> shown(List<Violation> violations, Locale locale) {
        return violations.stream()
                .map(v -> new ShownViolation(v.field(), v.rule(), messages.getMessage(v.messageKey(), v.args(), v.rule(), locale)))
                .toList();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    record ShownViolation(String field, String rule, String message) {
    }
}
