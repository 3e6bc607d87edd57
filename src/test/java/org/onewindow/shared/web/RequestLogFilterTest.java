package org.onewindow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.shared.audit.AuditTrail;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The request log names who made a request, and the id it is logged and audited under is the platform's. */
class RequestLogFilterTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger requestLog = (Logger) LoggerFactory.getLogger("org.onewindow.request");

    @BeforeEach
    void listen() {
        lines.start();
        requestLog.addAppender(lines);
        requestLog.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void stopListening() {
        requestLog.detachAppender(lines);
        SecurityContextHolder.clearContext();
    }

    @Test
    void theRequestLogRecordsTheUserAndAClientCannotChooseTheRequestId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/casework/tasks");
        request.addHeader("X-Request-Id", "chosen-by-client");
        MockHttpServletResponse response = new MockHttpServletResponse();
        String[] seen = new String[2];
        new RequestLogFilter().doFilter(request, response, (req, res) -> new SignedInUserFilter().doFilter(req, res,
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest r, jakarta.servlet.http.HttpServletResponse s) {
                        seen[0] = MDC.get(AuditTrail.REQUEST_ID);
                        seen[1] = MDC.get(AuditTrail.CLIENT_REQUEST_ID);
                        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                "clerk.xihu", null, AuthorityUtils.createAuthorityList("ROLE_CLERK")));
                    }
                })));

        assertThat(seen[0]).isNotEqualTo("chosen-by-client").isEqualTo(response.getHeader("X-Request-Id"));
        assertThat(seen[1]).isEqualTo("chosen-by-client");
        assertThat(lines.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .contains("path=/api/v1/casework/tasks").contains("user=clerk.xihu"));
    }
}
