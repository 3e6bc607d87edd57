package org.onewindow.casework.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
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
import org.onewindow.identity.ValidMobilePhone;
import org.onewindow.identity.ValidResidentIdNumber;
import org.onewindow.shared.pii.PersonalDataMask;
import org.onewindow.shared.upload.UploadInspection;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Applicants apply (online, at a window through a clerk, for someone else, for a whole life event) and follow their case. */
@RestController
@RequestMapping("/api/v1/casework/applications")
@Tag(name = "casework", description = "Applications for service items and their lifecycle")
class ApplicationApi {

    static final String IDEMPOTENCY_KEY = "^[A-Za-z0-9._:-]{8,80}$";

    private final CaseworkService casework;
    private final UploadInspection uploads;

    ApplicationApi(CaseworkService casework, UploadInspection uploads) {
        this.casework = casework;
        this.uploads = uploads;
    }

    @PostMapping
    @Operation(summary = "Apply online, for oneself or (onBehalfOf) for someone who authorized you. Send an Idempotency-Key header: "
            + "a retry with the same key returns the first application")
    ResponseEntity<ApplicationView> apply(@RequestHeader("Idempotency-Key") @Pattern(regexp = IDEMPOTENCY_KEY) String idempotencyKey,
                                          @Valid @RequestBody NewApplication request, Authentication who) {
        var submission = request.onBehalfOf() == null || request.onBehalfOf().isBlank()
                ? casework.submitOnline(who.getName(), request.itemCode(), request.regionCode(), request.form(), idempotencyKey)
                : casework.submitAsProxy(who.getName(), request.onBehalfOf(), request.itemCode(), request.regionCode(), request.form(),
                        idempotencyKey);
        return answer(submission);
    }

    @PostMapping("/at-window")
    @Operation(summary = "A clerk files an application for the person at the window, identified by their resident ID number")
    ResponseEntity<ApplicationView> applyAtWindow(@RequestHeader("Idempotency-Key") @Pattern(regexp = IDEMPOTENCY_KEY) String idempotencyKey,
                                                  @Valid @RequestBody WindowApplication request, StaffMember me) {
        Person person = request.applicant();
        var submission = casework.submitAtWindow(me, ResidentIdNumber.parse(person.idNumber()), person.name(),
                person.phone() == null || person.phone().isBlank() ? null : MobilePhoneNumber.parse(person.phone()),
                request.itemCode(), request.regionCode(), request.form(), idempotencyKey);
        return answer(submission);
    }

