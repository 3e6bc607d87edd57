package org.onewindow.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request is answered only for the platform's own host names. Anything that builds an
 * absolute URL from the request (the sign-in redirect, the page asked for before signing in)
 * takes the host from the Host header; a forged one would send people, or a cache, to the
 * attacker's site. Redirects are also relative (server.tomcat.use-relative-redirects). Health
 * probes are exempt: orchestrators call them by IP address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AllowedHosts extends OncePerRequestFilter {

    private final Set<String> hosts = new HashSet<>();
    private final MessageSource messages;
    private final JsonMapper json;

    AllowedHosts(@Value("${onewindow.web.public-base-url:}") String publicBaseUrl,
                 @Value("${onewindow.web.allowed-hosts:localhost,127.0.0.1,[::1]}") List<String> allowed,
                 MessageSource messages, JsonMapper json) {
        allowed.stream().map(String::strip).filter(h -> !h.isEmpty()).map(AllowedHosts::normalized).forEach(hosts::add);
        if (!publicBaseUrl.isBlank()) {
            String host = URI.create(publicBaseUrl.strip()).getHost();
            if (host == null) {
                throw new IllegalArgumentException("onewindow.web.public-base-url must be an absolute URL, such as https://zwfw.example.gov.cn");
            }
            hosts.add(normalized(host));
        }
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
        if (hosts.contains(normalized(request.getServerName()))) {
            chain.doFilter(request, response);
            return;
        }
        if (!request.getRequestURI().startsWith("/api/")) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetails.write(response, ProblemDetails.of(HttpStatus.BAD_REQUEST, "host-not-allowed",
                messages.getMessage("problem.title.http-400", null, locale),
                messages.getMessage("problem.host-not-allowed", null, locale), List.of()), json);
    }

    private static String normalized(String host) {
        String lower = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") || !lower.contains(":") ? lower : "[" + lower + "]";
    }
}
