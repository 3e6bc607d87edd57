package org.onewindow.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.BundleApplicationView;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.OfficeWork;
import org.onewindow.casework.ServiceRatings;
import org.onewindow.casework.RatingView;
import org.onewindow.casework.Supervision;
import org.onewindow.casework.model.MaterialFile;
import org.onewindow.casework.notify.NotificationLog;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.ValidMobilePhone;
import org.onewindow.identity.ValidResidentIdNumber;
import org.onewindow.identity.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/** Applications: applicants apply and follow their case; the office accepts, asks for corrections and decides. */
@RestController
@RequestMapping("/api/v1/casework/applications")
@Tag(name = "casework", description = "Applications for service items and their lifecycle")
class CaseworkApi {

    private static final java.util.Set<String> STAFF_ROLES = java.util.EnumSet.complementOf(java.util.EnumSet.of(Role.CITIZEN,
            Role.ENTERPRISE_AGENT)).stream().map(Role::authority).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final CaseworkService casework;
    private final StaffDirectory staff;
    private final NotificationLog notifications;
    private final Supervision supervision;
    private final OfficeWork office;
    private final ServiceRatings ratings;

    CaseworkApi(CaseworkService casework, StaffDirectory staff, NotificationLog notifications, Supervision supervision, OfficeWork office, ServiceRatings ratings) {
        this.office = office;
        this.ratings = ratings;
        this.casework = casework;
        this.staff = staff;
        this.notifications = notifications;
        this.supervision = supervision;
    }

    @PostMapping
    @Operation(summary = "Apply online, for oneself or (onBehalfOf) for someone who authorized you. Send an Idempotency-Key header: "
            + "a retry with the same key returns the first application")
    ResponseEntity<ApplicationView> apply(@RequestHeader("Idempotency-Key") @Pattern(regexp = "^[A-Za-z0-9._:-]{8,80}$") String idempotencyKey,
                                          @Valid @RequestBody NewApplication request, Authentication who) {
        var submission = request.onBehalfOf() == null || request.onBehalfOf().isBlank()
                ? casework.submitOnline(who.getName(), request.itemCode(), request.regionCode(), request.form(), idempotencyKey)
                : casework.submitAsProxy(who.getName(), request.onBehalfOf(), request.itemCode(), request.regionCode(), request.form(),
                        idempotencyKey);
        return answer(submission);
    }

    @PostMapping("/at-window")
    @Operation(summary = "A clerk files an application for the person at the window, identified by their resident ID number")
    ResponseEntity<ApplicationView> applyAtWindow(@RequestHeader("Idempotency-Key") @Pattern(regexp = "^[A-Za-z0-9._:-]{8,80}$") String idempotencyKey,
                                                  @Valid @RequestBody WindowApplication request, Authentication who) {
        Person person = request.applicant();
        var submission = casework.submitAtWindow(staff.requireStaff(who.getName()), ResidentIdNumber.parse(person.idNumber()), person.name(),
                person.phone() == null || person.phone().isBlank() ? null : MobilePhoneNumber.parse(person.phone()),
                request.itemCode(), request.regionCode(), request.form(), idempotencyKey);
        return answer(submission);
    }

    @PostMapping("/bundles")
    @Operation(summary = "Apply for a whole life event at once: one submission, one application per item, followed together")
    ResponseEntity<BundleApplicationView> applyForBundle(
            @RequestHeader("Idempotency-Key") @Pattern(regexp = "^[A-Za-z0-9._:-]{8,80}$") String idempotencyKey,
            @Valid @RequestBody NewBundleApplication request, Authentication who) {
        var bundle = casework.submitBundle(who.getName(), request.bundleCode(), request.regionCode(), request.forms(), idempotencyKey);
        return ResponseEntity.status(201).body(bundle);
    }

    @GetMapping("/bundles/{number}")
    @Operation(summary = "Follow a life event: its applications and whether all are decided")
    BundleApplicationView followBundle(@PathVariable String number, Authentication who) {
        return casework.followBundle(number, who.getName(), staffIfAny(who));
    }

