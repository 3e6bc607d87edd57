package org.onewindow.casework.notify;

import java.sql.Timestamp;
import java.util.List;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.ApplicationStepTaken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification table: the inbox, and the SMS outbox a gateway adapter would send from. */
@Repository
public class NotificationLog {

    private final JdbcClient jdbc;

    NotificationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who gets a message, on which channel. */
    record Addressee(String recipient, String channel) {
    }

    /** The messages about one step, in one statement. */
    void write(ApplicationStepTaken step, List<Addressee> addressees) {
        if (addressees.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into notification (recipient, channel, application_number, step, state_after, step_at)
                select m.recipient, m.channel, :number, :step, :state, :at
                from unnest(cast(:recipients as text[]), cast(:channels as text[])) with ordinality as m(recipient, channel, n)
                order by m.n
                on conflict do nothing""")
                .param("recipients", addressees.stream().map(Addressee::recipient).toArray(String[]::new))
                .param("channels", addressees.stream().map(Addressee::channel).toArray(String[]::new))
                .param("number", step.number()).param("step", step.step()).param("state", step.stateAfter().name())
                .param("at", Timestamp.from(step.at()))
                .update();
    }

    void write(String recipient, String channel, String number, String step, ApplicationState state, java.time.Instant at) {
        jdbc.sql("""
                insert into notification (recipient, channel, application_number, step, state_after, step_at)
                values (:recipient, :channel, :number, :step, :state, :at)
                on conflict do nothing""")
                .param("recipient", recipient).param("channel", channel).param("number", number)
                .param("step", step).param("state", state.name()).param("at", Timestamp.from(at))
                .update();
    }

    public List<Notification> inbox(String recipient) {
        return jdbc.sql("""
                select application_number, step, state_after, step_at, read_at from notification
                where recipient = :r and channel = 'INBOX' order by step_at desc, id desc limit 100""")
                .param("r", recipient)
                .query((rs, n) -> new Notification(rs.getString("application_number"), rs.getString("step"),
                        ApplicationState.valueOf(rs.getString("state_after")), rs.getTimestamp("step_at").toInstant(),
                        rs.getTimestamp("read_at") != null))
                .list();
    }

    /** One message in a person's inbox. */
    public record Notification(String applicationNumber, String step, ApplicationState stateAfter, java.time.Instant at, boolean read) {
    }
    /**
     * The newest messages waiting in the outboxes of the gateways (SMS, e-mail), for
     * administrators to check what was sent; one channel or (null) both.
     */
    public List<OutboxMessage> outbox(String channel, int limit) {
        return jdbc.sql("""
                select recipient, channel, application_number, step, state_after, step_at, created_at from notification
                where channel in ('SMS', 'EMAIL') and (cast(:channel as text) is null or channel = cast(:channel as text))
                order by created_at desc, id desc limit :limit""")
                .param("channel", channel).param("limit", limit)
                .query((rs, n) -> new OutboxMessage(rs.getString("recipient"), rs.getString("channel"),
                        rs.getString("application_number"), rs.getString("step"), ApplicationState.valueOf(rs.getString("state_after")),
                        rs.getTimestamp("step_at").toInstant(), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** One message of an outbox; the recipient is as stored (a user name) and must be masked where it could be personal data. */
    public record OutboxMessage(String recipient, String channel, String applicationNumber, String step, ApplicationState stateAfter,
                                java.time.Instant stepAt, java.time.Instant writtenAt) {
    }
}
