package org.onewindow.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.Channel;
import org.onewindow.catalog.FormField;
import org.onewindow.catalog.ItemCategory;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.MaterialSource;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.DepartmentKind;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The structured item editor: the standard of an item field by field in both languages, rows of
 * materials, common questions and form questions added and removed with buttons that send the
 * form back (no script needed). A refused form comes back as it was typed, each problem next to
 * its field and in the summary on top. Only the province's administrators keep the standard list;
 * anyone else is refused (403) by the catalog.
 */
@Controller
@RequestMapping("/admin/catalog/items")
class ItemEditorPages {

    private static final Pattern ROW_ACTION = Pattern.compile("^(add|remove)-(material|faq|question)(?:-(\\d{1,3}))?$");

    private final CatalogService catalog;
    private final MessageSource messages;
    private final ItemSaving saving;

    ItemEditorPages(CatalogService catalog, MessageSource messages, ItemSaving saving) {
        this.catalog = catalog;
        this.messages = messages;
        this.saving = saving;
    }

    @GetMapping("/edit")
    String edit(@RequestParam(required = false) String code, StaffMember me, Model model, Locale locale) {
        me.requireProvinceAdministrator("the standard list");
        Optional<ServiceItem> current = code == null || code.isBlank() ? Optional.empty()
                : catalog.draft(code, me).or(() -> catalog.publishedItem(code));
        ItemForm form = current.map(i -> ItemForm.of(i.code(), i.standard())).orElseGet(ItemForm::new);
        if (current.isEmpty() && code != null && !code.isBlank()) {
            form.setCode(code);
            model.addAttribute("message", text("admin.item.unknown", locale, code));
        }
        return render(form, current.map(i -> i.status().name()).orElse(null), List.of(), model, locale);
    }

    @PostMapping
    String save(@ModelAttribute("item") ItemForm form, @RequestParam(defaultValue = "") String action, StaffMember actor,
                Model model, Locale locale, RedirectAttributes redirect) {
        actor.requireProvinceAdministrator("the standard list");
        String code = form.getCode();
        String status = catalog.draft(code, actor).map(i -> i.status().name()).orElse(null);
        Matcher row = ROW_ACTION.matcher(action);
        if (row.matches()) {
            changeRows(form, row);
            return render(form, status, List.of(), model, locale);
        }
        List<Violation> unreadable = new ArrayList<>();
        ItemStandard standard = form.standard(unreadable);
        try {
            if (!unreadable.isEmpty()) {
                throw new RuleViolationException(alongside(unreadable, catalog.check(code, standard)));
            }
            switch (action) {
                case "validate" -> {
                    model.addAttribute("message", text("admin.validated", locale));
                    return render(form, status, catalog.check(code, standard), model, locale);
                }
                case "save", "publish" -> {
                    return saving.saveOrPublish(code, standard, status != null, action.equals("publish"), actor, redirect, locale);
                }
                default -> throw new RuleViolationException(Violation.of("action", "admin.unknown-action"));
            }
        } catch (RuleViolationException broken) {
            return render(form, status, broken.violations(), model, locale);
        } catch (ConflictException conflict) {
            return render(form, status, List.of(new Violation("code", conflict.rule(), conflict.messageKey(), conflict.args())), model, locale);
        }
    }

    /** What could not be read, then the rules the rest breaks on fields that were read. */
    private static List<Violation> alongside(List<Violation> unreadable, List<Violation> broken) {
        List<Violation> all = new ArrayList<>(unreadable);
        broken.stream().filter(v -> unreadable.stream().noneMatch(u -> u.field().equals(v.field()))).forEach(all::add);
        return all;
    }

    private static void changeRows(ItemForm form, Matcher row) {
        boolean add = row.group(1).equals("add");
        List<?> rows = switch (row.group(2)) {
            case "material" -> form.getMaterials();
            case "faq" -> form.getFaq();
            default -> form.getForm();
        };
        if (add) {
            switch (row.group(2)) {
                case "material" -> form.getMaterials().add(new ItemForm.MaterialRow());
                case "faq" -> form.getFaq().add(new ItemForm.FaqRow());
                default -> form.getForm().add(new ItemForm.QuestionRow());
            }
        } else if (row.group(3) != null && Integer.parseInt(row.group(3)) < rows.size()) {
            rows.remove(Integer.parseInt(row.group(3)));
        }
    }

    private String render(ItemForm form, String status, List<Violation> violations, Model model, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<ShownError> summary = new ArrayList<>();
        for (Violation v : violations) {
            String message = messages.getMessage(v.messageKey(), v.args(), v.rule(), locale);
            errors.merge(v.field(), message, (a, b) -> a + " " + b);
            summary.add(new ShownError(EditorFields.anchorOf(v.field()), message, v.rule()));
        }
        model.addAttribute("item", form);
        model.addAttribute("code", form.getCode().isBlank() ? null : form.getCode());
        model.addAttribute("status", status);
        model.addAttribute("errors", errors);
        model.addAttribute("summary", summary);
        model.addAttribute("categories", ItemCategory.values());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("departments", DepartmentKind.values());
        model.addAttribute("levels", List.of(AdministrativeLevel.PROVINCE, AdministrativeLevel.CITY, AdministrativeLevel.COUNTY,
                AdministrativeLevel.TOWNSHIP));
        model.addAttribute("channelChoices", Channel.values());
        model.addAttribute("sources", MaterialSource.values());
        model.addAttribute("questionTypes", FormField.Type.values());
        model.addAttribute("fields", new EditorFields());
        return "catalog/admin/item-form";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** One line of the error summary: where it links to and what it says. */
    record ShownError(String anchor, String message, String rule) {
    }
}
