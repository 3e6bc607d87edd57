package org.onewindow.casework.casefile;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.onewindow.casework.ApplicationClosed;
import org.onewindow.casework.ApplicationDecided;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.ApplicationStepTaken;
import org.onewindow.casework.ApplicationSubmitted;
import org.onewindow.casework.ApplicationView;
import org.onewindow.casework.InstantDecision;
import org.onewindow.casework.MaterialSummary;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.casework.calendar.WorkingCalendar;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.FourEyes;
import org.onewindow.catalog.CatalogService;
import org.onewindow.identity.ProxyAuthorizations;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.NotFoundException;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.audit.ReadPurpose;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every capability does with one case: find it, store it with the steps taken and announce
 * them, show it, and check who may still act for the applicant.
 */
@Component
public class CaseFiles {

    private static final Set<ApplicationState> ENDS = EnumSet.of(ApplicationState.CLOSED, ApplicationState.WITHDRAWN,
            ApplicationState.NOT_ACCEPTED);

    private final ApplicationStore applications;
    private final CatalogService catalog;
    private final WorkingCalendar workingCalendar;
    private final ProxyAuthorizations proxies;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    /** Looked up when asked: the capabilities that own the duties use this class themselves. */
    private final ObjectProvider<ReadingDuty> duties;

    CaseFiles(ApplicationStore applications, CatalogService catalog, WorkingCalendar workingCalendar, ProxyAuthorizations proxies,
              ApplicationEventPublisher events, AuditTrail audit, ObjectProvider<ReadingDuty> duties) {
        this.duties = duties;
        this.audit = audit;
        this.applications = applications;
        this.catalog = catalog;
        this.workingCalendar = workingCalendar;
        this.proxies = proxies;
        this.events = events;
    }

    /** The case, or 404: also for someone who may not see it, who must not learn that it exists. */
    public Application reload(String number) {
        return applications.findByNumber(number).orElseThrow(() -> new NotFoundException("application", number));
    }

    /** Stores a new application with its first steps (and, for a clear case, the rules' decision) and announces it. */
    public void open(Application a, String idempotencyKey, UUID bundleId, InstantDecision decision) {
        applications.insert(a, idempotencyKey, bundleId, workingCalendar.current());
        if (decision != null) {
            applications.insertAutomaticDecision(a, decision, a.newSteps().getLast().at());
        }
        announce(a);
    }

    /** Stores the steps taken on a loaded application and announces them; answers the case as it now stands. */
    public ApplicationView save(Application a) {
        store(a);
        return view(reload(a.number()));
    }

    /** Stores the steps taken on a loaded application and announces them. */
    public void store(Application a) {
        applications.update(a, workingCalendar.current());
        announce(a);
    }

    /**
     * The steps saved together become one step event in the same transaction (so that nobody is
     * told of a step that did not happen), announcing the last of them: one message for one moment
     * of change. An instant approval is submitted, accepted, reviewed and approved at once; the
     * applicant hears "approved" once, not four times. The timeline keeps every step. Other
     * modules hear of the facts that matter to them: submitted, decided, closed.
     */
    private void announce(Application a) {
        List<TimelineEntry> steps = a.newSteps();
        if (steps.isEmpty()) {
            return;
        }
        TimelineEntry last = steps.getLast();
        events.publishEvent(new ApplicationStepTaken(a.number(), a.itemCode(), a.applicant(), a.submittedBy(), a.channel(),
                last.step(), last.stateAfter(), last.at()));
        if ("submitted".equals(steps.getFirst().step())) {
            events.publishEvent(new ApplicationSubmitted(a.number(), a.itemCode(), a.regionCode(), a.applicant(), a.submittedBy(),
                    a.channel(), steps.getFirst().at()));
        }
        a.newDecision().ifPresent(decision -> events.publishEvent(new ApplicationDecided(a.number(), a.itemCode(), a.regionCode(),
                a.applicant(), decision.stateAfter() == ApplicationState.APPROVED, decision.actor(),
                Application.AUTOMATIC.equals(decision.actor()), decision.at())));
        if (ENDS.contains(last.stateAfter())) {
            events.publishEvent(new ApplicationClosed(a.number(), a.itemCode(), a.regionCode(), a.applicant(), last.stateAfter(),
                    last.at()));
        }
    }

