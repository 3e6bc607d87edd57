package org.onewindow.identity.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.DepartmentKind;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.Region;
import org.onewindow.identity.internal.StaffAccounts;
import org.onewindow.identity.internal.StaffAccounts.StaffDetails;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/staff: an administrator's staff accounts (access rule: /admin/** for ADMINISTRATOR, SecurityConfiguration). */
@Controller
class StaffAdminPages {

    private static final List<String> FIELDS = List.of("username", "password", "name", "regionCode", "departmentKind", "roles");
    /** The staff roles an administrator may give, in the order shown. */
    private static final List<String> ROLES = List.of("CLERK", "HANDLER", "DATA_STEWARD", "SUPERVISOR", "ADMINISTRATOR");

    private final StaffAccounts staff;
    private final OrganizationTree tree;
    private final MessageSource messages;

    StaffAdminPages(StaffAccounts staff, OrganizationTree tree, MessageSource messages) {
        this.staff = staff;
        this.tree = tree;
        this.messages = messages;
    }

    /** What the form was filled in with, shown again next to its errors (never the password). */
    record StaffForm(String username, String name, String regionCode, String departmentKind, List<String> roles) {
    }

    @GetMapping("/admin/staff")
    String page(Authentication who, Model model, Locale locale) {
        return show(who, model, locale, new StaffForm(null, null, null, null, List.of()), Map.of());
    }

    @PostMapping("/admin/staff")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String regionCode,
                  @RequestParam(required = false) String departmentKind, @RequestParam(required = false) List<String> roles,
                  Authentication who, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            staff.create(who.getName(), new StaffDetails(username, password, name, regionCode, department(regionCode, departmentKind),
                    StaffAdminApi.roles(roles)));
        } catch (RuleViolationException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.violations().forEach(v -> errors.putIfAbsent("departmentId".equals(v.field()) ? "departmentKind" : v.field(),
                    messages.getMessage(v.messageKey(), v.args(), locale)));
            return show(who, model, locale, new StaffForm(username, name, regionCode, departmentKind, roles == null ? List.of() : roles),
                    errors);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("staff.created", new Object[] {username}, locale));
        return "redirect:/admin/staff";
    }

    @PostMapping("/admin/staff/{username}/{action}")
    String act(@PathVariable String username, @PathVariable String action, @RequestParam(required = false) String regionCode,
               @RequestParam(required = false) String departmentKind, @RequestParam(required = false) List<String> roles,
               Authentication who, Locale locale, RedirectAttributes redirect) {
        String administrator = who.getName();
        try {
            switch (action) {
                case "disabling" -> staff.setEnabled(administrator, username, false);
                case "enabling" -> staff.setEnabled(administrator, username, true);
                case "unlocking" -> staff.unlock(administrator, username);
                case "second-factor-required" -> staff.requireSecondFactor(administrator, username, true);
                case "second-factor-optional" -> staff.requireSecondFactor(administrator, username, false);
                case "assignment" -> staff.assign(administrator, username,
                        new StaffDetails(username, null, null, regionCode, department(regionCode, departmentKind),
                                StaffAdminApi.roles(roles)));
                default -> throw new NotFoundException("action", action);
            }
            redirect.addFlashAttribute("notice", messages.getMessage("staff.done." + action, new Object[] {username}, locale));
        } catch (RuleViolationException refused) {
            var first = refused.violations().getFirst();
            redirect.addFlashAttribute("notice", messages.getMessage(first.messageKey(), first.args(), locale));
        }
        return "redirect:/admin/staff#staff-" + username;
    }

    /**
     * A new temporary password for a member of staff, shown on this answer only (never kept in the
     * session or a link): the administrator passes it on, and the account must replace it.
     */
    @PostMapping("/admin/staff/{username}/password-reset")
    String resetPassword(@PathVariable String username, Authentication who, Model model, Locale locale) {
        try {
            String temporary = staff.resetPassword(who.getName(), username);
            model.addAttribute("resetFor", username);
            model.addAttribute("temporaryPassword", temporary);
            model.addAttribute("notice", messages.getMessage("staff.done.password-reset", new Object[] {username}, locale));
        } catch (RuleViolationException refused) {
            var first = refused.violations().getFirst();
            model.addAttribute("notice", messages.getMessage(first.messageKey(), first.args(), locale));
        }
        return show(who, model, locale, new StaffForm(null, null, null, null, List.of()), Map.of());
    }

    private String show(Authentication who, Model model, Locale locale, StaffForm form, Map<String, String> errors) {
        model.addAttribute("me", who.getName());
        model.addAttribute("staff", staff.list(who.getName()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorFields", FIELDS);
        model.addAttribute("roleNames", ROLES);
        Map<String, String> departments = new LinkedHashMap<>();
        Arrays.stream(DepartmentKind.values()).forEach(k -> departments.put(k.code(), english(locale) ? k.nameEn() : k.nameZh()));
        model.addAttribute("departmentKinds", departments);
        String scope = staff.get(who.getName(), who.getName()).regionCode();
        List<Region> regions = scope == null ? List.of() : tree.subtree(scope).stream()
                .filter(r -> r.level().compareTo(AdministrativeLevel.COUNTY) <= 0).toList();
        Map<String, String> regionNames = new LinkedHashMap<>();
        regions.forEach(r -> regionNames.put(r.code(), r.name(locale)));
        model.addAttribute("regions", regionNames);
        return "identity/admin-staff";
    }

    /** The page sends a department kind; the department is that kind's at the region chosen. */
    private static String department(String regionCode, String departmentKind) {
        return departmentKind == null || departmentKind.isBlank() || regionCode == null ? null : regionCode + ":" + departmentKind;
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
