package org.onewindow.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.onewindow.shared.web.InterruptedForm;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.stereotype.Component;

/**
 * A form posted after its session ended arrives without the session's CSRF token: that is a sign
 * that the session is gone (it expired, the browser dropped the cookie), not that the person lacks
 * rights, and it is said so. A form whose module keeps such answers ({@link InterruptedForm}) sends
 * the person to sign in, and from there back to the form; any other form answers the error page
 * saying the session ended, still refused (a forged cross-site post looks the same).
 */
@Component
class EndedSessions implements AccessDeniedHandler {

    /** Where Spring Security's request cache keeps the page to return to after signing in. */
    private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

    private final List<InterruptedForm> forms;
    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    EndedSessions(List<InterruptedForm> forms) {
        this.forms = forms;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        if (!(refusal instanceof MissingCsrfTokenException)) {
            otherwise.handle(request, response, refusal);
            return;
        }
        Optional<String> back = forms.stream().map(form -> form.keep(request, response)).flatMap(Optional::stream).findFirst();
        if (back.isPresent()) {
            request.getSession(true).setAttribute(SAVED_REQUEST, new SimpleSavedRequest(back.get()));
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + "/login?expired=kept");
            return;
        }
        request.setAttribute(InterruptedForm.SESSION_ENDED, Boolean.TRUE);
        otherwise.handle(request, response, refusal);
    }
}
