package org.onewindow.shared.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.onewindow.shared.web.ProblemDetails;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database is out, every request is answered 503 with Retry-After (a problem detail for
 * the API, the error page in plain words for people) instead of a 500, and a sign-in that failed
 * only because the accounts could not be read is not answered 401 "wrong password": it runs before
 * the security filters and turns their refusal into the same 503. Health probes pass, so that they
 * report the database's state.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final long RETRY_AFTER_SECONDS = 5;

    private final DatabaseOutage outage;
    private final MessageSource messages;
    private final JsonMapper json;

    DatabaseOutageFilter(DatabaseOutage outage, MessageSource messages, JsonMapper json) {
        this.outage = outage;
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
        if (outage.isOngoing()) {
            refuse(request, response);
            return;
        }
        outage.forgetThisThread();
        RefusalInOutage watched = new RefusalInOutage(request, response);
        try {
            chain.doFilter(request, watched);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseOutage.explains(failure) || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            refuse(request, response);
        } finally {
            outage.forgetThisThread();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetails.unavailable(request, response, "database-unavailable", RETRY_AFTER_SECONDS, messages, json);
    }

    /** Passes everything through, except a refusal of the credentials (401, or the sign-in page's error) caused by the outage. */
    private final class RefusalInOutage extends HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private boolean replaced;

        RefusalInOutage(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        private boolean replace(int status) throws IOException {
            if (replaced) {
                return true;
            }
            if (status != HttpStatus.UNAUTHORIZED.value() || !(outage.lostOnThisThread() || outage.isOngoing())) {
                return false;
            }
            replaced = true;
            refuse(request, (HttpServletResponse) getResponse());
            return true;
        }

        @Override
        public void setStatus(int status) {
            try {
                if (!replace(status)) {
                    super.setStatus(status);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!replace(status)) {
                super.sendError(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!replace(status)) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            boolean signInRefused = location.contains("/login?error");
            if (!(signInRefused ? replace(HttpStatus.UNAUTHORIZED.value()) : replaced)) {
                super.sendRedirect(location);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!replaced) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!replaced) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setContentType(String type) {
            if (!replaced) {
                super.setContentType(type);
            }
        }

        @Override
        public void setCharacterEncoding(String charset) {
            if (!replaced) {
                super.setCharacterEncoding(charset);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return replaced ? new Discarded() : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return replaced ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
        }
    }

    /** Where the body of a replaced refusal goes. */
    private static final class Discarded extends ServletOutputStream {
        @Override
        public void write(int b) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    }
}
