package org.onewindow.casework.calendar;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.onewindow.identity.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar time limits are counted in. Administrators enter each year's public holidays and
 * the weekend days declared working days, as the State Council publishes them. It is read for
 * every due date (every change of a case stores its due date), so it is kept in memory and
 * reloaded after each change commits.
 */
@Service
public class WorkingCalendar {

    /** A day that differs from Monday-to-Friday. */
    public record Exception(LocalDate day, WorkingDayCalendar.Exception kind, String nameZh, String nameEn) {
    }

    /** Published after a change of the calendar committed: stored due dates must follow it. */
    public record Changed() {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private volatile WorkingDayCalendar current;

    WorkingCalendar(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    public WorkingDayCalendar current() {
        WorkingDayCalendar calendar = current;
        if (calendar == null) {
            calendar = load(jdbc);
            current = calendar;
        }
        return calendar;
    }

    /** The calendar as stored; also for migrations, which run before this service exists. */
    public static WorkingDayCalendar load(JdbcClient jdbc) {
        Map<LocalDate, WorkingDayCalendar.Exception> exceptions = new HashMap<>();
        jdbc.sql("select day, kind from working_calendar_exception").query(rs -> {
            exceptions.put(rs.getDate("day").toLocalDate(), WorkingDayCalendar.Exception.valueOf(rs.getString("kind")));
        });
        return new WorkingDayCalendar(exceptions);
    }

    public List<Exception> exceptions(int year) {
        return jdbc.sql("select day, kind, name_zh, name_en from working_calendar_exception where extract(year from day) = :y order by day")
                .param("y", year)
                .query((rs, n) -> new Exception(rs.getDate("day").toLocalDate(), WorkingDayCalendar.Exception.valueOf(rs.getString("kind")),
                        rs.getString("name_zh"), rs.getString("name_en")))
                .list();
    }

    @Transactional
    public Exception declare(Exception day, StaffMember administrator) {
        // time limits must mean the same in every county: the province keeps the one calendar
        administrator.requireProvinceAdministrator("the working calendar");
        if (day.nameZh() == null || day.nameZh().isBlank() || day.nameEn() == null || day.nameEn().isBlank()) {
            throw new RuleViolationException(Violation.of("name", "text.bilingual-required"));
        }
        boolean weekend = day.day().getDayOfWeek().getValue() >= 6;
        if (day.kind() == WorkingDayCalendar.Exception.WORKDAY && !weekend) {
            throw new RuleViolationException(Violation.of("kind", "calendar.workday-on-weekend-only"));
        }
        jdbc.sql("""
                insert into working_calendar_exception (day, kind, name_zh, name_en) values (:day, :kind, :zh, :en)
                on conflict (day) do update set kind = excluded.kind, name_zh = excluded.name_zh, name_en = excluded.name_en""")
                .param("day", Date.valueOf(day.day())).param("kind", day.kind().name()).param("zh", day.nameZh().strip())
                .param("en", day.nameEn().strip())
                .update();
        audit.record(administrator.username(), "casework.calendar-declared", day.day().toString(), day.kind().name());
        reloadAfterCommit();
        return day;
    }

    /** Removes a declared day; answers whether one was declared (nothing changes, and nothing is recorded, when not). */
    @Transactional
    public boolean remove(LocalDate day, StaffMember administrator) {
        administrator.requireProvinceAdministrator("the working calendar");
        int removed = jdbc.sql("delete from working_calendar_exception where day = :day").param("day", Date.valueOf(day)).update();
        if (removed == 0) {
            return false;
        }
        audit.record(administrator.username(), "casework.calendar-removed", day.toString(), null);
        reloadAfterCommit();
        return true;
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                current = null;
                events.publishEvent(new Changed());
            }
        });
    }
}
