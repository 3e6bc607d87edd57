package org.onewindow.casework;

import java.util.List;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.persistence.ApplicationRepository;
import org.onewindow.catalog.CatalogService;
import org.onewindow.identity.ProxyAuthorizations;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the applicants' side, the office and the ratings share about one case: finding it,
 * saving a step with its event, showing it, and who may still act for the applicant.
 */
@Component
class CaseFiles {

    private final ApplicationRepository applications;
    private final CatalogService catalog;
    private final WorkingCalendar workingCalendar;
    private final ProxyAuthorizations proxies;
    private final ApplicationEventPublisher events;

    CaseFiles(ApplicationRepository applications, CatalogService catalog, WorkingCalendar workingCalendar, ProxyAuthorizations proxies,
              ApplicationEventPublisher events) {
        this.applications = applications;
        this.catalog = catalog;
        this.workingCalendar = workingCalendar;
        this.proxies = proxies;
        this.events = events;
    }

    Application reload(String number) {
        return applications.findByNumber(number).orElseThrow(() -> new NotFoundException("application", number));
    }

    /** Stores the steps taken on a loaded application and announces them; answers the case as it now stands. */
    ApplicationView save(Application a) {
        applications.update(a);
        announce(a);
        return view(reload(a.number()));
    }

    /**
     * The steps saved together become one event in the same transaction (so that nobody is told
     * of a step that did not happen), announcing the last of them: one message for one moment of
     * change. An instant approval is submitted, accepted, reviewed and approved at once; the
     * applicant hears "approved" once, not four times. The timeline keeps every step.
     */
    void announce(Application a) {
        List<TimelineEntry> steps = a.newSteps();
        if (!steps.isEmpty()) {
            TimelineEntry step = steps.getLast();
            events.publishEvent(new ApplicationStepTaken(a.number(), a.itemCode(), a.applicant(), a.submittedBy(), a.channel(),
                    step.step(), step.stateAfter(), step.at()));
        }
    }

    /** A proxy acts only while the principal's authorization for this item holds; a revocation ends it at once. */
    void requireStillEntitled(Application a, String actor) {
        if (a.channel() == SubmissionChannel.PROXY && actor.equals(a.submittedBy()) && !actor.equals(a.applicant())) {
            proxies.requireMayActFor(actor, a.applicant(), a.itemCode());
        }
    }

    boolean inResponsibleDepartment(StaffMember staff, Application a) {
        String department = catalog.publishedItem(a.itemCode()).map(item -> item.standard().department()).orElse(null);
        return department != null && staff.departmentId() != null && staff.departmentId().endsWith(":" + department);
    }

    /** A case just written, shown from what was written instead of reading it back: no documents yet, its steps, the rules' decision. */
    ApplicationView viewJustOpened(Application a, InstantDecision decision) {
        return view(a, List.of(), a.newSteps(), decision);
    }

    /** A case and its view, read in one round trip. */
    record Case(Application application, ApplicationView view) {
    }

    Case open(String number) {
        ApplicationRepository.CaseRecord found = applications.findCase(number).orElseThrow(() -> new NotFoundException("application", number));
        return new Case(found.application(), view(found.application(), found.materials(), found.timeline(), found.automaticDecision()));
    }

    ApplicationView view(Application a) {
        return view(a, applications.materials(a), applications.timeline(a), applications.automaticDecision(a).orElse(null));
    }

    private ApplicationView view(Application a, List<MaterialSummary> materials, List<TimelineEntry> timeline, InstantDecision decision) {
        var itemName = catalog.publishedItem(a.itemCode()).map(i -> i.standard().name()).orElse(null);
        return new ApplicationView(a.number(), a.itemCode(), itemName, a.regionCode(), a.applicant(), a.submittedBy(), a.channel(),
                a.state(), a.acceptedOn(), a.dueOn(workingCalendar.current()), a.pausedWorkingDays(), a.form(), materials, timeline,
                decision);
    }
}
