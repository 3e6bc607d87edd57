package org.onewindow.casework.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.BundleApplicationView;
import org.onewindow.casework.casefile.CaseFiles;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.LifeEventBundle;
import org.onewindow.catalog.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Life events applied for at once, and the applications each was split into. */
@Repository
class BundleStore {

    private final JdbcClient jdbc;
    private final CaseFiles files;
    private final CatalogService catalog;

    BundleStore(JdbcClient jdbc, CaseFiles files, CatalogService catalog) {
        this.jdbc = jdbc;
        this.files = files;
        this.catalog = catalog;
    }

    /** A submitted life event and the numbers of the applications it was split into. */
    record Bundle(UUID id, String number, String bundleCode, String applicant, String submittedBy, List<String> applicationNumbers) {
    }

    void insert(UUID id, String number, String bundleCode, String applicant, String submittedBy, String key) {
        jdbc.sql("""
                insert into application_bundle (id, number, bundle_code, applicant, submitted_by, idempotency_key)
                values (:id, :number, :code, :applicant, :by, :key)""")
                .param("id", id).param("number", number).param("code", bundleCode).param("applicant", applicant)
                .param("by", submittedBy).param("key", key)
                .update();
    }

    Optional<Bundle> find(String number) {
        return jdbc.sql("select id, number, bundle_code, applicant, submitted_by from application_bundle where number = :number")
                .param("number", number)
                .query((rs, n) -> new Bundle(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("bundle_code"),
                        rs.getString("applicant"), rs.getString("submitted_by"), List.of()))
                .optional()
                .map(b -> new Bundle(b.id(), b.number(), b.bundleCode(), b.applicant(), b.submittedBy(),
                        jdbc.sql("select number from application where bundle_id = :id order by number").param("id", b.id())
                                .query(String.class).list()));
    }

    void recordFingerprint(UUID id, String fingerprint) {
        jdbc.sql("update application_bundle set request_fingerprint = :fingerprint where id = :id")
                .param("fingerprint", fingerprint).param("id", id).update();
    }

    Optional<String> fingerprintOf(String submittedBy, String key) {
        return jdbc.sql("select request_fingerprint from application_bundle where submitted_by = :by and idempotency_key = :key")
                .param("by", submittedBy).param("key", key).query(String.class).optional();
    }

    Optional<Bundle> findByKey(String submittedBy, String key) {
        return jdbc.sql("select number from application_bundle where submitted_by = :by and idempotency_key = :key")
                .param("by", submittedBy).param("key", key).query(String.class).optional().flatMap(this::find);
    }

    /** The life event followed together: done when every one of its applications is decided. */
    BundleApplicationView view(Bundle bundle) {
        List<ApplicationView> members = bundle.applicationNumbers().stream().map(n -> files.view(files.reload(n))).toList();
        LocalizedText name = catalog.publishedBundles().stream().filter(b -> b.code().equals(bundle.bundleCode())).findFirst()
                .map(LifeEventBundle::name).orElse(null);
        boolean done = !members.isEmpty() && members.stream().allMatch(m -> m.state().isDecided());
        return new BundleApplicationView(bundle.number(), bundle.bundleCode(), name, bundle.applicant(), members, done);
    }
}
