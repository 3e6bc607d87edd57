package org.onewindow.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers while the database is out, for each way a request can meet the outage: a sign-in
 * whose account could not be read is not told its password is wrong, a failure deep in a
 * controller is not a 500, and a really wrong password is still a 401.
 */
class DatabaseOutageFilterTest {

    private final DatabaseOutage outage = new DatabaseOutage();
    private final DatabaseOutageFilter filter = new DatabaseOutageFilter(outage, messages(), JsonMapper.builder().build());

    @Test
    void aValidSignInThatCouldNotBeCheckedIsAnswered503NotUnauthorized() throws Exception {
        MockHttpServletResponse response = run(api(), new MockFilterChain(servlet((request, answer) -> {
            outage.noticed(new SQLTransientConnectionException("onewindow - Connection is not available", "08001"));
            answer.setHeader("WWW-Authenticate", "Basic realm=\"OneWindow\"");
            answer.setStatus(401);
            answer.setContentType("application/problem+json");
            answer.getOutputStream().write("{\"status\":401}".getBytes(StandardCharsets.UTF_8));
        })));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("database-unavailable").doesNotContain("401");
    }

    @Test
    void aWrongPasswordIsStillUnauthorized() throws Exception {
        MockHttpServletResponse response = run(api(), new MockFilterChain(servlet((request, answer) -> answer.sendError(401))));

        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void aLostConnectionInsideAControllerIsAnswered503NotAServerError() throws Exception {
        MockHttpServletResponse response = run(api(), new MockFilterChain(servlet((request, answer) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLException("Connection refused", "08001"));
        })));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void whileTheOutageIsDeclaredPagesGetThePlainErrorPageAndProbesPass() throws Exception {
        outage.begin(Instant.now());
        MockHttpServletResponse page = run(new MockHttpServletRequest("GET", "/items/MR-002"), new MockFilterChain());
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");

        MockHttpServletResponse probe = run(new MockHttpServletRequest("GET", "/actuator/health/readiness"), new MockFilterChain());
        assertThat(probe.getStatus()).isEqualTo(200);

        outage.end();
        assertThat(run(new MockHttpServletRequest("GET", "/items/MR-002"), new MockFilterChain()).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static MockHttpServletRequest api() {
        return new MockHttpServletRequest("GET", "/api/v1/identity/me");
    }

    @FunctionalInterface
    private interface Handler {
        void handle(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws Exception;
    }

    private static jakarta.servlet.http.HttpServlet servlet(Handler handler) {
        return new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
                    throws jakarta.servlet.ServletException, java.io.IOException {
                try {
                    handler.handle(request, response);
                } catch (RuntimeException | java.io.IOException | jakarta.servlet.ServletException e) {
                    throw e;
                } catch (Exception e) {
                    throw new jakarta.servlet.ServletException(e);
                }
            }
        };
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.title.database-unavailable", Locale.getDefault(), "Temporarily unavailable");
        messages.addMessage("problem.database-unavailable", Locale.getDefault(), "Try again in {0} seconds.");
        return messages;
    }
}
