package org.onewindow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The gate in front of the platform: a fixed number of places, a fair queue, and 503 after a wait that lasted too long. */
class RequestAdmissionTest {

    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstInside = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        clients.shutdownNow();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aRequestThatFindsEveryPlaceTakenWaitsItsTurnAndThenRuns() throws Exception {
        RequestAdmission gate = gate(1, Duration.ofSeconds(10));
        List<String> served = new CopyOnWriteArrayList<>();
        Future<MockHttpServletResponse> first = clients.submit(() -> call(gate, "/api/v1/first", holdingUntilReleased(served)));
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
        Future<MockHttpServletResponse> second = clients.submit(() -> call(gate, "/api/v1/second", recording(served)));

        Thread.sleep(200);
        assertThat(served).containsExactly("/api/v1/first");
        release.countDown();
        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(served).containsExactly("/api/v1/first", "/api/v1/second");
    }

    @Test
    void aRequestThatWaitedTooLongIsToldToComeBackAndNothingRuns() throws Exception {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        RequestAdmission gate = gate(1, Duration.ofMillis(100));
        List<String> served = new CopyOnWriteArrayList<>();
        clients.submit(() -> call(gate, "/api/v1/first", holdingUntilReleased(served)));
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = call(gate, "/api/v1/casework/applications", recording(served));

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"type\":\"/problems/busy\"").contains("try again in 5 seconds");
        assertThat(served).containsExactly("/api/v1/first");

        // a person at a page gets the error page in plain words (rendered by ErrorPages for the status)
        MockHttpServletResponse page = call(gate, "/items/MR-002/apply", recording(served));
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.isCommitted()).isTrue();
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");
        assertThat(served).containsExactly("/api/v1/first");
    }

    @Test
    void healthProbesAndUploadsDoNotQueueBehindOtherWork() throws Exception {
        RequestAdmission gate = gate(1, Duration.ofMillis(100));
        List<String> served = new CopyOnWriteArrayList<>();
        clients.submit(() -> call(gate, "/api/v1/first", holdingUntilReleased(served)));
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(call(gate, "/actuator/health/readiness", recording(served)).getStatus()).isEqualTo(200);
        MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/v1/casework/applications/OW1/materials/ID");
        upload.setContentType("multipart/form-data; boundary=x");
        MockHttpServletResponse uploaded = new MockHttpServletResponse();
        gate.doFilter(upload, uploaded, recording(served));
        assertThat(uploaded.getStatus()).isEqualTo(200);
        assertThat(served).containsExactly("/api/v1/first", "/actuator/health/readiness", "/api/v1/casework/applications/OW1/materials/ID");
    }

    @Test
    void aFloodOfBigUploadsWaitsForItsOwnPlacesAndOtherRequestsStillRun() throws Exception {
        RequestAdmission gate = gate(1, Duration.ofMillis(100));
        List<String> served = new CopyOnWriteArrayList<>();
        clients.submit(() -> {
            gate.doFilter(upload("/api/v1/casework/applications/OW1/materials"), new MockHttpServletResponse(), holdingUntilReleased(served));
            return null;
        });
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse secondUpload = new MockHttpServletResponse();
        gate.doFilter(upload("/api/v1/casework/applications/OW2/materials"), secondUpload, recording(served));
        assertThat(secondUpload.getStatus()).isEqualTo(503);
        assertThat(secondUpload.getHeader("Retry-After")).isNotBlank();
        assertThat(call(gate, "/api/v1/catalog/items", recording(served)).getStatus()).isEqualTo(200);
        assertThat(served).containsExactly("/api/v1/casework/applications/OW1/materials", "/api/v1/catalog/items");
    }

    private static MockHttpServletRequest upload(String path) {
        MockHttpServletRequest upload = new MockHttpServletRequest("POST", path);
        upload.setContentType("multipart/form-data; boundary=x");
        return upload;
    }

    private RequestAdmission gate(int places, Duration wait) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new RequestAdmission(places, 1, wait, messages, JsonMapper.builder().build());
    }

    private static MockHttpServletResponse call(RequestAdmission gate, String path, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", path), response, chain);
        return response;
    }

    private FilterChain holdingUntilReleased(List<String> served) {
        return (request, response) -> {
            served.add(((MockHttpServletRequest) request).getRequestURI());
            firstInside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static FilterChain recording(List<String> served) {
        return (request, response) -> served.add(((MockHttpServletRequest) request).getRequestURI());
    }
}
