package org.onewindow.casework;

import org.onewindow.shared.GovernmentTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.onewindow.casework.decision.DecisionTables;
import org.onewindow.casework.decision.InstantDecision;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.process.ApplicationProcesses;
import org.onewindow.casework.process.InstantCheck;
import org.onewindow.casework.process.ItemProcedures;
import org.onewindow.casework.process.OfficeTask;
import org.onewindow.casework.process.TaskKind;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.Region;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.casework.model.ApplicationForm;
import org.onewindow.casework.model.MaterialFile;
import org.onewindow.casework.persistence.ApplicationRepository;
import org.onewindow.casework.persistence.RatingRepository;
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
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.onewindow.shared.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications from submission to closure: what applicants do (apply, answer a correction,
 * withdraw, follow their case) and what the office does (accept, ask for everything missing at
 * once, refuse with reasons, review, decide). Each step is one transaction and one line of the
 * timeline.
 */
@Service
public class CaseworkService {


    private static final int FOLLOW_UP_WORKING_DAYS = 5;
    private static final String REVIEWER = "reviewer";
    private static final String NO_RULE_APPLIED = "没有一条即时办结规则适用，由工作人员审查。";
    private static final String OPINION_AGREE = "同意";
    private static final String OPINION_DISAGREE = "不同意";

    private final ApplicationRepository applications;
    private final RatingRepository ratings;
    private final WorkingCalendar workingCalendar;
    private final CatalogService catalog;
    private final OrganizationTree tree;
    private final PersonDirectory people;
    private final ProxyAuthorizations proxies;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationProcesses processes;
    private final ItemProcedures procedures;
    private final DecisionTables decisionTables;
    private final StaffDirectory staffDirectory;

