package org.onewindow.catalog.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onewindow.catalog.CatalogService;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered portal pages (home, search, service guides, life events) that anonymous
 * visitors see, because almost every visitor is anonymous and these pages change only when the
 * catalog does. A page is reused only while the catalog is at the generation it was rendered
 * from, so a publication is visible at once. Nothing personal is kept: signed-in visitors,
 * responses that set a cookie or open a session, and anything but a 200 page go uncached.
 */
@Component
class PublicPageCache extends OncePerRequestFilter {

    static final String HEADER = "X-Page-Cache";
    private static final int MOST_PAGES = 20_000;

    private final CatalogService catalog;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    PublicPageCache(CatalogService catalog) {
        this.catalog = catalog;
    }

    private record Page(long generation, String contentType, byte[] body) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean portalPage = path.equals("/") || path.equals("/search") || path.equals("/bundles")
                || path.startsWith("/items/") || path.startsWith("/bundles/");
        return !portalPage || !"GET".equals(request.getMethod()) || request.getUserPrincipal() != null
                || request.getRequestedSessionId() != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request);
        long generation = catalog.generation();
        Page page = pages.get(key);
        if (page != null && page.generation() == generation) {
            response.setHeader(HEADER, "hit");
            response.setContentType(page.contentType());
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        rendering.setHeader(HEADER, "miss");
        chain.doFilter(request, rendering);
        if (isShareable(request, rendering)) {
            if (pages.size() >= MOST_PAGES) {
                pages.clear();
            }
            pages.put(key, new Page(generation, rendering.getContentType(), rendering.getContentAsByteArray()));
        }
        rendering.copyBodyToResponse();
    }

    private static boolean isShareable(HttpServletRequest request, ContentCachingResponseWrapper rendering) {
        return rendering.getStatus() == 200
                && rendering.getContentType() != null && rendering.getContentType().startsWith("text/html")
                && rendering.getHeaders("Set-Cookie").isEmpty()
                && request.getSession(false) == null;
    }

    /** The same address can show another language, mode or fragment: all of them are part of the key. */
    private static String keyOf(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(request.getRequestURI());
        if (request.getQueryString() != null) {
            key.append('?').append(request.getQueryString());
        }
        key.append('|').append(cookie(request, "ow-lang")).append('|').append(cookie(request, "ow-elderly"))
                .append('|').append(request.getHeader("HX-Request") != null);
        return key.toString();
    }

    private static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return "";
    }
}
