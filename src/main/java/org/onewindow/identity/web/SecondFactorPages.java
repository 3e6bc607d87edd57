package org.onewindow.identity.web;

import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.onewindow.identity.internal.SecondFactor;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member of staff sets up their authenticator app: a new secret is shown (otpauth URI and
 * text) and kept in the session until a code from the app proves it was taken; only then is it
 * stored, and the account signs in again, now with a code. Access rule: /account/** signed in.
 */
@Controller
class SecondFactorPages {

    private static final String PENDING = "onewindow.second-factor.pending";

    private final SecondFactor secondFactor;
    private final MessageSource messages;

    SecondFactorPages(SecondFactor secondFactor, MessageSource messages) {
        this.secondFactor = secondFactor;
        this.messages = messages;
    }

    @GetMapping("/account/second-factor")
    String page(Authentication who, HttpSession session, Model model) {
        model.addAttribute("enrolled", secondFactor.enrolled(who.getName()));
        if (session.getAttribute(PENDING) instanceof String secret) {
            model.addAttribute("secret", secret);
            model.addAttribute("uri", secondFactor.uri(who.getName(), secret));
        }
        return "identity/second-factor";
    }

    @PostMapping("/account/second-factor/secret")
    String start(Authentication who, HttpSession session) {
        if (!secondFactor.enrolled(who.getName())) {
            session.setAttribute(PENDING, secondFactor.newSecret());
        }
        return "redirect:/account/second-factor";
    }

    @PostMapping("/account/second-factor")
    String enrol(@RequestParam(required = false) String code, Authentication who, HttpSession session, Locale locale,
                 RedirectAttributes redirect) {
        if (session.getAttribute(PENDING) instanceof String secret && secondFactor.enrol(who.getName(), secret, code)) {
            session.invalidate();
            return "redirect:/login?enrolled";
        }
        redirect.addFlashAttribute("codeError", messages.getMessage("second-factor.wrong-code", null, locale));
        return "redirect:/account/second-factor";
    }
}
