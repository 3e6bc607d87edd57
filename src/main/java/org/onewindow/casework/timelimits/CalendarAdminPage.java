package org.onewindow.casework.timelimits;

import org.onewindow.casework.pages.PlainWords;
import org.onewindow.casework.pages.FormQuestions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.GovernmentTime;
import org.onewindow.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators enter each year's public holidays and moved working days, as the State Council
 * publishes them, without the API. The rules (and who may change the calendar) stay with
 * {@link WorkingCalendar}; the page only turns form input into a declaration and the rules'
 * answers into messages next to the fields.
 */
@Controller
class CalendarAdminPage {

    // the years the calendar API reads, so that whatever the page declares can be read back
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;
    // the API's limits, so that the page accepts nothing the API would refuse
    private static final int NAME_ZH_MAX = 40;
    private static final int NAME_EN_MAX = 60;
    /** The fields in the order of the form, for the error summary; "name" is the pair of names as one group. */
    private static final List<String> FIELDS = List.of("day", "kind", "name", "nameZh", "nameEn");

    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    CalendarAdminPage(WorkingCalendar calendar, MessageSource messages, Optional<Clock> clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** One declared day as the table shows it. */
    record Row(String day, String weekday, String kind, String nameZh, String nameEn) {
    }

    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) Integer year, StaffMember me, Model model, Locale locale) {
        model.addAttribute("mayChange", me.isProvinceAdministrator());
        int shown = year == null ? GovernmentTime.today(clock).getYear() : year;
        if (shown < FIRST_YEAR || shown > LAST_YEAR) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return render(shown, Map.of(), Map.of(), model, locale);
    }

    @PostMapping("/admin/calendar")
    String declare(@RequestParam Map<String, String> parameters, StaffMember administrator, Model model, Locale locale,
                   HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        model.addAttribute("mayChange", administrator.isProvinceAdministrator());
        Map<String, String> form = new LinkedHashMap<>();
        List.of("day", "kind", "nameZh", "nameEn").forEach(f -> form.put(f, parameters.getOrDefault(f, "").strip()));
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = day(form.get("day"), errors, locale);
        WorkingDayCalendar.Exception kind = kind(form.get("kind"), errors, locale);
        if (form.get("nameZh").length() > NAME_ZH_MAX) {
            errors.put("nameZh", messages.getMessage("calendar.nameZh.too-long", new Object[] {String.valueOf(NAME_ZH_MAX)}, locale));
        }
        if (form.get("nameEn").length() > NAME_EN_MAX) {
            errors.put("nameEn", messages.getMessage("calendar.nameEn.too-long", new Object[] {String.valueOf(NAME_EN_MAX)}, locale));
        }
        int shown = day != null ? day.getYear() : yearOf(parameters.get("year"), locale);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(shown, form, errors, model, locale);
        }
        try {
            calendar.declare(new WorkingCalendar.Exception(day, kind, form.get("nameZh"), form.get("nameEn")), administrator);
        } catch (RuleViolationException broken) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(shown, form, FormQuestions.errors(broken, messages, locale), model, locale);
        }
        flash.addFlashAttribute("notice", messages.getMessage("calendar.declared." + kind.name(),
                new Object[] {day.toString(), locale.getLanguage().equals("en") ? form.get("nameEn") : form.get("nameZh")}, locale));
        return PlainWords.seeOther(request, "/admin/calendar?year=" + day.getYear());
    }

    @PostMapping("/admin/calendar/{day}/removal")
    String remove(@PathVariable LocalDate day, StaffMember me, Locale locale, HttpServletRequest request, RedirectAttributes flash) {
        boolean removed = calendar.remove(day, me);
        flash.addFlashAttribute("notice", messages.getMessage(removed ? "calendar.removed" : "calendar.not-declared",
                new Object[] {day.toString()}, locale));
        return PlainWords.seeOther(request, "/admin/calendar?year=" + day.getYear());
    }

    private LocalDate day(String text, Map<String, String> errors, Locale locale) {
        if (text.isEmpty()) {
            errors.put("day", messages.getMessage("calendar.day.required", null, locale));
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
                return day;
            }
        } catch (DateTimeParseException notADate) {
            // said below, as for a date out of range: both need a real date in the years the calendar keeps
        }
        errors.put("day", messages.getMessage("calendar.day.invalid", new Object[] {String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR)}, locale));
        return null;
    }

    private WorkingDayCalendar.Exception kind(String text, Map<String, String> errors, Locale locale) {
        for (WorkingDayCalendar.Exception kind : WorkingDayCalendar.Exception.values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        errors.put("kind", messages.getMessage("calendar.kind.required", null, locale));
        return null;
    }

    /** The year the form was sent from, to show again with its errors. */
    private int yearOf(String text, Locale locale) {
        try {
            int year = Integer.parseInt(text == null ? "" : text.strip());
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException notAYear) {
            // a form that lost its year shows the current one
        }
        return GovernmentTime.today(clock).getYear();
    }

    private String render(int year, Map<String, String> form, Map<String, String> errors, Model model, Locale locale) {
        // years as text: a number in a message would be written with a thousands separator ("2,027")
        model.addAttribute("year", String.valueOf(year));
        model.addAttribute("previousYear", year > FIRST_YEAR ? String.valueOf(year - 1) : null);
        model.addAttribute("nextYear", year < LAST_YEAR ? String.valueOf(year + 1) : null);
        model.addAttribute("days", calendar.exceptions(year).stream()
                .map(e -> new Row(e.day().toString(), e.day().getDayOfWeek().getDisplayName(TextStyle.FULL, locale),
                        messages.getMessage("calendar.kind." + e.kind().name(), null, locale), e.nameZh(), e.nameEn()))
                .toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Map<String, String> labels = new LinkedHashMap<>();
        FIELDS.forEach(f -> labels.put(f, messages.getMessage("calendar." + f, null, locale)));
        model.addAttribute("summary", FormQuestions.summary(errors, List.of(), labels, messages, locale));
        model.addAttribute("errorFields", FIELDS);
        model.addAttribute("firstDay", LocalDate.of(FIRST_YEAR, 1, 1).toString());
        model.addAttribute("lastDay", LocalDate.of(LAST_YEAR, 12, 31).toString());
        return "casework/calendar";
    }
}
