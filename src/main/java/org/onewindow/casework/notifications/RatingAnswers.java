package org.onewindow.casework.notifications;

import java.util.LinkedHashSet;
import java.util.Set;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.RatingAnswered;
import org.onewindow.casework.SubmissionChannel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The person who gave a bad rating hears in their inbox that the supervisors answered it (好差评:
 * a bad review is answered to the one who gave it). Written in the transaction of the answer, as
 * the steps of an application are: an answer that commits has its message.
 */
@Component
class RatingAnswers {

    static final String STEP = "rating-answered";

    private final NotificationLog log;

    RatingAnswers(NotificationLog log) {
        this.log = log;
    }

    @EventListener
    void on(RatingAnswered answered) {
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(answered.applicant());
        // a proxy rates for the person they act for; a clerk who filed at a window does not rate
        if (answered.channel() == SubmissionChannel.PROXY) {
            recipients.add(answered.submittedBy());
        }
        recipients.forEach(recipient -> log.write(recipient, "INBOX", answered.number(), STEP, ApplicationState.CLOSED, answered.at()));
    }
}
