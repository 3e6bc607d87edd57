package org.onewindow.shared.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token buckets per client address and per account, one pair for each kind of request
 * (onewindow.rate-limits in application.yml). The buckets live in this node's memory: with
 * several nodes each grants its own share, so a client spread over N nodes gets up to N times
 * the limit until the buckets move to a shared store. Buckets that have refilled completely are
 * the same as new ones and are dropped when the table grows large.
 */
@Component
@EnableConfigurationProperties(RateLimits.Settings.class)
class RateLimits {

    private static final int SWEEP_ABOVE = 100_000;

    private final Settings settings;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Map<String, Held> buckets = new ConcurrentHashMap<>();

    RateLimits(Settings settings, MessageSource messages, JsonMapper json) {
        this.settings = settings;
        this.messages = messages;
        this.json = json;
    }

    /** The kinds of request that are limited, each configured under its own key. */
    enum Kind {
        LOGIN, REGISTRATION, SEARCH, UPLOAD, API, LOOKUP
    }

    /**
     * Takes one token from the address's bucket and, when known, the account's; empty when the
     * request may go on, else the seconds to wait.
     */
    OptionalLong take(Kind kind, String address, String account) {
        Limit limit = settings.limit(kind);
        if (!settings.enabled() || limit == null) {
            return OptionalLong.empty();
        }
        OptionalLong wait = take(kind + "|a|" + address, limit.perAddress(), limit.period());
        if (wait.isEmpty() && account != null && !account.isBlank()) {
            wait = take(kind + "|u|" + account.strip().toLowerCase(Locale.ROOT), limit.perAccount(), limit.period());
        }
        return wait;
    }

    private OptionalLong take(String key, int capacity, Duration period) {
        if (capacity <= 0) {
            return OptionalLong.empty();
        }
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(Held::full);
        }
        Held held = buckets.computeIfAbsent(key, k -> new Held(Bucket.builder()
                .addLimit(band -> band.capacity(capacity).refillGreedy(capacity, period)).build(), capacity));
        ConsumptionProbe probe = held.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    /** 429 with Retry-After: a problem detail for the API, the error page in plain words for people. */
    void refuse(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (!request.getRequestURI().startsWith("/api/")) {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetails.write(response, ProblemDetails.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                messages.getMessage("problem.title.http-429", null, locale),
                messages.getMessage("problem.http-429", new Object[] {seconds}, locale), List.of()), json);
    }

    private record Held(Bucket bucket, long capacity) {
        boolean full() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }

    /** How many requests of one kind an address and an account may send per period; 0: not limited. */
    record Limit(int perAddress, int perAccount, Duration period) {
        Limit {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("onewindow.rate-limits.*.period must be positive");
            }
        }
    }

    @ConfigurationProperties("onewindow.rate-limits")
    record Settings(boolean enabled, Limit login, Limit registration, Limit search, Limit upload, Limit api, Limit lookup) {
        Limit limit(Kind kind) {
            return switch (kind) {
                case LOGIN -> login;
                case REGISTRATION -> registration;
                case SEARCH -> search;
                case UPLOAD -> upload;
                case API -> api;
                case LOOKUP -> lookup;
            };
        }
    }
}
