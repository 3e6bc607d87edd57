package org.onewindow.casework.application;

import org.onewindow.casework.model.Application;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How much one application and one person may keep in documents ({@code onewindow.uploads.quota.*}).
 * Counted in the database, where the documents are, so that every node sees the same total; a
 * lock per person, held until the transaction that adds the document ends, keeps two uploads at
 * once (on any nodes) from both fitting into the last free space.
 */
@Component
class StorageQuota {

    private final JdbcClient jdbc;
    private final long perApplication;
    private final long perPerson;

    StorageQuota(JdbcClient jdbc, @Value("${onewindow.uploads.quota.per-application}") DataSize perApplication,
                 @Value("${onewindow.uploads.quota.per-person}") DataSize perPerson) {
        this.jdbc = jdbc;
        this.perApplication = perApplication.toBytes();
        this.perPerson = perPerson.toBytes();
    }

    /** Must run in the transaction that adds the document. */
    void requireRoomFor(Application a, long bytes, String field) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('application_material:' || :applicant, 0))) locked")
                .param("applicant", a.applicant()).query(Integer.class).single();
        long inApplication = jdbc.sql("select coalesce(sum(size_bytes), 0) from application_material where application_id = :id")
                .param("id", a.id()).query(Long.class).single();
        if (inApplication + bytes > perApplication) {
            throw new RuleViolationException(Violation.of(field, "material.application-quota", megabytes(perApplication)));
        }
        long ofPerson = jdbc.sql("""
                select coalesce(sum(m.size_bytes), 0) from application_material m join application a on a.id = m.application_id
                where a.applicant = :applicant""")
                .param("applicant", a.applicant()).query(Long.class).single();
        if (ofPerson + bytes > perPerson) {
            throw new RuleViolationException(Violation.of(field, "material.person-quota", megabytes(perPerson)));
        }
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
