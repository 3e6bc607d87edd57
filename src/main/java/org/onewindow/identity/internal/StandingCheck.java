package org.onewindow.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session whose account no longer stands as it did at sign-in (disabled, re-roled,
 * a second factor enrolled or required): checked against the database at every request, so it
 * holds on every node at once. The request goes on as anonymous, and the rules send it to sign in.
 * Not a bean: as one, Spring Boot would also put it before the security filters.
 */
final class StandingCheck extends OncePerRequestFilter {

    private final AccountStanding standing;

    StandingCheck(AccountStanding standing) {
        this.standing = standing;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var who = SecurityContextHolder.getContext().getAuthentication();
        if (who instanceof UsernamePasswordAuthenticationToken && who.getDetails() instanceof AccountStanding.SignedInUnder under
                && standing.of(who.getName()).map(now -> now.stamp() != under.stamp()).orElse(true)) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
