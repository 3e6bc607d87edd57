package org.onewindow.casework.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.BundleApplicationView;
import org.onewindow.casework.HeldDocument;
import org.onewindow.casework.MaterialFile;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.casefile.ApplicationStore;
import org.onewindow.casework.casefile.CaseFiles;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.ApplicationForm;
import org.onewindow.casework.process.ApplicationProcesses;
import org.onewindow.catalog.CatalogService;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.audit.ReadPurpose;
import org.onewindow.shared.upload.CheckedFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant (or the one acting for them) does with a case once it is in: follow it,
 * answer a correction, hand in or reuse documents, withdraw.
 */
@Service
class ApplicantSteps {

    /** The field a refusal of one of several documents names: {@code materials.<material code>}. */
    static final String DOCUMENT_FIELD = "materials.";

    private final CaseFiles files;
    private final ApplicationStore applications;
    private final MaterialStore materials;
    private final StorageQuota quota;
    private final AuditTrail audit;
    private final BundleStore bundles;
    private final CatalogService catalog;
    private final WorkingCalendar workingCalendar;
    private final ApplicationProcesses processes;
    private final Clock clock;

    ApplicantSteps(CaseFiles files, ApplicationStore applications, MaterialStore materials, StorageQuota quota, AuditTrail audit,
                   BundleStore bundles, CatalogService catalog, WorkingCalendar workingCalendar, ApplicationProcesses processes,
                   Optional<Clock> clock) {
        this.files = files;
        this.applications = applications;
        this.materials = materials;
        this.quota = quota;
        this.audit = audit;
        this.bundles = bundles;
        this.catalog = catalog;
        this.workingCalendar = workingCalendar;
        this.processes = processes;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    ApplicationView follow(String number, String viewer, Optional<StaffMember> staff) {
        CaseFiles.Case found = files.open(number);
        files.requireMayRead(found.application(), viewer, staff);
        return found.view();
    }

    BundleApplicationView followBundle(String number, String viewer, Optional<StaffMember> staff) {
        BundleStore.Bundle bundle = bundles.find(number).orElseThrow(() -> new NotFoundException("application", number));
        if (!viewer.equals(bundle.applicant()) && !viewer.equals(bundle.submittedBy())) {
            bundle.applicationNumbers().forEach(member -> follow(member, viewer, staff));
        }
        return bundles.view(bundle);
    }

    @Transactional
    ApplicationView withdraw(String number, String actor) {
        return step(number, a -> {
            files.requireStillEntitled(a, actor);
            a.withdraw(actor, clock);
            processes.end(a.number(), "withdrawn");
        });
    }

    @Transactional
    ApplicationView answerCorrection(String number, String actor, Map<String, Object> correctedForm) {
        return step(number, a -> {
            catalog.publishedItem(a.itemCode()).ifPresent(item -> {
                var broken = ApplicationForm.check(item.standard().form(), correctedForm);
                if (!broken.isEmpty()) {
                    throw new RuleViolationException(broken);
                }
            });
            files.requireStillEntitled(a, actor);
            a.answerCorrection(actor, correctedForm, clock, workingCalendar.current());
        });
    }

    /** The newest document of that kind, for the applicant's side and the staff who may read the case; staff opening one is recorded. */
    @Transactional
    MaterialFile openMaterial(String number, String viewer, Optional<StaffMember> staff, String materialCode) {
        Application a = files.reload(number);
        files.requireMayRead(a, viewer, staff);
        MaterialFile document = materials.open(a, materialCode).orElseThrow(() -> new NotFoundException("material", materialCode));
        if (!a.isApplicantSide(viewer)) {
            audit.recordRead(viewer, ReadPurpose.DOCUMENT_OPENED, a.applicant(), a.number() + " " + materialCode);
        }
        return document;
    }

    @Transactional
    ApplicationView uploadMaterial(String number, String actor, String materialCode, CheckedFile file) {
        Application a = ownCase(number, actor, materialCode);
        quota.requireRoomFor(a, file.size(), "file");
        a.addMaterial(actor, materialCode, file.fileName(), clock);
        files.store(a);
        materials.insert(a, materialCode, file, actor);
        return files.view(files.reload(number));
    }

    /**
     * Several documents at once (a page's form), all or nothing: one refused by the quota leaves
     * none of them. A refusal names the document's field, {@code materials.<code>}.
     */
    @Transactional
    ApplicationView uploadMaterials(String number, String actor, Map<String, CheckedFile> documents) {
        documents.forEach((code, file) -> {
            Application a = ownCase(number, actor, code);
            quota.requireRoomFor(a, file.size(), DOCUMENT_FIELD + code);
            a.addMaterial(actor, code, file.fileName(), clock);
            files.store(a);
            materials.insert(a, code, file, actor);
        });
        return files.view(files.reload(number));
    }

    /** The documents sent with the application form, in the submission's transaction: they stay with it whatever the rules decided. */
    @Transactional
    ApplicationView uploadMaterialsOfSubmission(String number, String actor, Map<String, CheckedFile> documents) {
        documents.forEach((code, file) -> {
            Application a = files.reload(number);
            requireAsked(a, code);
            quota.requireRoomFor(a, file.size(), DOCUMENT_FIELD + code);
            a.addMaterialOfSubmission(actor, code, file.fileName(), clock);
            files.store(a);
            materials.insert(a, code, file, actor);
        });
        return files.view(files.reload(number));
    }

    /** The documents a correction asked for and the corrected form, as one step: all or nothing. */
    @Transactional
    ApplicationView answerCorrection(String number, String actor, Map<String, Object> correctedForm, Map<String, CheckedFile> documents) {
        uploadMaterials(number, actor, documents);
        return answerCorrection(number, actor, correctedForm);
    }

    /** The copy and the step are one transaction: a closed application rolls the copy back. */
    @Transactional
    ApplicationView reuseMaterial(String number, String actor, String materialCode, String fromApplication, String fromMaterialCode) {
        Application a = ownCase(number, actor, materialCode);
        Application source = applications.findByNumber(fromApplication)
                .filter(found -> found.applicant().equals(a.applicant()))
                .orElseThrow(() -> new RuleViolationException(Violation.of("fromApplication", "material.source-unknown", fromApplication)));
        int size = materials.newestSize(source, fromMaterialCode)
                .orElseThrow(() -> new RuleViolationException(Violation.of("fromMaterialCode", "material.not-held", fromApplication)));
        quota.requireRoomFor(a, size, "fromMaterialCode");
        String fileName = materials.copy(source, fromMaterialCode, a, materialCode, actor)
                .orElseThrow(() -> new RuleViolationException(Violation.of("fromMaterialCode", "material.not-held", fromApplication)));
        a.reuseMaterial(actor, materialCode, fileName, fromApplication, clock);
        return files.save(a);
    }

    java.util.List<HeldDocument> documentsHeldBy(String applicant) {
        return materials.heldBy(applicant);
    }

    /** The applicant's own case, for a document the item asks for; 404 for anyone else's. */
    private Application ownCase(String number, String actor, String materialCode) {
        Application a = files.reload(number);
        if (!a.isApplicantSide(actor)) {
            throw new NotFoundException("application", number);
        }
        files.requireStillEntitled(a, actor);
        requireAsked(a, materialCode);
        return a;
    }

    private void requireAsked(Application a, String materialCode) {
        boolean asked = catalog.publishedItem(a.itemCode())
                .map(item -> item.standard().materials().stream().anyMatch(m -> m.code().equals(materialCode)))
                .orElse(false);
        if (!asked) {
            throw new RuleViolationException(Violation.of("materialCode", "material.not-asked", a.itemCode()));
        }
    }

    private ApplicationView step(String number, Consumer<Application> step) {
        Application a = files.reload(number);
        step.accept(a);
        return files.save(a);
    }
}
