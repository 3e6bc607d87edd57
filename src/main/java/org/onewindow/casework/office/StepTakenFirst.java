package org.onewindow.casework.office;

import java.util.List;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.casework.casefile.CaseFiles;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.pages.PlainWords;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.ConflictException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A step someone else took first, said the way people say it: "王窗口 has already accepted this
 * application (2026-12-02 10:15); it is now “accepted”", instead of two state codes. The step and
 * the state are message codes resolved in the reader's language, on a page as in a problem detail.
 */
@Component
class StepTakenFirst {

    static final String STEP_NOT_ALLOWED = "application.step-not-allowed";

    private final CaseFiles files;
    private final StaffDirectory staffDirectory;

    StepTakenFirst(CaseFiles files, StaffDirectory staffDirectory) {
        this.files = files;
        this.staffDirectory = staffDirectory;
    }

    /** The conflict in words, when it is one of state; any other conflict as it was. */
    ConflictException inWords(ConflictException conflict, Application a, StaffMember me) {
        if (!STEP_NOT_ALLOWED.equals(conflict.rule())) {
            return conflict;
        }
        List<TimelineEntry> timeline = files.view(a).timeline();
        TimelineEntry moved = stepIntoCurrentState(timeline);
        if (moved == null) {
            return conflict;
        }
        var step = new DefaultMessageSourceResolvable(new String[] {"step.done." + moved.step(), "step." + moved.step()}, moved.step());
        var state = new DefaultMessageSourceResolvable(new String[] {"application.state." + moved.stateAfter()},
                moved.stateAfter().name());
        String when = PlainWords.time(moved.at());
        if (moved.actor().equals(me.username())) {
            return new ConflictException("application.already-moved-by-you", step, when, state);
        }
        return new ConflictException("application.already-moved", who(moved.actor(), a), step, when, state);
    }

    /** The step that brought the case where it stands: the last one after which the state changed. */
    private static TimelineEntry stepIntoCurrentState(List<TimelineEntry> timeline) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            boolean changed = i == 0 || timeline.get(i - 1).stateAfter() != timeline.get(i).stateAfter();
            if (changed) {
                return timeline.get(i);
            }
        }
        return null;
    }

    /** A member of staff by their stored name; the applicant, their proxy and the rules by what they are. */
    private Object who(String actor, Application a) {
        if (Application.AUTOMATIC.equals(actor)) {
            return new DefaultMessageSourceResolvable(new String[] {"actor.rules"}, actor);
        }
        if (actor.equals(a.applicant())) {
            return new DefaultMessageSourceResolvable(new String[] {"actor.the-applicant"}, actor);
        }
        return staffDirectory.nameOf(actor).<Object>map(name -> name)
                .orElseGet(() -> new DefaultMessageSourceResolvable(new String[] {"actor.the-proxy"}, actor));
    }
}