    @GetMapping("/inbox")
    @Operation(summary = "Your inbox: every step of your applications (and of those you file for others)")
    List<NotificationLog.Notification> inbox(Authentication who) {
        return notifications.inbox(who.getName());
    }

    @GetMapping("/{number}")
    @Operation(summary = "Follow an application: where it stands, by when, every step")
    ApplicationView follow(@PathVariable String number, Authentication who) {
        return casework.follow(number, who.getName(), staffIfAny(who));
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

    @PostMapping(path = "/{number}/materials", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Hand in a document the item asks for: a PDF, JPEG or PNG, checked by its content")
    ResponseEntity<ApplicationView> uploadMaterial(@PathVariable String number,
                                                   @RequestParam @NotBlank @Size(max = 60) String materialCode,
                                                   @RequestPart("file") org.springframework.web.multipart.MultipartFile file,
                                                   Authentication who) throws java.io.IOException {
        var checked = MaterialFile.checked(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        return ResponseEntity.status(201).body(casework.uploadMaterial(number, who.getName(), materialCode, checked));
    }

    @PostMapping("/{number}/acceptance")
    @Operation(summary = "Accept the application (clerk or handler of the region)")
    ApplicationView accept(@PathVariable String number, Authentication who) {
        return office.accept(number, staff.requireStaff(who.getName()));
    }

    @PostMapping("/{number}/correction-request")
    @Operation(summary = "Return for correction with ONE complete list of everything missing or wrong")
    ApplicationView returnForCorrection(@PathVariable String number, @Valid @RequestBody Reasons missing, Authentication who) {
        return office.returnForCorrection(number, staff.requireStaff(who.getName()), missing.reasons());
    }

    @PostMapping("/{number}/refusal")
    @Operation(summary = "Refuse to accept, with reasons")
    ApplicationView refuse(@PathVariable String number, @Valid @RequestBody Reasons reasons, Authentication who) {
        return office.refuseToAccept(number, staff.requireStaff(who.getName()), reasons.reasons());
    }

    @PostMapping("/{number}/review")
    @Operation(summary = "Start the review (handler)")
    ApplicationView startReview(@PathVariable String number, Authentication who) {
        return office.startReview(number, staff.requireStaff(who.getName()));
    }

    @PostMapping("/{number}/decision")
    @Operation(summary = "Decide: approve, or deny with reasons (handler)")
    ApplicationView decide(@PathVariable String number, @Valid @RequestBody Decision decision, Authentication who) {
        return office.decide(number, staff.requireStaff(who.getName()), decision.outcome() == Outcome.APPROVE, decision.reasons());
    }

    @PostMapping("/{number}/materials/reuse")
    @Operation(summary = "Take a document you already handed in with another of your applications instead of uploading it again")
    ApplicationView reuseMaterial(@PathVariable String number, @Valid @RequestBody MaterialReuse reuse, Authentication who) {
        return casework.reuseMaterial(number, who.getName(), reuse.materialCode(), reuse.fromApplication(), reuse.fromMaterialCode());
    }

    @GetMapping("/documents")
    @Operation(summary = "Documents you handed in with your applications: the platform holds them, so you need not hand them in again")
    List<org.onewindow.casework.persistence.ApplicationRepository.HeldDocument> documents(Authentication who) {
        return casework.documentsHeldBy(who.getName());
    }

    @PostMapping("/{number}/opinion")
    @Operation(summary = "Give an opinion before the decision: the first review of a two-step process, or another department's "
            + "countersignature (handler holding or able to take that task)")
    ApplicationView giveOpinion(@PathVariable String number, @Valid @RequestBody Opinion opinion, Authentication who) {
        return office.giveOpinion(number, staff.requireStaff(who.getName()), opinion.agree(), opinion.reasons());
    }

    @PostMapping("/{number}/delivery")
    @Operation(summary = "Record that the result reached the applicant (handler)")
    ApplicationView deliver(@PathVariable String number, Authentication who) {
        return office.deliver(number, staff.requireStaff(who.getName()));
    }

    @PostMapping("/{number}/closure")
    @Operation(summary = "Close a delivered application (handler)")
    ApplicationView close(@PathVariable String number, Authentication who) {
        return office.close(number, staff.requireStaff(who.getName()));
    }

    @PostMapping("/{number}/rating")
    @Operation(summary = "Rate a closed application once, 1 (very bad) to 5 (very good), with optional reasons")
    ResponseEntity<RatingView> rate(@PathVariable String number, @Valid @RequestBody Rating rating, Authentication who) {
        return ResponseEntity.status(201).body(ratings.rate(number, who.getName(), rating.score(), rating.reasons()));
    }

    @GetMapping("/{number}/rating")
    @Operation(summary = "The rating of an application and the answer to it")
    ResponseEntity<RatingView> rating(@PathVariable String number, Authentication who) {
        return ResponseEntity.of(ratings.rating(number, who.getName(), staffIfAny(who)));
    }

    @PostMapping("/{number}/rating/answer")
    @Operation(summary = "Answer a bad rating (supervisor of the region, within five working days)")
    RatingView answerRating(@PathVariable String number, @Valid @RequestBody Answer answer, Authentication who) {
        return ratings.answerRating(number, staff.requireStaff(who.getName()), answer.answer());
    }

    @GetMapping("/follow-ups")
    @Operation(summary = "Bad ratings in your part of the organization tree still waiting for an answer (supervisors)")
    List<RatingView> followUps(Authentication who) {
        return ratings.openFollowUps(staff.requireStaff(who.getName()));
    }

    @GetMapping("/time-limits")
    @Operation(summary = "Applications overdue or at risk (75% of their time used) in your part of the tree (supervisors)")
    List<Supervision.TimeLimitWatch> timeLimits(Authentication who) {
        return supervision.lateOrAtRisk(staff.requireStaff(who.getName()));
    }

    @GetMapping("/indicators")
    @Operation(summary = "Indicators of your part of the tree: by state, on time, working days, zero visits, automatic, rating")
    Supervision.Indicators indicators(Authentication who) {
        return supervision.indicators(staff.requireStaff(who.getName()));
    }

    /** 201 for a new application, 200 with the first one for a retried submission. */
    private static ResponseEntity<ApplicationView> answer(CaseworkService.Submission submission) {
        URI location = URI.create("/api/v1/casework/applications/" + submission.application().number());
        return submission.created() ? ResponseEntity.created(location).body(submission.application())
                : ResponseEntity.ok().location(location).body(submission.application());
    }

    /**
     * The staff member behind a caller who has a staff role; nobody for citizens and enterprise
     * agents, without asking the database (a status look-up is the most frequent request).
     */
    private Optional<StaffMember> staffIfAny(Authentication who) {
        boolean staffRole = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(STAFF_ROLES::contains);
        return staffRole ? staff.staff(who.getName()) : Optional.empty();
    }

    record NewApplication(@NotBlank @Size(max = 20) String itemCode, @NotBlank @Pattern(regexp = "^[0-9]{6,12}$") String regionCode,
                          @NotNull Map<String, Object> form, @Size(max = 40) String onBehalfOf) {
    }

    record Person(@NotBlank @ValidResidentIdNumber String idNumber, @NotBlank @Size(max = 50) String name,
                  @ValidMobilePhone String phone) {
        @Override
        public String toString() {
            return "Person[" + org.onewindow.shared.pii.PersonalDataMask.name(name) + "]";
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

    record Reasons(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> reasons) {
    }

    enum Outcome { APPROVE, DENY }

    record Rating(@NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(5) Integer score,
                  @Size(max = 10) List<@NotBlank @Size(max = 500) String> reasons) {
    }

    record Answer(@NotBlank @Size(max = 2000) String answer) {
    }

    record MaterialReuse(@NotBlank @Size(max = 40) String materialCode, @NotBlank @Size(max = 40) String fromApplication,
                         @NotBlank @Size(max = 40) String fromMaterialCode) {
    }

    record Opinion(@NotNull Boolean agree, @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> reasons) {
    }

    record Decision(@NotNull Outcome outcome, @Size(max = 50) List<@NotBlank @Size(max = 500) String> reasons) {
    }
}
