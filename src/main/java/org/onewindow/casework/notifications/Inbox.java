package org.onewindow.casework.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.onewindow.casework.ApplicationState;
import org.onewindow.catalog.CatalogService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A person's inbox as they read it: each message names the service and the step in words
 * ("个体工商户设立登记：已退回补正，请补正 2 项内容"), never a code, and links to where the person
 * acts on it: the application's status page, or for a supervisor the bad rating to answer.
 */
@Service
public class Inbox {

    private static final int NEWEST = 100;

    private final NotificationLog log;
    private final CatalogService catalog;
    private final MessageSource messages;

    Inbox(NotificationLog log, CatalogService catalog, MessageSource messages) {
        this.log = log;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** One message in words, with the page to open. */
    public record InboxMessage(String applicationNumber, String itemCode, String itemName, String step, ApplicationState stateAfter,
                               Instant at, boolean read, String text, String link) {
    }

    /** The newest messages first, at most {@code limit} (and never more than 100). */
    public List<InboxMessage> of(String recipient, int limit, Locale locale) {
        return log.inbox(recipient, Math.min(limit, NEWEST)).stream().map(n -> worded(n, locale)).toList();
    }

    private InboxMessage worded(NotificationLog.Notification n, Locale locale) {
        String item = n.itemCode() == null ? n.applicationNumber() : catalog.publishedItem(n.itemCode())
                .map(i -> i.standard().name().in(locale)).orElse(n.itemCode());
        // a step with words of its own for the inbox says what happened and what to do; any other says what the timeline says
        String text = messages.getMessage("inbox." + n.step(), new Object[] {item, n.reasons()}, null, locale);
        if (text == null) {
            text = messages.getMessage("inbox.step", new Object[] {item, messages.getMessage("step." + n.step(), null, n.step(), locale)},
                    locale);
        }
        return new InboxMessage(n.applicationNumber(), n.itemCode(), item, n.step(), n.stateAfter(), n.at(), n.read(), text,
                linkFor(n));
    }

    private static String linkFor(NotificationLog.Notification n) {
        return BadRatingAlerts.STEP.equals(n.step()) ? "/supervision#follow-up-" + n.applicationNumber()
                : "/applications/" + n.applicationNumber();
    }
}
