package org.onewindow.casework.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.HeldDocument;
import org.onewindow.casework.MaterialFile;
import org.onewindow.casework.MaterialSummary;
import org.onewindow.casework.model.Application;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The documents handed in with applications, content included, and what a person already holds. */
@Repository
class MaterialStore {

    private final JdbcClient jdbc;

    MaterialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Application a, String materialCode, MaterialFile file, String actor) {
        jdbc.sql("""
                insert into application_material (id, application_id, material_code, file_name, content_type, size_bytes, sha256,
                    content, uploaded_by)
                values (:id, :application, :code, :name, :type, :size, :sha, :content, :actor)""")
                .param("id", UUID.randomUUID()).param("application", a.id()).param("code", materialCode)
                .param("name", file.fileName()).param("type", file.contentType()).param("size", file.content().length)
                .param("sha", file.sha256()).param("content", file.content()).param("actor", actor)
                .update();
    }

    /**
     * Copies a document of one application to another of the same person, content included, so
     * that each application keeps its own evidence. Empty when the source has no such document.
     */
    Optional<String> copy(Application source, String sourceCode, Application target, String targetCode, String actor) {
        return jdbc.sql("""
                insert into application_material (id, application_id, material_code, file_name, content_type, size_bytes, sha256,
                    content, uploaded_by)
                select :id, :target, :code, file_name, content_type, size_bytes, sha256, content, :actor
                from application_material where application_id = :source and material_code = :sourceCode
                order by uploaded_at desc limit 1
                returning file_name""")
                .param("id", UUID.randomUUID()).param("target", target.id()).param("code", targetCode).param("actor", actor)
                .param("source", source.id()).param("sourceCode", sourceCode)
                .query(String.class).optional();
    }

    /** The documents a person has handed in with any application, newest first: what they need not hand in again. */
    List<HeldDocument> heldBy(String applicant) {
        return jdbc.sql("""
                select a.number, m.material_code, m.file_name, m.content_type, m.size_bytes, m.sha256, m.uploaded_at
                from application_material m join application a on a.id = m.application_id
                where a.applicant = :applicant order by m.uploaded_at desc limit 100""")
                .param("applicant", applicant)
                .query((rs, n) -> new HeldDocument(rs.getString("number"), new MaterialSummary(rs.getString("material_code"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toInstant())))
                .list();
    }
}
