package org.onewindow.casework.notifications;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.casework.ApplicationStepTaken;
import org.onewindow.casework.SubmissionChannel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant (and a proxy acting for them) about every step. The messages are written
 * to the outboxes in the transaction of the step itself: a step that commits has its messages,
 * a step that rolls back has none, and a crash cannot fall between the two. Delivery to SMS and
 * mail gateways happens from the outboxes, outside the step's transaction (decision 0003).
 */
@Component
class ApplicantNotifications {

    private final List<NotificationSender> senders;
    private final NotificationLog log;

    ApplicantNotifications(List<NotificationSender> senders, NotificationLog log) {
        this.senders = senders;
        this.log = log;
    }

    @EventListener
    void on(ApplicationStepTaken step) {
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(step.applicant());
        if (step.channel() == SubmissionChannel.PROXY) {
            recipients.add(step.submittedBy());
        }
        List<NotificationLog.Addressee> addressees = new ArrayList<>();
        for (NotificationSender sender : senders) {
            if (sender.wants(step)) {
                recipients.forEach(recipient -> addressees.add(new NotificationLog.Addressee(recipient, sender.channel())));
            }
        }
        log.write(step, addressees);
    }
}
