package org.onewindow.catalog.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.LifeEventBundle;
import org.onewindow.catalog.LocalImplementation;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff pages to maintain the standard list: draft, check and publish items and bundles, and
 * publish local implementations. Rule violations come back on the same page, field by field.
 */
@Controller
@RequestMapping("/admin/catalog")
class CatalogAdminPages {

    private final CatalogService catalog;
    private final JsonMapper json;
    private final MessageSource messages;

    CatalogAdminPages(CatalogService catalog, JsonMapper json, MessageSource messages) {
        this.catalog = catalog;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.messages = messages;
    }

    @GetMapping
    String index(StaffMember me, Model model) {
        model.addAttribute("staff", me);
        model.addAttribute("drafts", catalog.drafts(me));
        model.addAttribute("items", catalog.publishedItems());
        model.addAttribute("bundles", catalog.publishedBundles());
        model.addAttribute("bundleDrafts", catalog.bundleDrafts(me));
        return "catalog/admin/index";
    }

    @GetMapping("/items/edit")
    String editItem(@RequestParam(required = false) String code, StaffMember me, Model model) {
        Optional<ServiceItem> current = code == null ? Optional.empty()
                : catalog.draft(code, me).or(() -> catalog.publishedItem(code));
        model.addAttribute("code", code);
        model.addAttribute("status", current.map(i -> i.status().name()).orElse(null));
        model.addAttribute("json", current.map(i -> json.writeValueAsString(i.standard())).orElse(""));
        model.addAttribute("violations", List.of());
        return "catalog/admin/item-form";
    }

    @PostMapping("/items")
    String saveItem(@RequestParam String code, @RequestParam String json, @RequestParam String action,
                    StaffMember actor, Model model, Locale locale, RedirectAttributes redirect) {
        model.addAttribute("code", code);
        model.addAttribute("json", json);
        model.addAttribute("status", catalog.draft(code, actor).map(i -> "DRAFT").orElse(null));
        try {
            ItemStandard standard = this.json.readValue(json, ItemStandard.class);
            boolean hasDraft = catalog.draft(code, actor).isPresent();
            switch (action) {
                case "validate" -> {
                    model.addAttribute("violations", shown(catalog.check(code, standard), locale));
                    model.addAttribute("message", text("admin.validated", locale));
                    return "catalog/admin/item-form";
                }
                case "save", "publish" -> {
                    if (hasDraft) {
                        catalog.reviseDraft(code, standard, actor);
                    } else {
                        catalog.draftItem(code, standard, actor);
                    }
                    if (action.equals("publish")) {
                        ServiceItem published = catalog.publishItem(code, actor);
                        redirect.addFlashAttribute("message", text("admin.published", locale, code, published.version()));
                    } else {
                        redirect.addFlashAttribute("message", text("admin.saved", locale, code));
                    }
                    return "redirect:/admin/catalog";
                }
                default -> throw new RuleViolationException(Violation.of("action", "admin.unknown-action"));
            }
        } catch (JacksonException unreadable) {
            model.addAttribute("violations", List.of(new ShownViolation("json", "malformed-json", text("problem.malformed-json", locale))));
        } catch (RuleViolationException broken) {
            model.addAttribute("violations", shown(broken.violations(), locale));
        } catch (ConflictException conflict) {
            model.addAttribute("violations", List.of(new ShownViolation("code", conflict.rule(),
                    messages.getMessage(conflict.messageKey(), conflict.args(), locale))));
        }
        return "catalog/admin/item-form";
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
    String saveLocal(@RequestParam String itemCode, @RequestParam String regionCode,
                     @RequestParam(defaultValue = "") String addressZh, @RequestParam(defaultValue = "") String addressEn,
                     @RequestParam(defaultValue = "") String hoursZh, @RequestParam(defaultValue = "") String hoursEn,
                     @RequestParam(defaultValue = "") String phone, @RequestParam(required = false) String promisedDays,
                     StaffMember actor, Locale locale, RedirectAttributes redirect) {
        try {
            Integer days = promisedDays == null || promisedDays.isBlank() ? null : parseDays(promisedDays);
            catalog.publishLocalImplementation(new LocalImplementation(itemCode.strip(), regionCode.strip(),
                    new LocalizedText(addressZh, addressEn), new LocalizedText(hoursZh, hoursEn), phone.strip(), days,
                    (BigDecimal) null, null, null), actor);
            redirect.addFlashAttribute("message", text("admin.local-saved", locale, itemCode, regionCode));
        } catch (RuleViolationException broken) {
            redirect.addFlashAttribute("message", String.join(" ", shown(broken.violations(), locale).stream().map(ShownViolation::message).toList()));
        }
        return "redirect:/admin/catalog";
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
