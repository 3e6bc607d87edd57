package org.onewindow.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * A form worth keeping when it arrives after the sender's session ended (the browser kept the page
 * open, the session did not last): the module that owns the form keeps what was posted, so that
 * signing in again leads back to the form with the answers in it instead of an empty one. The
 * request is anonymous by then, so what is kept must only go back to the person it came from.
 */
public interface InterruptedForm {

    /** The request attribute that tells the error page a form was refused because its session had ended, not for want of rights. */
    String SESSION_ENDED = "org.onewindow.shared.web.sessionEnded";

    /**
     * Keeps the posted answers if the request is this form's (the response may get a cookie that
     * finds them again).
     *
     * @return the page (a path) to go back to after signing in, or empty when this is not the form
     */
    Optional<String> keep(HttpServletRequest request, HttpServletResponse response);
}
