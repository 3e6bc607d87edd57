package org.onewindow.casework.timelimits;

import org.onewindow.casework.pages.PlainWords;
import org.onewindow.casework.pages.FormQuestions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.onewindow.casework.ratings.ServiceRatings;
import org.onewindow.catalog.CatalogService;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's page for their part of the tree: applications overdue or at risk (never late
 * unseen), the indicators, and bad ratings waiting for their answer.
 */
@Controller
class SupervisionPage {

    private final Supervision supervision;
    private final ServiceRatings ratings;
    private final CatalogService catalog;
    private final OrganizationTree tree;
    private final MessageSource messages;

    SupervisionPage(Supervision supervision, ServiceRatings ratings, CatalogService catalog, OrganizationTree tree,
                    MessageSource messages) {
        this.supervision = supervision;
        this.ratings = ratings;
        this.catalog = catalog;
        this.tree = tree;
        this.messages = messages;
    }

    /** A watched application as the page shows it. */
    record Watched(Supervision.TimeLimitWatch watch, String itemName, String regionName) {
    }

    @GetMapping("/supervision")
    String page(StaffMember me, Model model, Locale locale) {
        return render(me, model, locale);
    }

    @PostMapping("/supervision/follow-ups/{number}")
    String answer(@PathVariable String number, @RequestParam(required = false) String answer, StaffMember me, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            ratings.answerRating(number, me, answer);
        } catch (RuleViolationException | ConflictException refused) {
            response.setStatus(refused instanceof ConflictException ? 409 : 422);
            model.addAttribute("failedNumber", number);
            model.addAttribute("failure", refused instanceof ConflictException conflict
                    ? FormQuestions.message(conflict, messages, locale)
                    : String.join(" ", FormQuestions.errors((RuleViolationException) refused, messages, locale).values()));
            return render(me, model, locale);
        }
        flash.addFlashAttribute("notice", messages.getMessage("supervision.answered", new Object[] {number}, locale));
        return PlainWords.seeOther(request, "/supervision");
    }

    private String render(StaffMember me, Model model, Locale locale) {
        model.addAttribute("watched", supervision.lateOrAtRisk(me).stream()
                .map(w -> new Watched(w, catalog.publishedItem(w.itemCode()).map(i -> i.standard().name().in(locale)).orElse(w.itemCode()),
                        tree.region(w.regionCode()).map(r -> r.name(locale)).orElse(w.regionCode())))
                .toList());
        model.addAttribute("indicators", supervision.indicators(me));
        model.addAttribute("followUps", ratings.openFollowUps(me));
        model.addAttribute("area", me.region().name(locale));
        return "casework/supervision";
    }
}
