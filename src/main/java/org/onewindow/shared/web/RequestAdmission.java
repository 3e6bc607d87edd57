package org.onewindow.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
 * instead of piling up. Health probes bypass the gate: they must answer under load. Uploads have
 * places of their own ({@code onewindow.uploads.concurrent}), with the same wait and answer: an
 * upload spends most of its time on the wire, where it would hold one of the places of quick
 * requests for nothing, but it holds up to the upload limit in memory and parsing it costs CPU,
 * so a flood of big uploads must queue without starving everyone else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestAdmission extends OncePerRequestFilter {

    /** Requests spend part of their time waiting for PostgreSQL; a few per core keep the cores busy. */
    private static final int PLACES_PER_CORE = 4;
    private static final long RETRY_AFTER_SECONDS = 5;

    private final Semaphore places;
    private final Semaphore uploadPlaces;
    private final long waitNanos;
    private final MessageSource messages;
    private final JsonMapper json;

    RequestAdmission(@Value("${onewindow.web.concurrent-requests}") int places, @Value("${onewindow.uploads.concurrent}") int uploads,
                     @Value("${onewindow.web.admission-wait}") Duration wait, MessageSource messages, JsonMapper json) {
        if (places < 0) {
            throw new IllegalArgumentException("onewindow.web.concurrent-requests must be 0 (four per core) or more");
        }
        if (uploads < 1) {
            throw new IllegalArgumentException("onewindow.uploads.concurrent must be 1 or more");
        }
        this.places = new Semaphore(places == 0 ? PLACES_PER_CORE * Runtime.getRuntime().availableProcessors() : places, true);
        this.uploadPlaces = new Semaphore(uploads, true);
        this.waitNanos = wait.toNanos();
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        Semaphore gate = type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE) ? uploadPlaces : places;
        boolean admitted;
        try {
            admitted = gate.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
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
            gate.release();
        }
    }

    /** API callers get a problem detail; people get the error page in plain words (ErrorPages). */
    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetails.unavailable(request, response, "busy", RETRY_AFTER_SECONDS, messages, json);
    }
}
