package org.onewindow.casework.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dates stored with applications so that late ones are found through an index: written
 * again in bulk when the calendar changes, or once for rows from before they were stored. A page
 * of a thousand at a time, one statement per page.
 */
public final class StoredDates {

    private static final int PAGE = 1000;

    private StoredDates() {
    }

    /**
     * Stores the due and at-risk dates of open accepted applications, all of them or only those
     * missing them; answers how many changed.
     */
    public static int dueDates(JdbcClient jdbc, WorkingDayCalendar calendar, boolean onlyMissing) {
        int changed = 0;
        // PostgreSQL orders uuids by their unsigned bytes: the all-zero uuid comes first
        UUID after = new UUID(0, 0);
        while (true) {
            List<Application> page = jdbc.sql("""
                    select * from application where accepted_on is not null and state not in ('CLOSED', 'WITHDRAWN', 'NOT_ACCEPTED')
                      and (not :onlyMissing or due_on is null) and id > :after order by id limit :page""")
                    .param("onlyMissing", onlyMissing).param("after", after).param("page", PAGE).query((rs, n) -> datesOnly(rs)).list();
            if (page.isEmpty()) {
                return changed;
            }
            // the whole page in one statement
            changed += jdbc.sql("""
                    update application a set due_on = cast(d.due as date), at_risk_on = cast(d.risk as date)
                    from unnest(cast(:ids as uuid[]), cast(:dues as text[]), cast(:risks as text[])) as d(id, due, risk)
                    where a.id = d.id""")
                    .param("ids", page.stream().map(Application::id).toArray(UUID[]::new))
                    .param("dues", page.stream().map(a -> Objects.toString(a.timeLimit().dueOn(calendar), null)).toArray(String[]::new))
                    .param("risks", page.stream().map(a -> Objects.toString(a.timeLimit().atRiskOn(calendar), null)).toArray(String[]::new))
                    .update();
            after = page.getLast().id();
        }
    }

    /** Completes the facts of decisions stored without them; answers how many. */
    static int decisionFacts(JdbcClient jdbc, WorkingDayCalendar calendar) {
        int completed = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            List<UUID> ids = new ArrayList<>();
            List<DecisionFacts> facts = new ArrayList<>();
            jdbc.sql("""
                    select * from application where decided_on is not null and decided_on_time is null and id > :after
                    order by id limit :page""")
                    .param("after", after).param("page", PAGE)
                    .query(rs -> {
                        Application a = datesOnly(rs);
                        LocalDate day = rs.getDate("decided_on").toLocalDate();
                        ids.add(a.id());
                        facts.add(DecisionFacts.of(a, day, rs.getString("decided_by"), calendar));
                    });
            if (ids.isEmpty()) {
                return completed;
            }
            completed += jdbc.sql("""
                    update application a set decision_working_days = f.days, decided_on_time = f.on_time
                    from unnest(cast(:ids as uuid[]), cast(:days as int[]), cast(:onTime as boolean[])) as f(id, days, on_time)
                    where a.id = f.id""")
                    .param("ids", ids.toArray(UUID[]::new))
                    .param("days", facts.stream().map(DecisionFacts::decisionWorkingDays).toArray(Integer[]::new))
                    .param("onTime", facts.stream().map(DecisionFacts::decidedOnTime).toArray(Boolean[]::new))
                    .update();
            after = ids.getLast();
        }
    }

    /** The application as far as its dates go: the form is not needed to count working days. */
    private static Application datesOnly(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date accepted = rs.getDate("accepted_on");
        java.sql.Date paused = rs.getDate("paused_since");
        return new Application(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("item_code"), rs.getInt("item_version"),
                rs.getString("region_code"), rs.getString("applicant"), rs.getString("submitted_by"),
                SubmissionChannel.valueOf(rs.getString("channel")), rs.getInt("promised_days"), Map.of(),
                ApplicationState.valueOf(rs.getString("state")), accepted == null ? null : accepted.toLocalDate(),
                paused == null ? null : paused.toLocalDate(), rs.getInt("paused_working_days"), rs.getInt("version"));
    }
}
