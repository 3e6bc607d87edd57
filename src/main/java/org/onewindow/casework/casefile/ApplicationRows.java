package org.onewindow.casework.casefile;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.casework.model.Application;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an {@code application} row into the aggregate. Every capability writes its own queries
 * over the table (the worklist, the time limits, a person's list) and reads the rows with this.
 */
@Component
public class ApplicationRows implements RowMapper<Application> {

    static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {
    };

    private final JsonMapper json;

    ApplicationRows(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Application mapRow(ResultSet rs, int row) throws SQLException {
        return new Application(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("item_code"),
                rs.getInt("item_version"), rs.getString("region_code"), rs.getString("applicant"), rs.getString("submitted_by"),
                SubmissionChannel.valueOf(rs.getString("channel")), rs.getInt("promised_days"),
                json.readValue(rs.getString("form"), FORM), ApplicationState.valueOf(rs.getString("state")),
                localDate(rs.getDate("accepted_on")), localDate(rs.getDate("paused_since")), rs.getInt("paused_working_days"),
                rs.getInt("version"));
    }

    /** A row with the moment it came in, for lists. */
    public Listed listed(ResultSet rs, int row) throws SQLException {
        return new Listed(mapRow(rs, row), rs.getTimestamp("created_at").toInstant());
    }

    /** An application with the moment it came in, for lists. */
    public record Listed(Application application, java.time.Instant submittedAt) {
    }

    public static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
