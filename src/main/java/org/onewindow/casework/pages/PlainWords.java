package org.onewindow.casework.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.casework.model.Application;
import org.onewindow.shared.GovernmentTime;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;

/** How the pages say an application's steps and states: in words, not codes. */
public final class PlainWords {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(GovernmentTime.ZONE);

    private PlainWords() {
    }

    /** One step of the timeline as a page shows it. */
    public record Step(String at, String step, String what, String who, List<String> reasons) {
    }

    public static List<Step> timeline(ApplicationView application, String viewer, MessageSource messages, Locale locale) {
        return application.timeline().stream().map(entry -> new Step(time(entry.at()), entry.step(),
                        messages.getMessage("step." + entry.step(), null, entry.step(), locale),
                        actor(entry, application, viewer, messages, locale), inReadersLanguage(entry, locale)))
                .toList();
    }

    /** The reasons of the latest step of a kind: for a return for correction, everything that is missing. */
    public static List<String> latestReasons(ApplicationView application, String step, Locale locale) {
        return latest(application, step).map(entry -> inReadersLanguage(entry, locale)).orElse(List.of());
    }

    /** A step's reasons in the reader's language: the platform's words in it, a person's as they wrote them. */
    public static List<String> inReadersLanguage(TimelineEntry entry, Locale locale) {
        return entry.reasons().stream().map(reason -> reason.in(locale)).toList();
    }

    /** The latest step of one of the kinds. */
    public static java.util.Optional<TimelineEntry> latest(ApplicationView application, String... steps) {
        List<TimelineEntry> timeline = application.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (List.of(steps).contains(timeline.get(i).step())) {
                return java.util.Optional.of(timeline.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    public static String time(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }

    private static String actor(TimelineEntry entry, ApplicationView application, String viewer, MessageSource messages, Locale locale) {
        String key;
        if (entry.actor().equals(viewer)) {
            key = "actor.you";
        } else if (Application.AUTOMATIC.equals(entry.actor())) {
            key = "actor.automatic";
        } else if (entry.actor().equals(application.applicant())) {
            key = "actor.applicant";
        } else if (entry.actor().equals(application.submittedBy()) && application.channel() != org.onewindow.casework.SubmissionChannel.WINDOW) {
            key = "actor.proxy";
        } else {
            key = "actor.staff";
        }
        return messages.getMessage(key, null, locale);
    }

    /** A POST answered with 303 See Other, so that a reload does not send the form again. */
    public static String seeOther(HttpServletRequest request, String path) {
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:" + path;
    }
}
