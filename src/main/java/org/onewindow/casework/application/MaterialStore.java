package org.onewindow.casework.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.HeldDocument;
import org.onewindow.casework.MaterialFile;
import org.onewindow.casework.MaterialSummary;
import org.onewindow.casework.model.Application;
import org.onewindow.shared.pii.PersonalDataCipher;
import org.onewindow.shared.upload.CheckedFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The documents handed in with applications, content included, and what a person already holds.
 * The content is kept encrypted like the identifiers in it; rows from before encryption are read
 * as they were written until {@link LegacyDocuments} has encrypted them.
 */
@Repository
class MaterialStore {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    MaterialStore(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Application a, String materialCode, CheckedFile file, String actor) {
        jdbc.sql("""
                insert into application_material (id, application_id, material_code, file_name, content_type, size_bytes, sha256,
                    content, content_encrypted, uploaded_by)
                values (:id, :application, :code, :name, :type, :size, :sha, :content, true, :actor)""")
                .param("id", UUID.randomUUID()).param("application", a.id()).param("code", materialCode)
                .param("name", file.fileName()).param("type", file.contentType()).param("size", file.size())
                .param("sha", file.sha256()).param("content", cipher.encryptDocument(file.content())).param("actor", actor)
                .update();
    }

    /** The size of the newest document of that kind in an application, if it has one. */
    Optional<Integer> newestSize(Application a, String materialCode) {
        return jdbc.sql("""
                select size_bytes from application_material where application_id = :application and material_code = :code
                order by uploaded_at desc limit 1""")
                .param("application", a.id()).param("code", materialCode)
                .query(Integer.class).optional();
    }

    /**
     * Copies a document of one application to another of the same person, content included (as
     * stored, encrypted or not), so that each application keeps its own evidence. Empty when the
     * source has no such document.
     */
    Optional<String> copy(Application source, String sourceCode, Application target, String targetCode, String actor) {
        return jdbc.sql("""
                insert into application_material (id, application_id, material_code, file_name, content_type, size_bytes, sha256,
                    content, content_encrypted, uploaded_by)
                select :id, :target, :code, file_name, content_type, size_bytes, sha256, content, content_encrypted, :actor
                from application_material where application_id = :source and material_code = :sourceCode
                order by uploaded_at desc limit 1
                returning file_name""")
                .param("id", UUID.randomUUID()).param("target", target.id()).param("code", targetCode).param("actor", actor)
                .param("source", source.id()).param("sourceCode", sourceCode)
                .query(String.class).optional();
    }

    /** The newest document of that kind in an application, decrypted. */
    Optional<MaterialFile> open(Application a, String materialCode) {
        return jdbc.sql("""
                select file_name, content_type, content, content_encrypted from application_material
                where application_id = :application and material_code = :code order by uploaded_at desc limit 1""")
                .param("application", a.id()).param("code", materialCode)
                .query((rs, n) -> {
                    byte[] stored = rs.getBytes("content");
                    byte[] content = rs.getBoolean("content_encrypted") ? cipher.decryptDocument(stored) : stored;
                    return new MaterialFile(rs.getString("file_name"), rs.getString("content_type"), content);
                })
                .optional();
    }

    /** Encrypts up to {@code batch} documents still kept in clear; how many it encrypted. */
    int encryptSomeInClear(int batch) {
        record InClear(UUID id, byte[] content) {
        }
        List<InClear> found = jdbc.sql("select id, content from application_material where not content_encrypted limit :batch")
                .param("batch", batch)
                .query((rs, n) -> new InClear(rs.getObject("id", UUID.class), rs.getBytes("content")))
                .list();
        int encrypted = 0;
        for (InClear row : found) {
            // "and not content_encrypted": another node may have encrypted it meanwhile
            encrypted += jdbc.sql("update application_material set content = :content, content_encrypted = true "
                            + "where id = :id and not content_encrypted")
                    .param("content", cipher.encryptDocument(row.content())).param("id", row.id())
                    .update();
        }
        return encrypted;
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
