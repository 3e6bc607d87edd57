package org.onewindow.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.identity.internal.AccountPasswords;
import org.onewindow.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /account/password: anyone signed in chooses a new password, proving the current one; an account
 * signed in with a temporary password from an administrator can do nothing else until it has.
 * The session ends after the change, and the person signs in with the new password. Access rule:
 * /account/** signed in (SecurityConfiguration). Passwords are never shown back on the page.
 */
@Controller
class AccountPasswordPages {

    private static final List<String> FIELDS = List.of("currentPassword", "password");

    private final AccountPasswords passwords;
    private final MessageSource messages;

    AccountPasswordPages(AccountPasswords passwords, MessageSource messages) {
        this.passwords = passwords;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String page(Authentication who, Model model) {
        return show(who, model, Map.of());
    }

    @PostMapping("/account/password")
    String change(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String password,
                  Authentication who, HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        try {
            passwords.change(who.getName(), currentPassword, password);
        } catch (RuleViolationException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.violations().forEach(v -> errors.merge(v.field(), messages.getMessage(v.messageKey(), v.args(), locale),
                    (a, b) -> a + " " + b));
            response.setStatus(422);
            return show(who, model, errors);
        }
        session.invalidate();
        return "redirect:/login?changed";
    }

    private String show(Authentication who, Model model, Map<String, String> errors) {
        model.addAttribute("due", who.getAuthorities().stream().anyMatch(a -> AccountPasswords.CHANGE_ONLY.equals(a.getAuthority())));
        model.addAttribute("errors", errors);
        model.addAttribute("errorFields", FIELDS);
        model.addAttribute("form", null);
        return "identity/password";
    }
}
