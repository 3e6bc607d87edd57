package org.onewindow.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.onewindow.shared.web.RateLimits.Kind;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Where the rate limits are applied. Sign-ins and registrations are counted before the security
 * filters, which answer a sign-in themselves; everything else after them, when the account
 * (and whether it is staff) is known. Staff look up applications all day: the limit on looking
 * up one application by its number applies to everyone else, whose guesses it slows down.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitGates implements WebMvcConfigurer {

    private static final Pattern APPLICATION = Pattern.compile("^(/api/v1/casework)?/applications/(bundles/)?[^/]+$");
    private static final Pattern TRACKING = Pattern.compile("^(/api/v1/casework/tracking|/track)$");
    private static final Pattern REGISTRATION = Pattern.compile("^(/register(/.*)?|/api/v1/identity/(persons|enterprises))$");

    private final RateLimits limits;

    RateLimitGates(RateLimits limits) {
        this.limits = limits;
    }

    /** Runs before Spring Security's filters (order -100). */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> signInRateLimit() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                OptionalLong wait = OptionalLong.empty();
                if ("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI())) {
                    wait = limits.take(Kind.LOGIN, request.getRemoteAddr(), request.getParameter("username"));
                } else if ("POST".equals(request.getMethod()) && REGISTRATION.matcher(request.getRequestURI()).matches()) {
                    wait = limits.take(Kind.REGISTRATION, request.getRemoteAddr(), null);
                }
                if (wait.isPresent()) {
                    limits.refuse(request, response, wait.getAsLong());
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
                if (request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
                    return true;
                }
                OptionalLong wait = requestLimit(request);
                if (wait.isPresent()) {
                    limits.refuse(request, response, wait.getAsLong());
                    return false;
                }
                return true;
            }
        }).order(Ordered.HIGHEST_PRECEDENCE);
    }

    private OptionalLong requestLimit(HttpServletRequest request) {
        String path = request.getRequestURI();
        String address = request.getRemoteAddr();
        String account = request.getUserPrincipal() == null ? basicUser(request) : request.getUserPrincipal().getName();
        boolean get = "GET".equals(request.getMethod());
        String type = request.getContentType();
        if (type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            OptionalLong wait = limits.take(Kind.UPLOAD, address, account);
            if (wait.isPresent()) {
                return wait;
            }
        }
        if (get && ("/search".equals(path) || "/api/v1/catalog/items".equals(path))) {
            OptionalLong wait = limits.take(Kind.SEARCH, address, account);
            if (wait.isPresent()) {
                return wait;
            }
        }
        // a receipt's number and tracking code are guessed no faster than an application's number
        boolean lookUp = (get && APPLICATION.matcher(path).matches() && !path.endsWith("/documents"))
                || ("POST".equals(request.getMethod()) && TRACKING.matcher(path).matches());
        if (lookUp && !staff(request)) {
            OptionalLong wait = limits.take(Kind.LOOKUP, address, account);
            if (wait.isPresent()) {
                return wait;
            }
        }
        return path.startsWith("/api/") ? limits.take(Kind.API, address, account) : OptionalLong.empty();
    }

    private static boolean staff(HttpServletRequest request) {
        return request.getUserPrincipal() != null && !request.isUserInRole("CITIZEN") && !request.isUserInRole("ENTERPRISE_AGENT");
    }

    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