    CaseworkService(ApplicationRepository applications, RatingRepository ratings, WorkingCalendar workingCalendar, CatalogService catalog, OrganizationTree tree, PersonDirectory people,
                    ProxyAuthorizations proxies, AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate transaction,
                    Optional<Clock> clock, ApplicationProcesses processes, ItemProcedures procedures, DecisionTables decisionTables,
                    StaffDirectory staffDirectory) {
        this.processes = processes;
        this.procedures = procedures;
        this.decisionTables = decisionTables;
        this.staffDirectory = staffDirectory;
        this.applications = applications;
        this.ratings = ratings;
        this.workingCalendar = workingCalendar;
        this.catalog = catalog;
        this.tree = tree;
        this.people = people;
        this.proxies = proxies;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
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
            return new Submission(view(earlier.get()), false);
        }
        ServiceItem item = catalog.publishedItem(itemCode)
                .orElseThrow(() -> new RuleViolationException(Violation.of("itemCode", "application.item-unknown", itemCode)));
        if (tree.region(regionCode).isEmpty()) {
            throw new RuleViolationException(Violation.of("regionCode", "application.region-unknown", regionCode));
        }
        requireValid(ApplicationForm.check(item.standard().form(), form));
        try {
            Application created = transaction.execute(status -> {
                Application a = Application.submit(nextNumber(), item.code(), item.version(), regionCode, applicant.get(), submittedBy,
                        channel, item.standard().promisedDays(), form, clock);
                open(a, item, idempotencyKey, null);
                return a;
            });
            return new Submission(view(reload(created.number())), true);
        } catch (DuplicateKeyException concurrentRetry) {
            // the same key arrived twice at once: the other request won, answer with its application
            return new Submission(view(applications.findByIdempotencyKey(submittedBy, idempotencyKey).orElseThrow()), false);
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
        List<Violation> broken = new java.util.ArrayList<>();
        answers.keySet().stream().filter(code -> guide.items().stream().noneMatch(i -> i.code().equals(code)))
                .forEach(code -> broken.add(Violation.of("forms." + code, "application.bundle-item-unknown")));
        for (ServiceItem item : guide.items()) {
            ApplicationForm.check(item.standard().form(), answers.getOrDefault(item.code(), Map.of())).forEach(v ->
                    broken.add(new Violation("forms." + item.code() + v.field().substring("form".length()), v.rule(), v.messageKey(), v.args())));
        }
        requireValid(broken);
        try {
            String number = transaction.execute(status -> {
                java.util.UUID bundleId = java.util.UUID.randomUUID();
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
    private void open(Application a, ServiceItem item, String idempotencyKey, java.util.UUID bundleId) {
        ItemProcedures.Procedure procedure = procedures.forItem(item.code());
        InstantCheck check = new InstantCheck(a, application -> procedure.table().map(table -> decideAtOnce(application, table)).orElse(null));
        processes.start(procedure.processKey(), a, responsibleRegion(a.regionCode(), item.standard().level()),
                item.standard().department(), check);
        applications.insert(a, idempotencyKey, bundleId);
        check.decision().ifPresent(decision -> applications.insertAutomaticDecision(a, decision, clock.instant()));
        announce(a);
    }

    /** Instant approval: the table may approve, or refer to a person, and either way says why in plain words. */
    private InstantDecision decideAtOnce(Application a, String table) {
        Map<String, Object> facts = new java.util.HashMap<>(a.form());
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
        List<ApplicationView> members = bundle.applicationNumbers().stream().map(n -> view(reload(n))).toList();
        var name = catalog.publishedBundles().stream().filter(b -> b.code().equals(bundle.bundleCode())).findFirst()
                .map(b -> b.name()).orElse(null);
        boolean done = !members.isEmpty() && members.stream().allMatch(m -> m.state().isDecided());
        return new BundleApplicationView(bundle.number(), bundle.bundleCode(), name, bundle.applicant(), members, done);
    }

    /** An applicant follows their case; staff of the region may look too, and such a look is recorded. */
    public ApplicationView follow(String number, String viewer, Optional<StaffMember> staff) {
        Application a = reload(number);
        if (viewer.equals(a.applicant()) || viewer.equals(a.submittedBy())) {
            requireStillEntitled(a, viewer);
            return view(a);
        }
        if (staff.isPresent() && staff.get().mayActOn(a.regionCode())) {
            audit.record(viewer, "casework.application-read", a.applicant(), number);
            return view(a);
        }
        // do not reveal that someone else's application exists
        throw new NotFoundException("application", number);
    }

    @Transactional
    public ApplicationView withdraw(String number, String actor) {
        return step(number, a -> {
            requireStillEntitled(a, actor);
            a.withdraw(actor, clock);
            processes.end(a.number(), "withdrawn");
        });
    }

    @Transactional
    public ApplicationView answerCorrection(String number, String actor, Map<String, Object> correctedForm) {
        Application a = reload(number);
        catalog.publishedItem(a.itemCode()).ifPresent(item -> requireValid(ApplicationForm.check(item.standard().form(), correctedForm)));
        return step(number, application -> {
            requireStillEntitled(application, actor);
            application.answerCorrection(actor, correctedForm, clock, workingCalendar.current());
        });
    }

    /** Adds a document the item asks for; the file was already checked to be what it claims to be. */
    @Transactional
    public ApplicationView uploadMaterial(String number, String actor, String materialCode, MaterialFile file) {
        Application a = reload(number);
        if (!actor.equals(a.applicant()) && !actor.equals(a.submittedBy())) {
            throw new NotFoundException("application", number);
        }
        requireStillEntitled(a, actor);
        requireAsked(a, materialCode);
        a.addMaterial(actor, materialCode, file.fileName(), clock);
        applications.update(a);
        applications.insertMaterial(a, materialCode, file, actor);
        announce(a);
        return view(reload(number));
    }

    /**
     * Data runs instead of people: a document the person already handed in for another
     * application is taken from there instead of being uploaded again.
     */
    @Transactional
    public ApplicationView reuseMaterial(String number, String actor, String materialCode, String fromApplication, String fromMaterialCode) {
        Application a = reload(number);
        if (!actor.equals(a.applicant()) && !actor.equals(a.submittedBy())) {
            throw new NotFoundException("application", number);
        }
        requireStillEntitled(a, actor);
        requireAsked(a, materialCode);
        Application source = applications.findByNumber(fromApplication)
                .filter(found -> found.applicant().equals(a.applicant()))
                .orElseThrow(() -> new RuleViolationException(Violation.of("fromApplication", "material.source-unknown", fromApplication)));
        // the copy and the step are one transaction: a closed application rolls the copy back
        String fileName = applications.copyMaterial(source, fromMaterialCode, a, materialCode, actor)
                .orElseThrow(() -> new RuleViolationException(Violation.of("fromMaterialCode", "material.not-held", fromApplication)));
        a.reuseMaterial(actor, materialCode, fileName, fromApplication, clock);
        applications.update(a);
        announce(a);
        return view(reload(number));
    }

    /** Documents the applicant already handed in, to take into a new application. */
    public List<ApplicationRepository.HeldDocument> documentsHeldBy(String applicant) {
        return applications.documentsOf(applicant);
    }

    @Transactional
    public ApplicationView accept(String number, StaffMember staff) {
        return officeStep(number, staff, Role.CLERK, (a, who) -> {
            a.accept(who, clock);
            completeTask(a, TaskKind.ACCEPTANCE, staff, Map.of("accepted", true));
        });
    }

    @Transactional
    public ApplicationView returnForCorrection(String number, StaffMember staff, List<String> everythingMissing) {
        return officeStep(number, staff, Role.CLERK, (a, who) -> a.returnForCorrection(who, everythingMissing, clock));
    }

    @Transactional
    public ApplicationView refuseToAccept(String number, StaffMember staff, List<String> reasons) {
        return officeStep(number, staff, Role.CLERK, (a, who) -> {
            a.refuseToAccept(who, reasons, clock);
            completeTask(a, TaskKind.ACCEPTANCE, staff, Map.of("accepted", false));
        });
    }

    @Transactional
    public ApplicationView startReview(String number, StaffMember staff) {
        return officeStep(number, staff, Role.HANDLER, (a, who) -> {
            a.startReview(who, clock);
            if (processes.hasProcess(a.number())) {
                // taking the case up: the first review step (or the decision) becomes this handler's
                TaskKind first = processes.openTasks(a.number()).stream().anyMatch(t -> t.kind() == TaskKind.REVIEW) ? TaskKind.REVIEW : TaskKind.DECISION;
                OfficeTask task = processes.taskFor(a.number(), first, staff);
                if (task.assignee() == null) {
                    processes.claim(task.id(), staff);
                }
            }
        });
    }

    @Transactional
    public ApplicationView decide(String number, StaffMember staff, boolean approve, List<String> reasons) {
        return officeStep(number, staff, Role.HANDLER, (a, who) -> {
            // the process first: "countersignatures missing" says more than "not under review"
            Optional<OfficeTask> task = processes.hasProcess(a.number())
                    ? Optional.of(processes.taskFor(a.number(), TaskKind.DECISION, staff)) : Optional.empty();
            if (who.equals(processes.variable(a.number(), REVIEWER))) {
                throw new ConflictException("task.four-eyes", who);
            }
            if (approve) {
                a.approve(who, reasons, clock);
            } else {
                a.deny(who, reasons, clock);
            }
            task.ifPresent(t -> processes.complete(t, staff, Map.of("approved", approve)));
        });
    }

    /**
     * An opinion before the decision: the first review of a two-step process, or another
     * department's countersignature. It goes on the timeline with its reasons; the decision
     * stays with the responsible department.
     */
    @Transactional
    public ApplicationView giveOpinion(String number, StaffMember staff, boolean agree, List<String> reasons) {
        Application a = reload(number);
        if (!staff.has(Role.HANDLER) || !staff.mayActOn(a.regionCode())) {
            throw new AccessDeniedException("not a handler for region " + a.regionCode());
        }
        if (reasons == null || reasons.stream().allMatch(String::isBlank)) {
            throw new RuleViolationException(Violation.of("reasons", "application.reasons-required"));
        }
        boolean review = inResponsibleDepartment(staff, a) && processes.openTasks(number).stream().anyMatch(t -> t.kind() == TaskKind.REVIEW);
        OfficeTask task = processes.taskFor(number, review ? TaskKind.REVIEW : TaskKind.COUNTERSIGN, staff);
        if (a.state() == ApplicationState.ACCEPTED) {
            a.startReview(staff.username(), clock);
        }
        List<String> details = new java.util.ArrayList<>();
        details.add(agree ? OPINION_AGREE : OPINION_DISAGREE);
        reasons.stream().filter(r -> !r.isBlank()).map(String::strip).forEach(details::add);
        a.note(staff.username(), review ? "reviewed" : "countersigned", details, clock);
        applications.update(a);
        processes.complete(task, staff, review ? Map.of(REVIEWER, staff.username()) : Map.of());
        announce(a);
        return view(reload(number));
    }

    /** Hands an office task to a colleague who could take it; the applicant sees that their case changed hands. */
    @Transactional
    public OfficeTask handOver(String taskId, StaffMember from, String toUsername) {
        StaffMember to = staffDirectory.staff(toUsername)
                .orElseThrow(() -> new RuleViolationException(Violation.of("to", "task.handover-not-candidate", String.valueOf(toUsername))));
        OfficeTask task = processes.handOver(taskId, from, to);
        Application a = reload(task.applicationNumber());
        a.note(from.username(), "handed-over", List.of(), clock);
        applications.update(a);
        audit.record(from.username(), "casework.task-handed-over", to.username(), a.number());
        announce(a);
        return task;
    }

    @Transactional
    public ApplicationView deliver(String number, StaffMember staff) {
        return officeStep(number, staff, Role.HANDLER, (a, who) -> a.deliver(who, clock));
    }

    @Transactional
    public ApplicationView close(String number, StaffMember staff) {
        return officeStep(number, staff, Role.HANDLER, (a, who) -> a.close(who, clock));
    }

    /**
     * Good/bad review: the applicant rates a closed application once, 1 to 5. A 1 or 2 opens a
     * follow-up the region's supervisor must answer within five working days.
     */
    @Transactional
    public RatingView rate(String number, String actor, int score, List<String> reasons) {
        Application a = reload(number);
        if (!actor.equals(a.applicant()) && !actor.equals(a.submittedBy())) {
            throw new NotFoundException("application", number);
        }
        requireStillEntitled(a, actor);
        if (a.state() != ApplicationState.CLOSED) {
            throw new ConflictException("rating.not-closed", a.state().name());
        }
        if (score < 1 || score > 5) {
            throw new RuleViolationException(Violation.of("score", "rating.score-range"));
        }
        List<String> given = reasons == null ? List.of() : reasons.stream().filter(r -> !r.isBlank()).toList();
        LocalDate today = GovernmentTime.today(clock);
        LocalDate followUpDue = score <= 2 ? workingCalendar.current().addWorkingDays(today, FOLLOW_UP_WORKING_DAYS) : null;
        if (!ratings.insert(a.id(), score, given, actor, clock.instant(), followUpDue)) {
            throw new ConflictException("rating.already-rated", number);
        }
        return ratings.find(a.id()).orElseThrow();
    }

    public Optional<RatingView> rating(String number, String viewer, Optional<StaffMember> staff) {
        Application a = reload(number);
        follow(number, viewer, staff);
        return ratings.find(a.id());
    }

    @Transactional
    public RatingView answerRating(String number, StaffMember supervisor, String answer) {
        Application a = reload(number);
        if (!supervisor.has(Role.SUPERVISOR) || !supervisor.mayActOn(a.regionCode())) {
            throw new AccessDeniedException("only a supervisor of the region answers its ratings");
        }
        if (answer == null || answer.isBlank()) {
            throw new RuleViolationException(Violation.of("answer", "rating.answer-required"));
        }
        if (!ratings.answer(a.id(), answer.strip(), supervisor.username(), clock.instant())) {
            throw new ConflictException("rating.nothing-to-answer", number);
        }
        return ratings.find(a.id()).orElseThrow();
    }

    /** Bad ratings in the supervisor's part of the tree still waiting for an answer. */
    public List<RatingView> openFollowUps(StaffMember supervisor) {
        if (!supervisor.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("only supervisors follow up ratings");
        }
        return ratings.openFollowUps(supervisor.region().prefix());
    }

    private ApplicationView officeStep(String number, StaffMember staff, Role needed, BiConsumer<Application, String> step) {
        // a handler may do what a clerk does at acceptance; a clerk may not decide
        boolean allowed = staff.has(needed) || (needed == Role.CLERK && staff.has(Role.HANDLER));
        Application a = reload(number);
        if (!allowed || !staff.mayActOn(a.regionCode())) {
            throw new AccessDeniedException("not a " + needed + " for region " + a.regionCode());
        }
        // any window accepts for any department (one-window acceptance); only the responsible department decides
        if (needed == Role.HANDLER && !inResponsibleDepartment(staff, a)) {
            throw new AccessDeniedException("not a handler of the department responsible for " + a.itemCode());
        }
        step.accept(a, staff.username());
        applications.update(a);
        announce(a);
        return view(reload(number));
    }

    private void requireAsked(Application a, String materialCode) {
        boolean asked = catalog.publishedItem(a.itemCode())
                .map(item -> item.standard().materials().stream().anyMatch(m -> m.code().equals(materialCode)))
                .orElse(false);
        if (!asked) {
            throw new RuleViolationException(Violation.of("materialCode", "material.not-asked", a.itemCode()));
        }
    }

    private void completeTask(Application a, TaskKind kind, StaffMember staff, Map<String, Object> variables) {
        if (processes.hasProcess(a.number())) {
            processes.complete(processes.taskFor(a.number(), kind, staff), staff, variables);
        }
    }

    /** Each recorded step becomes an event in the same transaction, so that nobody is told of a step that did not happen. */
    private void announce(Application a) {
        a.newSteps().forEach(step -> events.publishEvent(new ApplicationStepTaken(a.number(), a.itemCode(), a.applicant(),
                a.submittedBy(), a.channel(), step.step(), step.stateAfter(), step.at())));
    }

    /** A proxy acts only while the principal's authorization for this item holds; a revocation ends it at once. */
    private void requireStillEntitled(Application a, String actor) {
        if (a.channel() == SubmissionChannel.PROXY && actor.equals(a.submittedBy()) && !actor.equals(a.applicant())) {
            proxies.requireMayActFor(actor, a.applicant(), a.itemCode());
        }
    }

    private boolean inResponsibleDepartment(StaffMember staff, Application a) {
        String department = catalog.publishedItem(a.itemCode()).map(item -> item.standard().department()).orElse(null);
        return department != null && staff.departmentId() != null && staff.departmentId().endsWith(":" + department);
    }

    private ApplicationView step(String number, Consumer<Application> step) {
        Application a = reload(number);
        step.accept(a);
        applications.update(a);
        announce(a);
        return view(reload(number));
    }

    private Application reload(String number) {
        return applications.findByNumber(number).orElseThrow(() -> new NotFoundException("application", number));
    }

    private ApplicationView view(Application a) {
        var itemName = catalog.publishedItem(a.itemCode()).map(i -> i.standard().name()).orElse(null);
        return new ApplicationView(a.number(), a.itemCode(), itemName, a.regionCode(), a.applicant(), a.submittedBy(), a.channel(),
                a.state(), a.acceptedOn(), a.dueOn(workingCalendar.current()), a.pausedWorkingDays(), a.form(), applications.materials(a),
                applications.timeline(a), applications.automaticDecision(a).orElse(null));
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
