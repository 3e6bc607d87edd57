package org.onewindow.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.casework.persistence.ApplicationRepository;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.LocalizedText;
import org.springframework.stereotype.Service;

/** A person's own applications: those they applied for and those they filed for someone else, newest first. */
@Service
public class MyApplications {

    private static final int MAX_LISTED = 200;

    private final ApplicationRepository applications;
    private final CatalogService catalog;
    private final WorkingCalendar workingCalendar;

    MyApplications(ApplicationRepository applications, CatalogService catalog, WorkingCalendar workingCalendar) {
        this.applications = applications;
        this.catalog = catalog;
        this.workingCalendar = workingCalendar;
    }

    /** One line of the list: what, where it stands, by when; whether it was filed for someone else. */
    public record Summary(String number, String itemCode, LocalizedText itemName, ApplicationState state, Instant submittedAt,
                          LocalDate dueOn, boolean filedForSomeoneElse) {
    }

    public List<Summary> of(String username) {
        WorkingDayCalendar calendar = workingCalendar.current();
        return applications.byPerson(username, MAX_LISTED).stream().map(listed -> {
            var a = listed.application();
            var name = catalog.publishedItem(a.itemCode()).map(i -> i.standard().name()).orElse(null);
            return new Summary(a.number(), a.itemCode(), name, a.state(), listed.submittedAt(), a.dueOn(calendar),
                    !username.equals(a.applicant()));
        }).toList();
    }
}
