package org.onewindow.casework.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.casefile.ApplicationRows;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A person's own applications: those they applied for and those they filed for someone else, newest first. */
@Service
public class MyApplications {

    private static final int MAX_LISTED = 200;

    private final JdbcClient jdbc;
    private final ApplicationRows rows;
    private final CatalogService catalog;
    private final WorkingCalendar workingCalendar;

    MyApplications(JdbcClient jdbc, ApplicationRows rows, CatalogService catalog, WorkingCalendar workingCalendar) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.catalog = catalog;
        this.workingCalendar = workingCalendar;
    }

    /** One line of the list: what, where it stands, by when; whether it was filed for someone else. */
    public record Summary(String number, String itemCode, LocalizedText itemName, ApplicationState state, Instant submittedAt,
                          LocalDate dueOn, boolean filedForSomeoneElse) {
    }

    public List<Summary> of(String username) {
        WorkingDayCalendar calendar = workingCalendar.current();
        return jdbc.sql("""
                        select * from application where applicant = :u or submitted_by = :u
                        order by created_at desc, number desc limit :limit""")
                .param("u", username).param("limit", MAX_LISTED)
                .query(rows::listed).list().stream().map(listed -> {
                    var a = listed.application();
                    var name = catalog.publishedItem(a.itemCode()).map(i -> i.standard().name()).orElse(null);
                    return new Summary(a.number(), a.itemCode(), name, a.state(), listed.submittedAt(), a.timeLimit().dueOn(calendar),
                            !username.equals(a.applicant()));
                }).toList();
    }
}
