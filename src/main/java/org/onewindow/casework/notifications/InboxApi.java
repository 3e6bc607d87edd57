package org.onewindow.casework.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every person's inbox of the steps of their applications. */
@RestController
@Tag(name = "casework")
class InboxApi {

    private final NotificationLog notifications;

    InboxApi(NotificationLog notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/casework/applications/inbox")
    @Operation(summary = "Your inbox: every step of your applications (and of those you file for others)")
    List<NotificationLog.Notification> inbox(Authentication who) {
        return notifications.inbox(who.getName());
    }
}
