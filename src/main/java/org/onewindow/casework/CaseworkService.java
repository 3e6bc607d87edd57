package org.onewindow.casework;

import java.util.HashMap;
import java.util.UUID;
import java.util.ArrayList;
import org.onewindow.shared.GovernmentTime;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.onewindow.casework.decision.DecisionTables;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.process.ApplicationProcesses;
import org.onewindow.casework.process.InstantCheck;
import org.onewindow.casework.process.ItemProcedures;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.Region;
import org.onewindow.casework.model.ApplicationForm;
import org.onewindow.casework.model.MaterialFile;
import org.onewindow.casework.persistence.ApplicationRepository;
import org.onewindow.catalog.BundleGuide;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.PersonDirectory;
import org.onewindow.identity.ProxyAuthorizations;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.audit.AuditTrail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications from the applicant's side: apply online, at a window or for someone else, alone
 * or as a whole life event; follow the case, answer a correction, hand in documents, withdraw.
 * A new application starts its item's process, whose decision table may approve it at once.
 * The office's steps are in {@link OfficeWork}, ratings in {@link ServiceRatings}.
 */
@Service
public class CaseworkService {

    private static final String NO_RULE_APPLIED = "没有一条即时办结规则适用，由工作人员审查。";

    private final ApplicationRepository applications;
    private final CaseFiles files;
    private final WorkingCalendar workingCalendar;
    private final CatalogService catalog;
    private final OrganizationTree tree;
    private final PersonDirectory people;
    private final ProxyAuthorizations proxies;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ApplicationProcesses processes;
    private final ItemProcedures procedures;
    private final DecisionTables decisionTables;
    private final Clock clock;

