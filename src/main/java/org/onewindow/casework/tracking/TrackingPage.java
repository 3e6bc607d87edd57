package org.onewindow.casework.tracking;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.onewindow.casework.pages.PlainWords;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page where anyone holding a window's receipt follows the application without
 * signing in. The number and code are posted, not put in the address, so that they stay out of
 * histories and logs; a wrong pair is told one thing, whichever half is wrong.
 */
@Controller
class TrackingPage {

    private final TrackingCodes codes;
    private final MessageSource messages;

    TrackingPage(TrackingCodes codes, MessageSource messages) {
        this.codes = codes;
        this.messages = messages;
    }

    @GetMapping("/track")
    String form(Model model) {
        return page(null, null, Map.of(), model);
    }

    @PostMapping("/track")
    String follow(@RequestParam(required = false) String number, @RequestParam(required = false) String code, Model model, Locale locale,
                  HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (number == null || number.isBlank()) {
            errors.put("number", messages.getMessage("track.number.required", null, locale));
        }
        if (code == null || code.isBlank()) {
            errors.put("code", messages.getMessage("track.code.required", null, locale));
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(number, null, errors, model);
        }
        Optional<TrackedApplication> found = codes.follow(number, code);
        if (found.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("notFound", true);
            return page(number, null, errors, model);
        }
        TrackedApplication tracked = found.get();
        model.addAttribute("latestStep", tracked.latestStep() == null ? null
                : messages.getMessage("step." + tracked.latestStep(), null, tracked.latestStep(), locale));
        model.addAttribute("latestStepAt", PlainWords.time(tracked.latestStepAt()));
        return page(number, tracked, errors, model);
    }

    private static String page(String number, TrackedApplication tracked, Map<String, String> errors, Model model) {
        model.addAttribute("number", number == null ? "" : number.strip());
        model.addAttribute("tracked", tracked);
        model.addAttribute("errors", errors);
        model.addAttribute("errorFields", List.of("number", "code"));
        return "casework/track";
    }
}
