package org.onewindow.casework.office;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.model.TimeLimit;
import org.onewindow.casework.pages.PlainWords;
import org.onewindow.casework.tracking.TrackingCodes;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.Material;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.PersonDirectory;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.GovernmentTime;
import org.onewindow.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The printable receipt the window gives the person it served (收件回执): the application number,
 * the materials taken on paper, the promised date with the statutory limit, and how to follow the
 * case without an account: text messages to the phone on record, and the tracking code. The code
 * is shown once, just after filing; a lost one is replaced by a new one, which ends the old.
 */
@Controller
class WindowReceipt {

    /** The flash attribute that carries a code just issued from the filing to its receipt. */
    static final String ISSUED_CODE = "issuedTrackingCode";

    private final CaseworkService casework;
    private final CatalogService catalog;
    private final TrackingCodes tracking;
    private final PersonDirectory people;
    private final WorkingCalendar workingCalendar;
    private final Clock clock;

    WindowReceipt(CaseworkService casework, CatalogService catalog, TrackingCodes tracking, PersonDirectory people,
                  WorkingCalendar workingCalendar, Optional<Clock> clock) {
        this.casework = casework;
        this.catalog = catalog;
        this.tracking = tracking;
        this.people = people;
        this.workingCalendar = workingCalendar;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** One material of the item, and whether the window took it. */
    record Received(String code, String name, boolean received) {
    }

    @GetMapping("/office/applications/{number}/receipt")
    String receipt(@PathVariable String number, StaffMember me, Model model, Locale locale) {
        // the code comes only as a flash attribute from the filing, never from the request
        return page(number, model.getAttribute(ISSUED_CODE) instanceof String code ? code : null, me, model, locale);
    }

    /** A new tracking code, for a person who lost theirs or never got it: shown on the receipt at once. */
    @PostMapping("/office/applications/{number}/receipt")
    String newCode(@PathVariable String number, StaffMember me, Model model, Locale locale) {
        casework.follow(number, me.username(), Optional.of(me)); // 404 outside the staff member's duty
        return page(number, tracking.reissue(number, me.username()), me, model, locale);
    }

    private String page(String number, String trackingCode, StaffMember me, Model model, Locale locale) {
        ApplicationView application = casework.follow(number, me.username(), Optional.of(me));
        List<String> received = tracking.receivedMaterials(number).orElseThrow(() -> new NotFoundException("application", number));
        Optional<ServiceItem> item = catalog.publishedItem(application.itemCode());
        List<Material> materials = item.map(i -> i.standard().materials()).orElse(List.of());
        model.addAttribute("app", application);
        model.addAttribute("itemName", application.itemName() == null ? application.itemCode() : application.itemName().in(locale));
        model.addAttribute("materials", materials.stream()
                .map(m -> new Received(m.code(), m.name().in(locale), received.contains(m.code()))).toList());
        var person = people.onRecord(application.applicant());
        model.addAttribute("maskedName", person.map(PersonDirectory.OnRecord::maskedName).orElse(null));
        model.addAttribute("maskedPhone", person.map(PersonDirectory.OnRecord::maskedPhone).orElse(null));
        model.addAttribute("promisedDays", item.map(i -> i.standard().promisedDays()).orElse(null));
        model.addAttribute("statutoryDays", item.map(i -> i.standard().statutoryDays()).orElse(null));
        model.addAttribute("promisedOn", promisedOn(application, item));
        model.addAttribute("filedOn", application.timeline().isEmpty() ? "" : PlainWords.time(application.timeline().getFirst().at()));
        model.addAttribute("trackingCode", trackingCode);
        return "casework/window-receipt";
    }

    /** The promised date: once accepted, the case's own; before, the date if the office accepts it today. */
    private LocalDate promisedOn(ApplicationView application, Optional<ServiceItem> item) {
        if (application.dueOn() != null || item.isEmpty()) {
            return application.dueOn();
        }
        return new TimeLimit(GovernmentTime.today(clock), item.get().standard().promisedDays(), 0).dueOn(workingCalendar.current());
    }
}
