package org.onewindow.casework.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every person's inbox of the steps of their applications. */
@RestController
@Tag(name = "casework")
class InboxApi {

    private static final int SHOWN = 100;

    private final Inbox inbox;

    InboxApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/casework/applications/inbox")
    @Operation(summary = "Your inbox: every step of your applications (and of those you file for others), in words, with the page to open")
    List<Inbox.InboxMessage> inbox(Authentication who, Locale locale) {
        return inbox.of(who.getName(), SHOWN, locale);
    }
}
