package org.onewindow.casework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.upload.CheckedFile;

/**
 * Applications from the applicant's side, as the rest of the platform asks for them: apply
 * online, at a window or for someone else, alone or as a whole life event; follow the case,
 * answer a correction, hand in documents, withdraw. The office's steps are casework's own
 * ({@code office}); what happens to an application is announced with {@link ApplicationSubmitted},
 * {@link ApplicationDecided}, {@link ApplicationClosed} and {@link ServiceRated}.
 */
public interface CaseworkService {

    /**
     * Submits an application online. A retry with the same idempotency key (a double click, a
     * lost answer) returns the application the first try made instead of making a second one.
     */
    Submission submitOnline(String applicant, String itemCode, String regionCode, Map<String, Object> form, String idempotencyKey);

    /**
     * A clerk at a service window files an application for the person in front of them, for an
     * item of any department (one-window acceptance).
     */
    Submission submitAtWindow(StaffMember clerk, ResidentIdNumber idNumber, String name, MobilePhoneNumber phone, String itemCode,
                              String regionCode, Map<String, Object> form, String idempotencyKey);

    /** A family member or agent applies in the name of the person who authorized them for this item. */
    Submission submitAsProxy(String proxy, String principal, String itemCode, String regionCode, Map<String, Object> form,
                             String idempotencyKey);

    /** One thing, done once: a life event submitted as one form, split into one application per item. */
    BundleApplicationView submitBundle(String applicant, String bundleCode, String regionCode, Map<String, Map<String, Object>> forms,
                                       String idempotencyKey);

    /** An applicant follows their case; staff of the region may look too, and such a look is recorded. 404 for anyone else. */
    ApplicationView follow(String number, String viewer, Optional<StaffMember> staff);

    BundleApplicationView followBundle(String number, String viewer, Optional<StaffMember> staff);

    ApplicationView withdraw(String number, String actor);

    ApplicationView answerCorrection(String number, String actor, Map<String, Object> correctedForm);

    /**
     * Adds a document the item asks for, within the storage quota of the application and of the
     * person; the file was already checked to be what it claims to be, and is kept encrypted.
     */
    ApplicationView uploadMaterial(String number, String actor, String materialCode, CheckedFile file);

    /**
     * Submits online with the documents the form carried (by material code), all or nothing: a
     * document refused (the storage quota) leaves no application. A retry with the same key adds nothing.
     */
    Submission submitOnline(String applicant, String itemCode, String regionCode, Map<String, Object> form,
                            Map<String, CheckedFile> documents, String idempotencyKey);

    /** Several documents at once (by material code), all or nothing. */
    ApplicationView uploadMaterials(String number, String actor, Map<String, CheckedFile> documents);

    /** Answers a correction with the corrected form and the documents it asked for, as one step: all or nothing. */
    ApplicationView answerCorrection(String number, String actor, Map<String, Object> correctedForm, Map<String, CheckedFile> documents);

    /** The newest document of that kind, decrypted, for whoever may follow the case; staff opening one is recorded. */
    MaterialFile openMaterial(String number, String viewer, Optional<StaffMember> staff, String materialCode);

    /** Data runs instead of people: a document handed in for another application is taken from there. */
    ApplicationView reuseMaterial(String number, String actor, String materialCode, String fromApplication, String fromMaterialCode);

    /** Documents the applicant already handed in, to take into a new application. */
    List<HeldDocument> documentsHeldBy(String applicant);
}
