package org.onewindow.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The two choices a person makes once and keeps on every page: language (?lang=en|zh-CN) and
 * elderly mode (?elderly=on|off: large text, high contrast, simpler pages). Both are links, so
 * they work without JavaScript, and both are remembered in cookies for a year.
 *
 * <p>Pages speak Simplified Chinese until the person switches; API callers are answered in
 * the language of their Accept-Language header when it is one we speak.
 */
@Configuration(proxyBeanMethods = false)
class PortalPreferences implements WebMvcConfigurer {

    static final String ELDERLY_COOKIE = "ow-elderly";
    static final String ELDERLY_ATTRIBUTE = "elderlyMode";
    static final List<Locale> SPOKEN = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ow-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(PortalPreferences::defaultLocale);
        return resolver;
    }

    private static Locale defaultLocale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && request.getRequestURI().startsWith("/api/")) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SPOKEN);
                if (match != null) {
                    return match;
                }
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    if (range.getRange().startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                    if (range.getRange().startsWith("zh")) {
                        return Locale.SIMPLIFIED_CHINESE;
                    }
                }
            } catch (IllegalArgumentException malformedHeader) {
                return Locale.SIMPLIFIED_CHINESE;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * The resource chain (switched on by the WebJars locator, so that pages can name htmx
     * without its version) brings a filter that passes every link of every page through the
     * static-resource resolvers; inside a packaged jar each such look-up opens a nested jar URL,
     * which made a page with fifty links ten times slower than the API. We use no versioned or
     * hashed static URLs, so the filter has nothing to rewrite: keep the chain, drop the filter.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language);
        registry.addInterceptor(new PortalChoicesInterceptor());
    }

    /** Reads ?elderly=on|off, remembers it, and tells the templates which mode to render. */
    static final class PortalChoicesInterceptor implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String requested = request.getParameter("elderly");
            boolean on;
            if ("on".equals(requested) || "off".equals(requested)) {
                on = "on".equals(requested);
                Cookie cookie = new Cookie(ELDERLY_COOKIE, on ? "on" : "off");
                cookie.setPath("/");
                cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
                cookie.setHttpOnly(true);
                cookie.setAttribute("SameSite", "Lax");
                response.addCookie(cookie);
            } else {
                on = false;
                if (request.getCookies() != null) {
                    for (Cookie cookie : request.getCookies()) {
                        if (ELDERLY_COOKIE.equals(cookie.getName())) {
                            on = "on".equals(cookie.getValue());
                        }
                    }
                }
            }
            request.setAttribute(ELDERLY_ATTRIBUTE, on);
            return true;
        }

        /** Every page gets the links that flip language and elderly mode while staying where it is. */
        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                               ModelAndView page) {
            if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
                return;
            }
            boolean elderly = Boolean.TRUE.equals(request.getAttribute(ELDERLY_ATTRIBUTE));
            Locale locale = RequestContextUtils.getLocale(request);
            boolean english = "en".equals(locale.getLanguage());
            page.addObject("elderly", elderly);
            page.addObject("signedIn", request.getUserPrincipal() != null);
            page.addObject("administrator", request.isUserInRole("ADMINISTRATOR"));
            page.addObject("officeStaff", request.isUserInRole("CLERK") || request.isUserInRole("HANDLER"));
            page.addObject("supervisor", request.isUserInRole("SUPERVISOR"));
            page.addObject("english", english);
            page.addObject("elderlyToggleUrl", withParameter(request, "elderly", elderly ? "off" : "on"));
            page.addObject("languageToggleUrl", withParameter(request, "lang", english ? "zh-CN" : "en"));
        }

        /**
         * The same page with one choice flipped. Only a GET keeps its parameters: the fields of a
         * refused form (a password among them) never go into a link.
         */
        private static String withParameter(HttpServletRequest request, String name, String value) {
            var url = UriComponentsBuilder.fromPath(request.getRequestURI());
            Map<String, String[]> parameters = "GET".equals(request.getMethod()) ? request.getParameterMap() : Map.of();
            parameters.forEach((key, values) -> {
                if (!key.equals(name) && !key.equals("lang") && !key.equals("elderly") && !key.equals("_csrf")) {
                    for (String v : values) {
                        url.queryParam(key, v);
                    }
                }
            });
            return url.queryParam(name, value).encode().build().toUriString();
        }
    }
}
