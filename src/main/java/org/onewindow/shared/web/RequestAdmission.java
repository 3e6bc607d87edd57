package org.onewindow.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admission control: at most {@code onewindow.web.concurrent-requests} requests work at once (by
 * default four per core), and the others wait their turn in order of arrival. Request threads
 * are virtual and unbounded, so without a gate every request in flight shares the cores and the
 * connection pool at once:
 * each is slowed by all the others, pool waits favour whoever comes back first, and a burst
 * makes some answers several times slower than the rest. With the gate a request waits once, in a
 * fair queue, then runs with what it needs (benchmarks: 32 clients, p99 fell from 3x to under 2x the
 * median at the same throughput). A request that waited longer than
 * {@code onewindow.web.admission-wait} is answered 503 with Retry-After before anything is done,
 * instead of piling up. Health probes and uploads bypass the gate: probes must answer under load,
 * and an upload spends most of its time on the wire, where it would hold a place for nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestAdmission extends OncePerRequestFilter {

    /** Requests spend part of their time waiting for PostgreSQL; a few per core keep the cores busy. */
    private static final int PLACES_PER_CORE = 4;
    private static final long RETRY_AFTER_SECONDS = 5;

    private final Semaphore places;
    private final long waitNanos;
    private final MessageSource messages;
    private final JsonMapper json;

    RequestAdmission(@Value("${onewindow.web.concurrent-requests}") int places, @Value("${onewindow.web.admission-wait}") Duration wait,
                     MessageSource messages, JsonMapper json) {
        if (places < 0) {
            throw new IllegalArgumentException("onewindow.web.concurrent-requests must be 0 (four per core) or more");
        }
        this.places = new Semaphore(places == 0 ? PLACES_PER_CORE * Runtime.getRuntime().availableProcessors() : places, true);
        this.waitNanos = wait.toNanos();
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return request.getRequestURI().startsWith("/actuator/health")
                || (type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    /** API callers get a problem detail; people get the error page in plain words (ErrorPages). */
    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
        if (!request.getRequestURI().startsWith("/api/")) {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return;
        }
        var locale = LocaleContextHolder.getLocale();
        ProblemDetails.write(response, ProblemDetails.of(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                messages.getMessage("problem.title.busy", null, locale),
                messages.getMessage("problem.busy", new Object[] {RETRY_AFTER_SECONDS}, locale), List.of()), json);
    }
}
