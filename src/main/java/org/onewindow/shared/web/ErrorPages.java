package org.onewindow.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that happen outside a controller (unknown path, a filter refusing a request): API
 * callers get a problem detail, people get a page in plain words with a way back.
 */
@Controller
class ErrorPages implements ErrorController {

    private final MessageSource messages;
    private final JsonMapper json;

    ErrorPages(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A page for people; an API path gets its problem detail even when the caller asked for HTML. */
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        HttpStatus status = statusOf(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().startsWith("/api/")) {
            ProblemDetails.write(response, problem(request).getBody(), json);
            return null;
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status.value());
        page.addObject("sessionEnded", request.getAttribute(InterruptedForm.SESSION_ENDED) != null);
        page.addObject("requestId", org.slf4j.MDC.get(RequestLogFilter.REQUEST_ID));
        return page;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("problem.title.http-" + status.value(), null, status.getReasonPhrase(), locale);
        String detail = messages.getMessage("problem.http-" + status.value(), null, title, locale);
        ProblemDetail problem = ProblemDetails.of(status, "http-" + status.value(), title, detail, List.of());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.toString().replaceAll("[^A-Za-z0-9/._~-]", "")));
        }
        return ProblemDetails.response(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
