package org.onewindow.casework.ratings;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.RatingView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Ratings of closed applications and the follow-up of bad ones. */
@Repository
class RatingRepository {

    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            a.number, r.score, r.reasons, r.rated_at, r.follow_up_due, r.answer, r.answered_by, r.answered_at
            from rating r join application a on a.id = r.application_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RatingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** False when the application was rated already. */
    public boolean insert(UUID applicationId, int score, List<String> reasons, String ratedBy, Instant at, LocalDate followUpDue) {
        return jdbc.sql("""
                insert into rating (application_id, score, reasons, rated_by, rated_at, follow_up_due)
                values (:id, :score, cast(:reasons as jsonb), :by, :at, :due) on conflict do nothing""")
                .param("id", applicationId).param("score", score).param("reasons", json.writeValueAsString(reasons))
                .param("by", ratedBy).param("at", Timestamp.from(at)).param("due", followUpDue == null ? null : Date.valueOf(followUpDue))
                .update() == 1;
    }

    /** False when there is nothing to answer (no bad rating, or answered already). */
    public boolean answer(UUID applicationId, String answer, String by, Instant at) {
        return jdbc.sql("""
                update rating set answer = :answer, answered_by = :by, answered_at = :at
                where application_id = :id and follow_up_due is not null and answer is null""")
                .param("id", applicationId).param("answer", answer).param("by", by).param("at", Timestamp.from(at))
                .update() == 1;
    }

    public Optional<RatingView> find(UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + " where r.application_id = :id").param("id", applicationId).query(this::rating).optional();
    }

    /** Bad ratings still waiting for an answer, in the regions whose codes start with the prefix, most urgent first. */
    public List<RatingView> openFollowUps(String regionPrefix) {
        return jdbc.sql("select " + COLUMNS + " where r.follow_up_due is not null and r.answer is null"
                        + " and a.region_code like :prefix || '%' order by r.follow_up_due, a.number")
                .param("prefix", regionPrefix).query(this::rating).list();
    }

    private RatingView rating(ResultSet rs, int row) throws SQLException {
        Date due = rs.getDate("follow_up_due");
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        return new RatingView(rs.getString("number"), rs.getInt("score"), json.readValue(rs.getString("reasons"), REASONS),
                rs.getTimestamp("rated_at").toInstant(), due == null ? null : due.toLocalDate(), rs.getString("answer"),
                rs.getString("answered_by"), answeredAt == null ? null : answeredAt.toInstant());
    }
}
