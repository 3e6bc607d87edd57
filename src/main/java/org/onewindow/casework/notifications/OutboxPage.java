package org.onewindow.casework.notifications;

import org.onewindow.casework.pages.PlainWords;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.audit.ReadPurpose;
import org.onewindow.shared.pii.PersonalDataMask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the platform handed to the SMS and e-mail gateways, for administrators to check that
 * people are told: the newest 200 messages about applications of the administrator's part of the
 * tree (a county's administrator sees their county's, the province's sees all). Recipients are shown as user names; anything that
 * looks like a phone number, ID number or e-mail address is masked.
 */
@Controller
class OutboxPage {

    private static final int SHOWN = 200;
    private static final List<String> CHANNELS = List.of("SMS", "EMAIL");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{11}$");
    private static final Pattern ID_NUMBER = Pattern.compile("^[0-9]{15}$|^[0-9]{17}[0-9Xx]$");

    private final NotificationLog log;
    private final MessageSource messages;
    private final AuditTrail audit;

    OutboxPage(NotificationLog log, MessageSource messages, AuditTrail audit) {
        this.log = log;
        this.messages = messages;
        this.audit = audit;
    }

    /** One message as the page shows it. */
    record Row(String recipient, String channel, String applicationNumber, String step, String at, String delivery, boolean failed) {
    }

    @GetMapping("/admin/outbox")
    String outbox(@RequestParam(required = false) String channel, StaffMember me, Model model, Locale locale) {
        String chosen = channel != null && CHANNELS.contains(channel) ? channel : null;
        List<NotificationLog.OutboxMessage> outbox = log.outbox(chosen, me.region().prefix(), SHOWN);
        // who was told what about which application: a read of each recipient's data
        audit.recordReads(me.username(), ReadPurpose.OUTBOX_CHECK, outbox.stream().collect(Collectors.groupingBy(
                NotificationLog.OutboxMessage::recipient, Collectors.mapping(NotificationLog.OutboxMessage::applicationNumber,
                        Collectors.collectingAndThen(Collectors.toList(), AuditTrail::details)))));
        model.addAttribute("channel", chosen);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("messages", outbox.stream()
                .map(m -> new Row(masked(m.recipient()), m.channel(), m.applicationNumber(),
                        messages.getMessage("step." + m.step(), null, m.step(), locale), PlainWords.time(m.writtenAt()),
                        delivery(m, locale), m.failed()))
                .toList());
        return "casework/outbox";
    }

    private String delivery(NotificationLog.OutboxMessage m, Locale locale) {
        if (m.deliveredAt() != null) {
            return messages.getMessage("outbox.delivery.delivered", new Object[] {PlainWords.time(m.deliveredAt())}, locale);
        }
        if (m.attempts() == 0) {
            return messages.getMessage("outbox.delivery.waiting", null, locale);
        }
        return messages.getMessage(m.failed() ? "outbox.delivery.failed" : "outbox.delivery.retrying",
                new Object[] {m.attempts(), m.lastError()}, locale);
    }

    /** User names are shown; phone numbers, ID numbers and e-mail addresses never in full. */
    static String masked(String recipient) {
        if (recipient == null) {
            return "";
        }
        if (DIGITS.matcher(recipient).matches()) {
            return PersonalDataMask.phone(recipient);
        }
        if (ID_NUMBER.matcher(recipient).matches()) {
            return PersonalDataMask.idNumber(recipient);
        }
        int at = recipient.indexOf('@');
        if (at > 0) {
            return PersonalDataMask.name(recipient.substring(0, at)) + recipient.substring(at);
        }
        return recipient;
    }
}
