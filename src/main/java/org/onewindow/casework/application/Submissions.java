package org.onewindow.casework.application;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.onewindow.casework.BundleApplicationView;
import org.onewindow.casework.InstantDecision;
import org.onewindow.casework.Submission;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.casework.casefile.ApplicationStore;
import org.onewindow.casework.casefile.CaseFiles;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.ApplicationForm;
import org.onewindow.casework.process.ApplicationProcesses;
import org.onewindow.casework.process.ItemProcedures;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.BundleGuide;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.PersonDirectory;
import org.onewindow.identity.PersonDirectory.VerifiedPerson;
import org.onewindow.identity.ProxyAuthorizations;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.GovernmentTime;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new application in every channel: online, at a window, by a proxy, or a whole life event at
 * once. Each starts its item's process, whose decision table may approve it at once, in the same
 * transaction as the row: the applicant's first answer already says "approved", and why.
 */
@Service
class Submissions {

    private final ApplicationStore applications;
    private final BundleStore bundles;
    private final CaseFiles files;
    private final CatalogService catalog;
    private final OrganizationTree tree;
    private final PersonDirectory people;
    private final ProxyAuthorizations proxies;
    private final TransactionTemplate transaction;
    private final ApplicationProcesses processes;
    private final ItemProcedures procedures;
    private final Clock clock;

