package org.onewindow.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a refused request asked for an address where nothing is: no page and no API operation
 * answers at its path, for any method. Such a request is answered 404 for everyone instead of
 * "sign in" or "not allowed", which would suggest there is something behind it. Asked only after
 * access was refused, so it never lets a request through; an address that exists for another
 * method or media type counts as existing and keeps its refusal.
 */
@Component
class UnknownPaths {

    private final HandlerMappingIntrospector handlers;

    UnknownPaths(HandlerMappingIntrospector handlers) {
        this.handlers = handlers;
    }

    boolean unknown(HttpServletRequest request) {
        HttpServletRequest probe = new Probe(request);
        ServletRequestPathUtils.parseAndCache(probe);
        for (HandlerMapping mapping : handlers.getHandlerMappings()) {
            try {
                HandlerExecutionChain chain = mapping.getHandler(probe);
                // the static files answer every path, and 404 where there is no file: that is not an address of the platform
                if (chain != null && !(chain.getHandler() instanceof ResourceHttpRequestHandler)) {
                    return false;
                }
            } catch (Exception anotherMethodOrMediaType) {
                return false;
            }
        }
        return true;
    }

    /** The request with attributes of its own, so that looking for a handler leaves nothing behind on the real one. */
    private static final class Probe extends HttpServletRequestWrapper {
        private final Map<String, Object> attributes = new HashMap<>();

        Probe(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
        }
    }
}
