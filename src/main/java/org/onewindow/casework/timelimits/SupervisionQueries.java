package org.onewindow.casework.timelimits;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.casefile.ApplicationRows;
import org.onewindow.casework.model.Application;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What supervisors count, over the regions whose codes start with a prefix: added up in the database, not in memory. */
@Repository
class SupervisionQueries {

    private final JdbcClient jdbc;
    private final ApplicationRows rows;

    SupervisionQueries(JdbcClient jdbc, ApplicationRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /**
     * Applications whose clock runs and that have used three quarters of their time by the given
     * day (overdue ones included), found by their stored at-risk date, so the number of open
     * applications does not matter.
     */
    List<Application> atRiskBy(String regionPrefix, LocalDate day) {
        return jdbc.sql("""
                select * from application where state in ('ACCEPTED', 'UNDER_REVIEW') and at_risk_on <= :day
                  and region_code like :p || '%' order by at_risk_on limit 5000""")
                .param("p", regionPrefix).param("day", Date.valueOf(day)).query(rows).list();
    }

    Map<ApplicationState, Long> countByState(String regionPrefix) {
        Map<ApplicationState, Long> counts = new HashMap<>();
        jdbc.sql("select state, count(*) as n from application where region_code like :p || '%' group by state")
                .param("p", regionPrefix)
                .query(rs -> {
                    counts.put(ApplicationState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    long countNotAtWindow(String regionPrefix) {
        return jdbc.sql("select count(*) from application where channel <> 'WINDOW' and region_code like :p || '%'")
                .param("p", regionPrefix).query(Long.class).single();
    }

    /** The decisions made, added up from the facts stored with each: how many, how many on time, the average working days, how many automatic. */
    DecisionCounts decisionCounts(String regionPrefix) {
        return jdbc.sql("""
                select count(*) as decided, count(*) filter (where decided_on_time) as on_time,
                       avg(decision_working_days) as working_days, count(*) filter (where decided_by = :automatic) as automatic
                from application where decided_on is not null and region_code like :p || '%'""")
                .param("p", regionPrefix).param("automatic", Application.AUTOMATIC)
                .query((rs, n) -> new DecisionCounts(rs.getLong("decided"), rs.getLong("on_time"),
                        rs.getObject("working_days") == null ? null : rs.getDouble("working_days"), rs.getLong("automatic")))
                .single();
    }

    record DecisionCounts(long decided, long onTime, Double averageWorkingDays, long automatic) {
    }

    RatingAverage averageRating(String regionPrefix) {
        return jdbc.sql("""
                select count(*) as n, avg(r.score) as average from rating r join application a on a.id = r.application_id
                where a.region_code like :p || '%'""")
                .param("p", regionPrefix)
                .query((rs, n) -> new RatingAverage(rs.getLong("n"), rs.getDouble("average")))
                .single();
    }

    /** How many ratings, and their mean. */
    record RatingAverage(long count, double average) {
    }
}
