package org.onewindow.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page that refuses what a person asked (a rule broken, a step no longer possible) and did not
 * show the refusal next to the form itself answers with the error page in plain words: the
 * status, and the refusal's own message instead of "something went wrong". API callers get a
 * problem detail instead ({@link ProblemDetailsAdvice}, which comes first for REST controllers).
 * Access refusals are left to the security filters, which send people who are not signed in to
 * the sign-in page.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageRefusals {

    private final MessageSource messages;

    PageRefusals(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException refusal, Model model, HttpServletResponse response, Locale locale) {
        return page(HttpStatus.CONFLICT, List.of(messages.getMessage(refusal.messageKey(), refusal.args(), refusal.rule(), locale)), model,
                response);
    }

    @ExceptionHandler(RuleViolationException.class)
    String ruleBroken(RuleViolationException refusal, Model model, HttpServletResponse response, Locale locale) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, refusal.violations().stream()
                .map(v -> messages.getMessage(v.messageKey(), v.args(), v.rule(), locale)).toList(), model, response);
    }

    /** The back button and a changed form re-sent under the key of a submission already made. */
    @ExceptionHandler(org.onewindow.shared.IdempotencyKeyReusedException.class)
    String resubmitted(org.onewindow.shared.IdempotencyKeyReusedException refusal, Model model, HttpServletResponse response, Locale locale) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, List.of(messages.getMessage("error.resubmitted", null, locale)), model, response);
    }

    @ExceptionHandler(NulCharacterGuard.NulCharacterException.class)
    String nulCharacter(NulCharacterGuard.NulCharacterException refusal, Model model, HttpServletResponse response, Locale locale) {
        return page(HttpStatus.BAD_REQUEST, List.of(messages.getMessage("problem.field.null-character", null, locale)), model, response);
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    String malformedUpload(org.springframework.web.multipart.MultipartException refusal, Model model, HttpServletResponse response,
                           Locale locale) {
        if (refusal instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            model.addAttribute("status", HttpStatus.CONTENT_TOO_LARGE.value());
            model.addAttribute("requestId", org.slf4j.MDC.get(RequestLogFilter.REQUEST_ID));
            return "error";
        }
        return page(HttpStatus.BAD_REQUEST, List.of(messages.getMessage("problem.multipart.malformed", null, locale)), model, response);
    }

    private static String page(HttpStatus status, List<String> reasons, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("reasons", reasons);
        model.addAttribute("requestId", org.slf4j.MDC.get(RequestLogFilter.REQUEST_ID));
        return "error";
    }
}
