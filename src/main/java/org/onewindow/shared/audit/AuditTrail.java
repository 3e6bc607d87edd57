package org.onewindow.shared.audit;

import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who did what to whom, kept in the database. Reads of another person's data are recorded
 * here too, so that a citizen can later be told who looked at their records and why.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("""
                insert into audit_event (actor, action, subject, detail, request_id)
                values (:actor, :action, :subject, :detail, :requestId)""")
                .param("actor", actor)
                .param("action", action)
                .param("subject", subject)
                .param("detail", detail)
                .param("requestId", MDC.get("requestId"))
                .update();
    }
}
