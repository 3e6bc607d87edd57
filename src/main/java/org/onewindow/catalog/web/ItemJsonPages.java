package org.onewindow.catalog.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ItemStandard;
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
 * The advanced view of an item: its whole standard as the JSON the API takes, for those who
 * move items between installations or edit many fields at once. The structured editor is the
 * ordinary way ({@link ItemEditorPages}).
 */
@Controller
@RequestMapping("/admin/catalog/items/json")
class ItemJsonPages {

    private final CatalogService catalog;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ItemSaving saving;

    ItemJsonPages(CatalogService catalog, JsonMapper json, MessageSource messages, ItemSaving saving) {
        this.catalog = catalog;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.messages = messages;
        this.saving = saving;
    }

    @GetMapping
    String edit(@RequestParam(required = false) String code, StaffMember me, Model model) {
        me.requireProvinceAdministrator("the standard list");
        Optional<ServiceItem> current = code == null || code.isBlank() ? Optional.empty()
                : catalog.draft(code, me).or(() -> catalog.publishedItem(code));
        model.addAttribute("code", code == null || code.isBlank() ? null : code);
        model.addAttribute("status", current.map(i -> i.status().name()).orElse(null));
        model.addAttribute("json", current.map(i -> json.writeValueAsString(i.standard())).orElse(""));
        model.addAttribute("violations", List.of());
        return "catalog/admin/item-json";
    }

    @PostMapping
    String save(@RequestParam String code, @RequestParam String json, @RequestParam String action,
                StaffMember actor, Model model, Locale locale, RedirectAttributes redirect) {
        actor.requireProvinceAdministrator("the standard list");
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
                    return "catalog/admin/item-json";
                }
                case "save", "publish" -> {
                    return saving.saveOrPublish(code, standard, hasDraft, action.equals("publish"), actor, redirect, locale);
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
        return "catalog/admin/item-json";
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
