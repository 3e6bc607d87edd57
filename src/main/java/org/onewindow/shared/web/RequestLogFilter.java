package org.onewindow.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.onewindow.shared.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request the platform's own id, puts it in the logging context (and so in the audit
 * trail) and in the response's X-Request-Id, and writes one log line per request with the user
 * name of who made it. An id a client or proxy sent in X-Request-Id is kept beside it, as the
 * client's, when it is sane: a client must not choose the id its actions are audited under, or it
 * could make its rows look like another request's. The query string is left out of the log
 * because searches and forms may carry personal data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID = AuditTrail.REQUEST_ID;
    static final String HEADER = "X-Request-Id";
    static final String CLIENT_HEADER = "X-Client-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Logger log = LoggerFactory.getLogger("org.onewindow.request");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = request.getHeader(HEADER);
        long start = System.nanoTime();
        MDC.put(REQUEST_ID, requestId);
        response.setHeader(HEADER, requestId);
        if (clientRequestId != null && SANE_ID.matcher(clientRequestId).matches()) {
            MDC.put(AuditTrail.CLIENT_REQUEST_ID, clientRequestId);
            response.setHeader(CLIENT_HEADER, clientRequestId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            if (!isAsset(request.getRequestURI())) {
                Object user = request.getAttribute(SignedInUserFilter.USER);
                log.info("method={} path={} status={} duration_ms={} user={}", request.getMethod(), request.getRequestURI(),
                        response.getStatus(), micros / 1000.0, user == null ? "-" : user);
            }
            MDC.remove(REQUEST_ID);
            MDC.remove(AuditTrail.CLIENT_REQUEST_ID);
        }
    }

    private static boolean isAsset(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/");
    }
}