    /**
     * Who may read a case: the applicant and the one who filed it for them (a proxy while still
     * authorized, the clerk at the window), and staff whose duty needs it, whose look is recorded.
     * Anyone else (an administrator, a data steward, a handler of another department) is told it
     * does not exist, in the same words as for a number nobody was given.
     */
    public void requireMayRead(Application a, String viewer, Optional<StaffMember> staff) {
        if (a.isApplicantSide(viewer)) {
            requireStillEntitled(a, viewer);
            return;
        }
        requireInDuty(a, staff.orElseThrow(() -> new NotFoundException("application", a.number())));
        audit.recordRead(viewer, ReadPurpose.CASE_HANDLING, a.applicant(), a.number());
    }

    /**
     * The same rule for a member of staff about to act on a case: one whose duty does not reach
     * it learns nothing of it, not even that it exists (404), whatever the step.
     */
    public void requireInDuty(Application a, StaffMember staff) {
        if (a.isApplicantSide(staff.username()) || duties.orderedStream().anyMatch(duty -> duty.needsToRead(a, staff))) {
            return;
        }
        // their own work stays readable: a countersignature given, a case handed over
        if (!applications.tookAStep(a, staff.username())) {
            throw new NotFoundException("application", a.number());
        }
    }

    /** Four eyes on this case: the item's setting, whether the item charges a fee (unknown: as if it did), who took the earlier steps. */
    public FourEyes.Check fourEyes(Application a, FourEyes rule) {
        boolean charged = catalog.publishedItem(a.itemCode()).map(item -> item.standard().feeYuan().signum() > 0).orElse(true);
        return new FourEyes.Check(rule, charged, applications.actorsOf(a, FourEyes.EARLIER_STEPS));
    }

    /** A proxy acts only while the principal's authorization for this item holds; a revocation ends it at once. */
    public void requireStillEntitled(Application a, String actor) {
        if (a.channel() == SubmissionChannel.PROXY && actor.equals(a.submittedBy()) && !actor.equals(a.applicant())) {
            proxies.requireMayActFor(actor, a.applicant(), a.itemCode());
        }
    }

    /** Whether the staff member works in the kind of department the item names as responsible. */
    public boolean inResponsibleDepartment(StaffMember staff, String itemCode) {
        return catalog.publishedItem(itemCode).map(item -> staff.worksIn(item.standard().department())).orElse(false);
    }

    /** A case just written, shown from what was written instead of reading it back: no documents yet, its steps, the rules' decision. */
    public ApplicationView viewJustOpened(Application a, InstantDecision decision) {
        return view(a, List.of(), a.newSteps(), decision);
    }

    /** A case and its view, read in one round trip. */
    public record Case(Application application, ApplicationView view) {
    }

    public Case open(String number) {
        ApplicationStore.CaseRecord found = applications.findCase(number).orElseThrow(() -> new NotFoundException("application", number));
        return new Case(found.application(), view(found.application(), found.materials(), found.timeline(), found.automaticDecision()));
    }

    public ApplicationView view(Application a) {
        return view(a, applications.materials(a), applications.timeline(a), applications.automaticDecision(a).orElse(null));
    }

    private ApplicationView view(Application a, List<MaterialSummary> materials, List<TimelineEntry> timeline, InstantDecision decision) {
        var itemName = catalog.publishedItem(a.itemCode()).map(i -> i.standard().name()).orElse(null);
        return new ApplicationView(a.number(), a.itemCode(), itemName, a.regionCode(), a.applicant(), a.submittedBy(), a.channel(),
                a.state(), a.acceptedOn(), a.timeLimit().dueOn(workingCalendar.current()), a.pausedWorkingDays(), a.form(), materials, timeline,
                decision);
    }
}