    Submissions(ApplicationStore applications, BundleStore bundles, CaseFiles files, CatalogService catalog, OrganizationTree tree,
                PersonDirectory people, ProxyAuthorizations proxies, TransactionTemplate transaction, ApplicationProcesses processes,
                ItemProcedures procedures, Optional<Clock> clock) {
        this.applications = applications;
        this.bundles = bundles;
        this.files = files;
        this.catalog = catalog;
        this.tree = tree;
        this.people = people;
        this.proxies = proxies;
        this.transaction = transaction;
        this.processes = processes;
        this.procedures = procedures;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    Submission online(String applicant, String itemCode, String regionCode, Map<String, Object> form, String idempotencyKey) {
        return submit(() -> applicant, audienceOf(applicant), people.verifiedPerson(applicant), applicant, SubmissionChannel.ONLINE,
                itemCode, regionCode, form, idempotencyKey);
    }

    /** The clerk scans the documents and accepts it afterwards, as for any other application. */
    Submission atWindow(StaffMember clerk, ResidentIdNumber idNumber, String name, MobilePhoneNumber phone, String itemCode,
                        String regionCode, Map<String, Object> form, String idempotencyKey) {
        if (!(clerk.has(Role.CLERK) || clerk.has(Role.HANDLER)) || !clerk.mayActOn(regionCode)) {
            throw new AccessDeniedException("only a clerk of the region accepts at its windows");
        }
        // the person is looked up (or recorded) in the same transaction as the application: all or nothing
        return submit(() -> people.personAtWindow(idNumber, name, phone, clerk), Audience.PERSON,
                Optional.of(new VerifiedPerson(idNumber.birthDate(), idNumber.regionCode())), clerk.username(), SubmissionChannel.WINDOW,
                itemCode, regionCode, form, idempotencyKey);
    }

    Submission asProxy(String proxy, String principal, String itemCode, String regionCode, Map<String, Object> form,
                       String idempotencyKey) {
        proxies.requireMayActFor(proxy, principal, itemCode);
        return submit(() -> principal, audienceOf(principal), people.verifiedPerson(principal), proxy, SubmissionChannel.PROXY, itemCode,
                regionCode, form, idempotencyKey);
    }

    private Submission submit(Supplier<String> applicant, Audience applicantIs, Optional<VerifiedPerson> person, String submittedBy,
                              SubmissionChannel channel, String itemCode, String regionCode, Map<String, Object> form, String idempotencyKey) {
        String fingerprint = RequestFingerprint.of(channel.name(), itemCode, regionCode, form);
        Optional<Application> earlier = applications.findByIdempotencyKey(submittedBy, idempotencyKey);
        if (earlier.isPresent()) {
            RequestFingerprint.requireSame(applications.fingerprintOf(earlier.get().id()).orElse(null), fingerprint);
            return new Submission(files.view(earlier.get()), false);
        }
        ServiceItem item = catalog.publishedItem(itemCode)
                .orElseThrow(() -> new RuleViolationException(Violation.of("itemCode", "application.item-unknown", itemCode)));
        audienceRefusal(item, applicantIs).ifPresent(refused -> {
            throw new RuleViolationException(refused);
        });
        // the page said so before the form was filled in; an age the ID number settles is not a matter of opinion
        ApplicantEligibility.firstFirm(ApplicantEligibility.findings(item, applicantIs, person, GovernmentTime.today(clock)))
                .ifPresent(unmet -> {
                    throw new RuleViolationException(Violation.of("itemCode", "application.eligibility-" + unmet.rule(), unmet.args()));
                });
        requireRegion(regionCode);
        requireValid(ApplicationForm.check(item.standard().form(), form));
        try {
            return new Submission(transaction.execute(status -> {
                Application a = Application.submit(nextNumber(), item.code(), item.version(), regionCode, applicant.get(), submittedBy,
                        channel, item.standard().promisedDays(), form, clock);
                var decision = open(a, item, idempotencyKey, null).orElse(null);
                applications.recordFingerprint(a.id(), fingerprint);
                return files.viewJustOpened(a, decision);
            }), true);
        } catch (DuplicateKeyException concurrentRetry) {
            // the same key arrived twice at once: the other request won, answer with its application
            Application first = applications.findByIdempotencyKey(submittedBy, idempotencyKey).orElseThrow();
            RequestFingerprint.requireSame(applications.fingerprintOf(first.id()).orElse(null), fingerprint);
            return new Submission(files.view(first), false);
        }
    }

    /** Every item's answers are checked before anything is written; then all of it is one transaction. */
    BundleApplicationView bundle(String applicant, String bundleCode, String regionCode, Map<String, Map<String, Object>> forms,
                                 String idempotencyKey) {
        String fingerprint = RequestFingerprint.of(bundleCode, regionCode, forms);
        Optional<BundleStore.Bundle> earlier = bundles.findByKey(applicant, idempotencyKey);
        if (earlier.isPresent()) {
            RequestFingerprint.requireSame(bundles.fingerprintOf(applicant, idempotencyKey).orElse(null), fingerprint);
            return bundles.view(earlier.get());
        }
        BundleGuide guide;
        try {
            guide = catalog.bundleGuide(bundleCode);
        } catch (NotFoundException unknown) {
            throw new RuleViolationException(Violation.of("bundleCode", "application.bundle-unknown", bundleCode));
        }
        requireRegion(regionCode);
        Map<String, Map<String, Object>> answers = forms == null ? Map.of() : forms;
        List<Violation> broken = new ArrayList<>();
        answers.keySet().stream().filter(code -> guide.items().stream().noneMatch(i -> i.code().equals(code)))
                .forEach(code -> broken.add(Violation.of("forms." + code, "application.bundle-item-unknown")));
        for (ServiceItem item : guide.items()) {
            ApplicationForm.check(item.standard().form(), answers.getOrDefault(item.code(), Map.of())).forEach(v ->
                    broken.add(new Violation("forms." + item.code() + v.field().substring("form".length()), v.rule(), v.messageKey(), v.args())));
        }
        Audience applicantIs = audienceOf(applicant);
        guide.items().forEach(item -> audienceRefusal(item, applicantIs).ifPresent(broken::add));
        guide.items().forEach(item -> ApplicantEligibility.firstFirm(eligibility(item, applicant))
                .ifPresent(unmet -> broken.add(Violation.of("forms." + item.code(), "application.eligibility-" + unmet.rule(), unmet.args()))));
        requireValid(broken);
        try {
            String number = transaction.execute(status -> {
                UUID bundleId = UUID.randomUUID();
                String bundleNumber = "B" + nextNumber();
                bundles.insert(bundleId, bundleNumber, bundleCode, applicant, applicant, idempotencyKey);
                bundles.recordFingerprint(bundleId, fingerprint);
                for (ServiceItem item : guide.items()) {
                    Application a = Application.submit(nextNumber(), item.code(), item.version(), regionCode, applicant, applicant,
                            SubmissionChannel.ONLINE, item.standard().promisedDays(), answers.getOrDefault(item.code(), Map.of()), clock);
                    open(a, item, null, bundleId);
                }
                return bundleNumber;
            });
            return bundles.view(bundles.find(number).orElseThrow());
        } catch (DuplicateKeyException concurrentRetry) {
            return bundles.view(bundles.findByKey(applicant, idempotencyKey).orElseThrow());
        }
    }

    /** Starts the item's process for a new application and stores it, in the caller's transaction. */
    private Optional<InstantDecision> open(Application a, ServiceItem item, String idempotencyKey, UUID bundleId) {
        Optional<InstantDecision> decision = processes.start(procedures.forItem(item.code()), a,
                tree.responsibleRegion(a.regionCode(), item.standard().level()), item.standard().department());
        files.open(a, idempotencyKey, bundleId, decision.orElse(null));
        return decision;
    }

    /** A person applies for items for persons, an enterprise's agent for items for enterprises; items for both serve either. */
    static Optional<Violation> audienceRefusal(ServiceItem item, Audience applicantIs) {
        Audience audience = item.standard().audience();
        if (audience == null || audience.serves(applicantIs)) {
            return Optional.empty();
        }
        return Optional.of(Violation.of("itemCode", applicantIs == Audience.PERSON
                ? "application.audience-enterprise-only" : "application.audience-person-only", item.code()));
    }

    /** What the applicant's verified identity says about the item's conditions, for the page to tell before the form. */
    List<ApplicantEligibility.Finding> eligibility(ServiceItem item, String applicant) {
        return ApplicantEligibility.findings(item, audienceOf(applicant), people.verifiedPerson(applicant), GovernmentTime.today(clock));
    }

    Audience audienceOf(String applicant) {
        return people.isEnterprise(applicant) ? Audience.ENTERPRISE : Audience.PERSON;
    }

    private void requireRegion(String regionCode) {
        if (tree.region(regionCode).isEmpty()) {
            throw new RuleViolationException(Violation.of("regionCode", "application.region-unknown", regionCode));
        }
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
