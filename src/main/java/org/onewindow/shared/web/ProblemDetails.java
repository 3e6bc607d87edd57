package org.onewindow.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details the same way everywhere: a type naming the rule, a title
 * in the caller's language, the fields and rules that failed, and the request id that ties
 * the answer to the log line.
 */
public final class ProblemDetails {

    private ProblemDetails() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        String requestId = MDC.get(RequestLogFilter.REQUEST_ID);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Answers with a problem detail from a filter, before Spring MVC runs. */
    /**
     * 503 with Retry-After, for work the platform cannot take just now: API callers get a problem
     * detail of this type ({@code problem.title.<type>}, {@code problem.<type>} with the seconds),
     * people get the error page in plain words (ErrorPages).
     */
    public static void unavailable(HttpServletRequest request, HttpServletResponse response, String type, long retryAfterSeconds,
                                   MessageSource messages, JsonMapper json) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        if (!request.getRequestURI().startsWith("/api/")) {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return;
        }
        var locale = LocaleContextHolder.getLocale();
        write(response, of(HttpStatus.SERVICE_UNAVAILABLE, type, messages.getMessage("problem.title." + type, null, locale),
                messages.getMessage("problem." + type, new Object[] {retryAfterSeconds}, locale), List.of()), json);
    }

    public static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    private static Map<String, Object> asMap(ProblemDetail problem) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    /** One field that failed one rule. */
    public record FieldError(String field, String rule, String message) {
    }
}
