package org.onewindow.casework.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.BundleApplicationView;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.HeldDocument;
import org.onewindow.casework.MaterialFile;
import org.onewindow.casework.Submission;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.upload.CheckedFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's facade: a new application goes to {@link Submissions}, everything after to {@link ApplicantSteps}. */
@Service
class CaseworkFacade implements CaseworkService {

    private final Submissions submissions;
    private final ApplicantSteps steps;

    CaseworkFacade(Submissions submissions, ApplicantSteps steps) {
        this.submissions = submissions;
        this.steps = steps;
    }

    @Override
    public Submission submitOnline(String applicant, String itemCode, String regionCode, Map<String, Object> form, String idempotencyKey) {
        return submissions.online(applicant, itemCode, regionCode, form, idempotencyKey);
    }

    @Override
    public Submission submitAtWindow(StaffMember clerk, ResidentIdNumber idNumber, String name, MobilePhoneNumber phone, String itemCode,
                                     String regionCode, Map<String, Object> form, String idempotencyKey) {
        return submissions.atWindow(clerk, idNumber, name, phone, itemCode, regionCode, form, idempotencyKey);
    }

    @Override
    public Submission submitAsProxy(String proxy, String principal, String itemCode, String regionCode, Map<String, Object> form,
                                    String idempotencyKey) {
        return submissions.asProxy(proxy, principal, itemCode, regionCode, form, idempotencyKey);
    }

    @Override
    public BundleApplicationView submitBundle(String applicant, String bundleCode, String regionCode,
                                              Map<String, Map<String, Object>> forms, String idempotencyKey) {
        return submissions.bundle(applicant, bundleCode, regionCode, forms, idempotencyKey);
    }

    @Override
    public ApplicationView follow(String number, String viewer, Optional<StaffMember> staff) {
        return steps.follow(number, viewer, staff);
    }

    @Override
    public BundleApplicationView followBundle(String number, String viewer, Optional<StaffMember> staff) {
        return steps.followBundle(number, viewer, staff);
    }

    @Override
    public ApplicationView withdraw(String number, String actor) {
        return steps.withdraw(number, actor);
    }

    @Override
    public ApplicationView answerCorrection(String number, String actor, Map<String, Object> correctedForm) {
        return steps.answerCorrection(number, actor, correctedForm);
    }

    @Override
    public ApplicationView uploadMaterial(String number, String actor, String materialCode, CheckedFile file) {
        return steps.uploadMaterial(number, actor, materialCode, file);
    }

    @Override
    @Transactional
    public Submission submitOnline(String applicant, String itemCode, String regionCode, Map<String, Object> form,
                                   Map<String, CheckedFile> documents, String idempotencyKey) {
        Submission submission = submissions.online(applicant, itemCode, regionCode, form, idempotencyKey);
        if (!submission.created() || documents.isEmpty()) {
            return submission;
        }
        return new Submission(steps.uploadMaterialsOfSubmission(submission.application().number(), applicant, documents), true);
    }

    @Override
    public ApplicationView uploadMaterials(String number, String actor, Map<String, CheckedFile> documents) {
        return steps.uploadMaterials(number, actor, documents);
    }

    @Override
    public ApplicationView answerCorrection(String number, String actor, Map<String, Object> correctedForm,
                                            Map<String, CheckedFile> documents) {
        return steps.answerCorrection(number, actor, correctedForm, documents);
    }

    @Override
    public MaterialFile openMaterial(String number, String viewer, Optional<StaffMember> staff, String materialCode) {
        return steps.openMaterial(number, viewer, staff, materialCode);
    }

    @Override
    public ApplicationView reuseMaterial(String number, String actor, String materialCode, String fromApplication,
                                         String fromMaterialCode) {
        return steps.reuseMaterial(number, actor, materialCode, fromApplication, fromMaterialCode);
    }

    @Override
    public List<HeldDocument> documentsHeldBy(String applicant) {
        return steps.documentsHeldBy(applicant);
    }
}
