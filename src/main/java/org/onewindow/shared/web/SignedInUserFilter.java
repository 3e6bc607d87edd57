package org.onewindow.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes the user name of who made a request (never more: no name, no ID number) for the request
 * log. It runs after the security filters, which know the user while the request is handled; the
 * request log writes its line after they have forgotten.
 */
@Component
@Order(0)
class SignedInUserFilter extends OncePerRequestFilter {

    static final String USER = SignedInUserFilter.class.getName() + ".user";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
                request.setAttribute(USER, who.getName());
            }
        }
    }
}
