package org.onewindow.casework.notifications;

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

    public void write(String recipient, String channel, String number, String step, ApplicationState state, java.time.Instant at) {
        jdbc.sql("""
                insert into notification (recipient, channel, application_number, step, state_after, step_at)
                values (:recipient, :channel, :number, :step, :state, :at)
                on conflict do nothing""")
                .param("recipient", recipient).param("channel", channel).param("number", number)
                .param("step", step).param("state", state.name()).param("at", Timestamp.from(at))
                .update();
    }

    /**
     * The newest messages of a person's inbox, with the item each is about and how many reasons
     * its step gave (the number of things a correction asks for, say).
     */
    public List<Notification> inbox(String recipient, int limit) {
        return jdbc.sql("""
                select n.application_number, n.step, n.state_after, n.step_at, n.read_at, a.item_code,
                       coalesce((select jsonb_array_length(s.reasons) from application_step s
                                 where s.application_id = a.id and s.step = n.step and s.at = n.step_at
                                 order by s.id desc limit 1), 0) as reasons
                from notification n left join application a on a.number = n.application_number
                where n.recipient = :r and n.channel = 'INBOX' order by n.step_at desc, n.id desc limit :limit""")
                .param("r", recipient).param("limit", limit)
                .query((rs, n) -> new Notification(rs.getString("application_number"), rs.getString("item_code"), rs.getString("step"),
                        ApplicationState.valueOf(rs.getString("state_after")), rs.getTimestamp("step_at").toInstant(),
                        rs.getTimestamp("read_at") != null, rs.getInt("reasons")))
                .list();
    }

    /** One message in a person's inbox: the step of an application of an item, and how many reasons the step gave. */
    public record Notification(String applicationNumber, String itemCode, String step, ApplicationState stateAfter, java.time.Instant at,
                               boolean read, int reasons) {
    }
    /**
     * The newest messages of the outboxes of the gateways (SMS, e-mail), delivered or not, for
     * administrators to check what was sent; one channel or (null) both; about applications of
     * the regions whose codes start with the prefix (an administrator's part of the tree).
     */
    public List<OutboxMessage> outbox(String channel, String regionPrefix, int limit) {
        return jdbc.sql("""
                select n.* from notification n
                where n.channel in ('SMS', 'EMAIL') and (cast(:channel as text) is null or n.channel = cast(:channel as text))
                  and exists (select 1 from application a where a.number = n.application_number and a.region_code like :p || '%')
                order by n.created_at desc, n.id desc limit :limit""")
                .param("channel", channel).param("p", regionPrefix).param("limit", limit)
                .query(NotificationLog::outboxMessage)
                .list();
    }

    /**
     * Up to {@code limit} messages of a channel that are due for delivery, locked for this
     * transaction; rows another relay holds are skipped, so two relays never hand over the same
     * message at once.
     */
    List<OutboxMessage> lockDue(String channel, int maxAttempts, int limit) {
        // "channel <> 'INBOX'" repeats the partial index's predicate, so that a generic plan of
        // this prepared statement (channel unknown) can still use the index
        return jdbc.sql("""
                select * from notification
                where channel = :channel and channel <> 'INBOX' and delivered_at is null and attempts < :max
                  and coalesce(next_attempt_at, '-infinity') <= now()
                order by id limit :limit
                for update skip locked""")
                .param("channel", channel).param("max", maxAttempts).param("limit", limit)
                .query(NotificationLog::outboxMessage)
                .list();
    }

    void delivered(long id) {
        jdbc.sql("update notification set delivered_at = now(), attempts = attempts + 1, last_error = null where id = :id")
                .param("id", id).update();
    }

    void failed(long id, String error, java.time.Duration retryAfter) {
        jdbc.sql("""
                update notification set attempts = attempts + 1, last_error = :error,
                    next_attempt_at = now() + cast(:seconds || ' seconds' as interval)
                where id = :id""")
                .param("id", id).param("error", error).param("seconds", Long.toString(retryAfter.toSeconds())).update();
    }

    private static OutboxMessage outboxMessage(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new OutboxMessage(rs.getLong("id"), rs.getString("recipient"), rs.getString("channel"), rs.getString("application_number"),
                rs.getString("step"), ApplicationState.valueOf(rs.getString("state_after")), rs.getTimestamp("step_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant(), rs.getInt("attempts"),
                rs.getString("last_error"));
    }

    /**
     * One message of an outbox, with its delivery so far; the recipient is as stored (a user
     * name) and must be masked where it could be personal data. The id is the message's identity
     * for a gateway that must not send it twice.
     */
    public record OutboxMessage(long id, String recipient, String channel, String applicationNumber, String step,
                                ApplicationState stateAfter, java.time.Instant stepAt, java.time.Instant writtenAt,
                                java.time.Instant deliveredAt, int attempts, String lastError) {

        /** No gateway took it after every try: it needs a person (a wrong number, a gateway down for hours). */
        public boolean failed() {
            return deliveredAt == null && attempts >= OutboxRelay.MAX_ATTEMPTS;
        }
    }
}
