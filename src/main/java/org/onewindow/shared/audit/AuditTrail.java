package org.onewindow.shared.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who did what to whom, kept in the database in a hash chain (chain "audit", decision 0006).
 * Reads of another person's data are recorded here too, with their purpose, so that a citizen
 * can later be told who looked at their records and why. The request id is the platform's own
 * (RequestLogFilter); an id the client sent is kept beside it, never instead of it.
 */
@Component
public class AuditTrail {

    /** The logging context's keys the request filter fills. */
    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_REQUEST_ID = "clientRequestId";

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("""
                insert into audit_event (actor, action, subject, detail, request_id, client_request_id)
                values (:actor, :action, :subject, :detail, :requestId, :clientRequestId)""")
                .param("actor", actor)
                .param("action", action)
                .param("subject", subject)
                .param("detail", detail)
                .param("requestId", MDC.get(REQUEST_ID))
                .param("clientRequestId", MDC.get(CLIENT_REQUEST_ID))
                .update();
    }

    /**
     * Reads of other people's data by one actor for one purpose, one row per person read (with
     * what was read, e.g. the application numbers), in one statement. A person reading their own
     * data is not recorded.
     */
    public void recordReads(String actor, ReadPurpose purpose, Map<String, String> detailBySubject) {
        List<Map.Entry<String, String>> others = detailBySubject.entrySet().stream()
                .filter(e -> e.getKey() != null && !e.getKey().equals(actor))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        if (others.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into audit_event (actor, action, subject, detail, purpose, request_id, client_request_id)
                select :actor, :action, r.subject, r.detail, :purpose, :requestId, :clientRequestId
                from unnest(cast(:subjects as text[]), cast(:details as text[])) with ordinality as r(subject, detail, n)
                order by r.n""")
                .param("actor", actor)
                .param("action", purpose.action())
                .param("purpose", purpose.code())
                .param("subjects", others.stream().map(Map.Entry::getKey).toArray(String[]::new))
                .param("details", others.stream().map(Map.Entry::getValue).toArray(String[]::new))
                .param("requestId", MDC.get(REQUEST_ID))
                .param("clientRequestId", MDC.get(CLIENT_REQUEST_ID))
                .update();
    }

    public void recordRead(String actor, ReadPurpose purpose, String subject, String detail) {
        recordReads(actor, purpose, Map.of(subject, detail == null ? "" : detail));
    }

    /** Reads of a person's data by others, newest first. */
    public List<Read> readsOf(String subject, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor, purpose, detail from audit_event
                where subject = :subject and purpose is not null and actor <> :subject
                order by id desc limit :limit""")
                .param("subject", subject).param("limit", limit)
                .query((rs, n) -> new Read(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("purpose"), rs.getString("detail")))
                .list();
    }

    /**
     * One read of a person's data: the audit record's number (which a person can quote in a
     * complaint), when, by whom (a user name), why (a purpose code) and what (e.g. application numbers).
     */
    public record Read(long record, Instant at, String actor, String purpose, String detail) {
    }

    /** Joins details read together for one subject, e.g. the application numbers of one person on a list. */
    public static String details(Collection<String> details) {
        return String.join(" ", details.stream().distinct().sorted().toList());
    }
}
