package org.onewindow.casework.casefile;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * A migration (run once, by Flyway, before the platform serves): applications stored before their
 * due and at-risk dates were, and decisions made before their facts were, get them, computed
 * with the calendar as it is ({@link StoredDates}).
 * It used to run at every start; as a migration it costs nothing after the first.
 */
@Component
public class DatesOfEarlierApplications implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2026.12.01.1000");
    }

    @Override
    public String getDescription() {
        return "casework dates of earlier applications";
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        complete(JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true)));
    }

    /** Answers how many applications got their dates and how many decisions their facts. */
    public record Completed(int dueDates, int decisionFacts) {
    }

    public static Completed complete(JdbcClient jdbc) {
        WorkingDayCalendar calendar = WorkingCalendar.load(jdbc);
        return new Completed(StoredDates.dueDates(jdbc, calendar, true), StoredDates.decisionFacts(jdbc, calendar));
    }
}
