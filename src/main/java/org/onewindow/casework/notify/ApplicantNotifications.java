package org.onewindow.casework.notify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.casework.ApplicationStepTaken;
import org.onewindow.casework.SubmissionChannel;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant (and a proxy acting for them) about every step. It runs after the step
 * committed, from the event publication registry: a crash before it finished leaves the event
 * outstanding, and it is delivered again on restart (the log ignores repeats).
 */
@Component
class ApplicantNotifications {

    private final List<NotificationSender> senders;

    ApplicantNotifications(List<NotificationSender> senders) {
        this.senders = senders;
    }

    @ApplicationModuleListener
    void on(ApplicationStepTaken step) {
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(step.applicant());
        if (step.channel() == SubmissionChannel.PROXY) {
            recipients.add(step.submittedBy());
        }
        for (String recipient : recipients) {
            senders.forEach(sender -> sender.tell(recipient, step));
        }
    }
}