    CaseworkService(ApplicationRepository applications, CaseFiles files, WorkingCalendar workingCalendar, CatalogService catalog,
                    OrganizationTree tree, PersonDirectory people, ProxyAuthorizations proxies, AuditTrail audit,
                    TransactionTemplate transaction, ApplicationProcesses processes, ItemProcedures procedures,
                    DecisionTables decisionTables, Optional<Clock> clock) {
        this.applications = applications;
        this.files = files;
        this.workingCalendar = workingCalendar;
        this.catalog = catalog;
        this.tree = tree;
        this.people = people;
        this.proxies = proxies;
        this.audit = audit;
        this.transaction = transaction;
        this.processes = processes;
        this.procedures = procedures;
        this.decisionTables = decisionTables;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The result of a submission: the application, and whether this call created it or found an earlier try. */
    public record Submission(ApplicationView application, boolean created) {
    }

    /**
     * Submits an application online. A retry with the same idempotency key (a double click, a
     * lost answer) returns the application the first try made instead of making a second one.
     */
    public Submission submitOnline(String applicant, String itemCode, String regionCode, Map<String, Object> form, String idempotencyKey) {
        return submit(() -> applicant, applicant, SubmissionChannel.ONLINE, itemCode, regionCode, form, idempotencyKey);
    }

    private Submission submit(Supplier<String> applicant, String submittedBy, SubmissionChannel channel, String itemCode, String regionCode,
                              Map<String, Object> form, String idempotencyKey) {
        Optional<Application> earlier = applications.findByIdempotencyKey(submittedBy, idempotencyKey);
        if (earlier.isPresent()) {
            return new Submission(files.view(earlier.get()), false);
        }
        ServiceItem item = catalog.publishedItem(itemCode)
                .orElseThrow(() -> new RuleViolationException(Violation.of("itemCode", "application.item-unknown", itemCode)));
        if (tree.region(regionCode).isEmpty()) {
            throw new RuleViolationException(Violation.of("regionCode", "application.region-unknown", regionCode));
        }
        requireValid(ApplicationForm.check(item.standard().form(), form));
        try {
            ApplicationView created = transaction.execute(status -> {
                Application a = Application.submit(nextNumber(), item.code(), item.version(), regionCode, applicant.get(), submittedBy,
                        channel, item.standard().promisedDays(), form, clock);
                return files.viewJustOpened(a, open(a, item, idempotencyKey, null).orElse(null));
            });
            return new Submission(created, true);
        } catch (DuplicateKeyException concurrentRetry) {
            // the same key arrived twice at once: the other request won, answer with its application
            return new Submission(files.view(applications.findByIdempotencyKey(submittedBy, idempotencyKey).orElseThrow()), false);
        }
    }

    /**
     * A clerk at a service window files an application for the person in front of them, for an
     * item of any department (one-window acceptance). It then follows the same process; the
     * clerk scans the documents and accepts it as for any other application.
     */
    public Submission submitAtWindow(StaffMember clerk, ResidentIdNumber idNumber, String name, MobilePhoneNumber phone,
                                     String itemCode, String regionCode, Map<String, Object> form, String idempotencyKey) {
        if (!(clerk.has(Role.CLERK) || clerk.has(Role.HANDLER)) || !clerk.mayActOn(regionCode)) {
            throw new AccessDeniedException("only a clerk of the region accepts at its windows");
        }
        // the person is looked up (or recorded) in the same transaction as the application: all or nothing
        return submit(() -> people.personAtWindow(idNumber, name, phone, clerk), clerk.username(), SubmissionChannel.WINDOW,
                itemCode, regionCode, form, idempotencyKey);
    }

    /** A family member or agent applies in the name of the person who authorized them for this item. */
    public Submission submitAsProxy(String proxy, String principal, String itemCode, String regionCode, Map<String, Object> form,
                                    String idempotencyKey) {
        proxies.requireMayActFor(proxy, principal, itemCode);
        return submit(() -> principal, proxy, SubmissionChannel.PROXY, itemCode, regionCode, form, idempotencyKey);
    }

    /**
     * One thing, done once: a life event submitted as one form, split into one application per
     * item in one transaction, each following its own department's process. Every item's answers
     * are checked before anything is written.
     */
    public BundleApplicationView submitBundle(String applicant, String bundleCode, String regionCode,
                                              Map<String, Map<String, Object>> forms, String idempotencyKey) {
        Optional<ApplicationRepository.BundleRecord> earlier = applications.findBundleByKey(applicant, idempotencyKey);
        if (earlier.isPresent()) {
            return bundleView(earlier.get());
        }
        BundleGuide guide;
        try {
            guide = catalog.bundleGuide(bundleCode);
        } catch (NotFoundException unknown) {
            throw new RuleViolationException(Violation.of("bundleCode", "application.bundle-unknown", bundleCode));
        }
        if (tree.region(regionCode).isEmpty()) {
            throw new RuleViolationException(Violation.of("regionCode", "application.region-unknown", regionCode));
        }
        Map<String, Map<String, Object>> answers = forms == null ? Map.of() : forms;
        List<Violation> broken = new ArrayList<>();
        answers.keySet().stream().filter(code -> guide.items().stream().noneMatch(i -> i.code().equals(code)))
                .forEach(code -> broken.add(Violation.of("forms." + code, "application.bundle-item-unknown")));
        for (ServiceItem item : guide.items()) {
            ApplicationForm.check(item.standard().form(), answers.getOrDefault(item.code(), Map.of())).forEach(v ->
                    broken.add(new Violation("forms." + item.code() + v.field().substring("form".length()), v.rule(), v.messageKey(), v.args())));
        }
        requireValid(broken);
        try {
            String number = transaction.execute(status -> {
                UUID bundleId = UUID.randomUUID();
                String bundleNumber = "B" + nextNumber();
                applications.insertBundle(bundleId, bundleNumber, bundleCode, applicant, applicant, idempotencyKey);
                for (ServiceItem item : guide.items()) {
                    Application a = Application.submit(nextNumber(), item.code(), item.version(), regionCode, applicant, applicant,
                            SubmissionChannel.ONLINE, item.standard().promisedDays(), answers.getOrDefault(item.code(), Map.of()), clock);
                    open(a, item, null, bundleId);
                }
                return bundleNumber;
            });
            return bundleView(applications.findBundle(number).orElseThrow());
        } catch (DuplicateKeyException concurrentRetry) {
            return bundleView(applications.findBundleByKey(applicant, idempotencyKey).orElseThrow());
        }
    }

    /**
     * Starts the item's process for a new application and stores it, in the caller's
     * transaction. The process runs the item's decision table first: a clear case is approved
     * before the row is written, so the applicant's first answer already says "approved", and why.
     */
    private Optional<InstantDecision> open(Application a, ServiceItem item, String idempotencyKey, UUID bundleId) {
        ItemProcedures.Procedure procedure = procedures.forItem(item.code());
        InstantCheck check = new InstantCheck(a, application -> procedure.table().map(table -> decideAtOnce(application, table)).orElse(null));
        processes.start(procedure.processKey(), a, responsibleRegion(a.regionCode(), item.standard().level()),
                item.standard().department(), check);
        applications.insert(a, idempotencyKey, bundleId);
        check.decision().ifPresent(decision -> applications.insertAutomaticDecision(a, decision, clock.instant()));
        files.announce(a);
        return check.decision();
    }

    /** Instant approval: the table may approve, or refer to a person, and either way says why in plain words. */
    private InstantDecision decideAtOnce(Application a, String table) {
        Map<String, Object> facts = new HashMap<>(a.form());
        if (decisionTables.needsHeldResults(table)) {
            facts.put(DecisionTables.HELD_RESULTS, applications.heldResults(a.applicant()));
        }
        InstantDecision decision = decisionTables.decide(table, facts);
        List<String> reasons = decision.firedRules().stream()
                .filter(rule -> decision.approved() || !"APPROVE".equals(rule.outcome()))
                .map(rule -> rule.explanation().zh()).filter(text -> !text.isBlank()).toList();
        if (decision.approved()) {
            a.accept(Application.AUTOMATIC, clock);
            a.startReview(Application.AUTOMATIC, clock);
            a.approve(Application.AUTOMATIC, reasons, clock);
        } else {
            a.note(Application.AUTOMATIC, "referred-to-staff", reasons.isEmpty() ? List.of(NO_RULE_APPLIED) : reasons, clock);
        }
        return decision;
    }

    /** The node of the tree whose department handles the item: the application's region, or its ancestor at the item's level. */
    private String responsibleRegion(String regionCode, AdministrativeLevel level) {
        Region region = tree.region(regionCode).orElseThrow();
        while (region.level().ordinal() > level.ordinal() && region.parentCode() != null) {
            Optional<Region> parent = tree.region(region.parentCode());
            if (parent.isEmpty()) {
                break;
            }
            region = parent.get();
        }
        return region.code();
    }

    public BundleApplicationView followBundle(String number, String viewer, Optional<StaffMember> staff) {
        ApplicationRepository.BundleRecord bundle = applications.findBundle(number)
                .orElseThrow(() -> new NotFoundException("application", number));
        if (!viewer.equals(bundle.applicant()) && !viewer.equals(bundle.submittedBy())) {
            bundle.applicationNumbers().forEach(member -> follow(member, viewer, staff));
        }
        return bundleView(bundle);
    }

    private BundleApplicationView bundleView(ApplicationRepository.BundleRecord bundle) {
        List<ApplicationView> members = bundle.applicationNumbers().stream().map(n -> files.view(files.reload(n))).toList();
        var name = catalog.publishedBundles().stream().filter(b -> b.code().equals(bundle.bundleCode())).findFirst()
                .map(b -> b.name()).orElse(null);
        boolean done = !members.isEmpty() && members.stream().allMatch(m -> m.state().isDecided());
        return new BundleApplicationView(bundle.number(), bundle.bundleCode(), name, bundle.applicant(), members, done);
    }

    /** An applicant follows their case; staff of the region may look too, and such a look is recorded. */
    public ApplicationView follow(String number, String viewer, Optional<StaffMember> staff) {
        CaseFiles.Case found = files.open(number);
        Application a = found.application();
        if (a.isApplicantSide(viewer)) {
            files.requireStillEntitled(a, viewer);
            return found.view();
        }
        if (staff.isPresent() && staff.get().mayActOn(a.regionCode())) {
            audit.record(viewer, "casework.application-read", a.applicant(), number);
            return found.view();
        }
        // do not reveal that someone else's application exists
        throw new NotFoundException("application", number);
    }

    @Transactional
    public ApplicationView withdraw(String number, String actor) {
        return step(number, a -> {
            files.requireStillEntitled(a, actor);
            a.withdraw(actor, clock);
            processes.end(a.number(), "withdrawn");
        });
    }

    @Transactional
    public ApplicationView answerCorrection(String number, String actor, Map<String, Object> correctedForm) {
        Application a = files.reload(number);
        catalog.publishedItem(a.itemCode()).ifPresent(item -> requireValid(ApplicationForm.check(item.standard().form(), correctedForm)));
        return step(number, application -> {
            files.requireStillEntitled(application, actor);
            application.answerCorrection(actor, correctedForm, clock, workingCalendar.current());
        });
    }

    /** Adds a document the item asks for; the file was already checked to be what it claims to be. */
    @Transactional
    public ApplicationView uploadMaterial(String number, String actor, String materialCode, MaterialFile file) {
        Application a = files.reload(number);
        if (!a.isApplicantSide(actor)) {
            throw new NotFoundException("application", number);
        }
        files.requireStillEntitled(a, actor);
        requireAsked(a, materialCode);
        a.addMaterial(actor, materialCode, file.fileName(), clock);
        applications.update(a);
        applications.insertMaterial(a, materialCode, file, actor);
        files.announce(a);
        return files.view(files.reload(number));
    }

    /**
     * Data runs instead of people: a document the person already handed in for another
     * application is taken from there instead of being uploaded again.
     */
    @Transactional
    public ApplicationView reuseMaterial(String number, String actor, String materialCode, String fromApplication, String fromMaterialCode) {
        Application a = files.reload(number);
        if (!a.isApplicantSide(actor)) {
            throw new NotFoundException("application", number);
        }
        files.requireStillEntitled(a, actor);
        requireAsked(a, materialCode);
        Application source = applications.findByNumber(fromApplication)
                .filter(found -> found.applicant().equals(a.applicant()))
                .orElseThrow(() -> new RuleViolationException(Violation.of("fromApplication", "material.source-unknown", fromApplication)));
        // the copy and the step are one transaction: a closed application rolls the copy back
        String fileName = applications.copyMaterial(source, fromMaterialCode, a, materialCode, actor)
                .orElseThrow(() -> new RuleViolationException(Violation.of("fromMaterialCode", "material.not-held", fromApplication)));
        a.reuseMaterial(actor, materialCode, fileName, fromApplication, clock);
        return files.save(a);
    }

    /** Documents the applicant already handed in, to take into a new application. */
    public List<ApplicationRepository.HeldDocument> documentsHeldBy(String applicant) {
        return applications.documentsOf(applicant);
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
        applications.update(a);
        files.announce(a);
        return files.view(files.reload(number));
    }

    /** OW20261123-000042: the day it came in, then a running number people can read out on the phone. */
    private String nextNumber() {
        return "OW" + GovernmentTime.today(clock).format(DateTimeFormatter.BASIC_ISO_DATE)
                + "-" + String.format("%06d", applications.nextNumber());
    }

    private static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }
}