    @PostMapping("/bundles")
    @Operation(summary = "Apply for a whole life event at once: one submission, one application per item, followed together")
    ResponseEntity<BundleApplicationView> applyForBundle(
            @RequestHeader("Idempotency-Key") @Pattern(regexp = IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @RequestBody NewBundleApplication request, Authentication who) {
        var bundle = casework.submitBundle(who.getName(), request.bundleCode(), request.regionCode(), request.forms(), idempotencyKey);
        return ResponseEntity.status(201).body(bundle);
    }

    @GetMapping("/bundles/{number}")
    @Operation(summary = "Follow a life event: its applications and whether all are decided")
    BundleApplicationView followBundle(@PathVariable String number, Authentication who, Optional<StaffMember> staff) {
        return casework.followBundle(number, who.getName(), staff);
    }

    @GetMapping("/{number}")
    @Operation(summary = "Follow an application: where it stands, by when, every step")
    ApplicationView follow(@PathVariable String number, Authentication who, Optional<StaffMember> staff) {
        return casework.follow(number, who.getName(), staff);
    }

    @PostMapping("/{number}/withdrawal")
    @Operation(summary = "Withdraw an application before it is decided (applicant)")
    ApplicationView withdraw(@PathVariable String number, Authentication who) {
        return casework.withdraw(number, who.getName());
    }

    @PostMapping("/{number}/correction")
    @Operation(summary = "Answer a request for correction with the corrected form (applicant)")
    ApplicationView answerCorrection(@PathVariable String number, @Valid @RequestBody Correction correction, Authentication who) {
        return casework.answerCorrection(number, who.getName(), correction.form());
    }

    @PostMapping(path = "/{number}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Hand in a document the item asks for: a PDF (no scripts, launch actions or attachments) or a JPEG or PNG "
            + "image (within the pixel limit), checked by its content, kept encrypted, within the storage quota")
    ResponseEntity<ApplicationView> uploadMaterial(@PathVariable String number,
                                                   @RequestParam @NotBlank @Size(max = 60) String materialCode,
                                                   @RequestPart("file") MultipartFile file, Authentication who) throws IOException {
        var checked = uploads.inspect("file", file.getOriginalFilename(), file.getContentType(), file.getBytes());
        return ResponseEntity.status(201).body(casework.uploadMaterial(number, who.getName(), materialCode, checked));
    }

    @GetMapping("/{number}/materials/{materialCode}/file")
    @Operation(summary = "Open the newest document of a kind handed in with an application (the applicant's side, or staff who may "
            + "read the case; staff opening it is recorded)")
    ResponseEntity<byte[]> openMaterial(@PathVariable String number, @PathVariable String materialCode, Authentication who,
                                        Optional<StaffMember> staff) {
        MaterialFile document = casework.openMaterial(number, who.getName(), staff, materialCode);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                // never shown inside the platform's pages, never kept by a shared cache
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(document.content());
    }

    @PostMapping("/{number}/materials/reuse")
    @Operation(summary = "Take a document you already handed in with another of your applications instead of uploading it again")
    ApplicationView reuseMaterial(@PathVariable String number, @Valid @RequestBody MaterialReuse reuse, Authentication who) {
        return casework.reuseMaterial(number, who.getName(), reuse.materialCode(), reuse.fromApplication(), reuse.fromMaterialCode());
    }

    @GetMapping("/documents")
    @Operation(summary = "Documents you handed in with your applications: the platform holds them, so you need not hand them in again")
    List<HeldDocument> documents(Authentication who) {
        return casework.documentsHeldBy(who.getName());
    }

    /** 201 for a new application, 200 with the first one for a retried submission. */
    private static ResponseEntity<ApplicationView> answer(Submission submission) {
        URI location = URI.create("/api/v1/casework/applications/" + submission.application().number());
        return submission.created() ? ResponseEntity.created(location).body(submission.application())
                : ResponseEntity.ok().location(location).body(submission.application());
    }

    record NewApplication(@NotBlank @Size(max = 20) String itemCode, @NotBlank @Pattern(regexp = "^[0-9]{6,12}$") String regionCode,
                          @NotNull Map<String, Object> form, @Size(max = 40) String onBehalfOf) {
    }

    record Person(@NotBlank @ValidResidentIdNumber String idNumber, @NotBlank @Size(max = 50) String name,
                  @ValidMobilePhone String phone) {
        @Override
        public String toString() {
            return "Person[" + PersonalDataMask.name(name) + "]";
        }
    }

    record WindowApplication(@NotBlank @Size(max = 20) String itemCode, @NotBlank @Pattern(regexp = "^[0-9]{6,12}$") String regionCode,
                             @NotNull @Valid Person applicant, @NotNull Map<String, Object> form) {
    }

    record NewBundleApplication(@NotBlank @Size(max = 60) String bundleCode, @NotBlank @Pattern(regexp = "^[0-9]{6,12}$") String regionCode,
                                @NotNull @Size(max = 30) Map<String, Map<String, Object>> forms) {
    }

    record Correction(@NotNull Map<String, Object> form) {
    }

    record MaterialReuse(@NotBlank @Size(max = 40) String materialCode, @NotBlank @Size(max = 40) String fromApplication,
                         @NotBlank @Size(max = 40) String fromMaterialCode) {
    }
}
