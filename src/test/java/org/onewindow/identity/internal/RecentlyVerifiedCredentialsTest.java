package org.onewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class RecentlyVerifiedCredentialsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AuthenticationProvider slowCheck = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            if (!"right".equals(request.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    @Test
    void aVerifiedPasswordIsRecognisedAgainWithoutTheSlowCheckForAShortWhile() {
        MovableClock clock = new MovableClock();
        RecentlyVerifiedCredentials credentials = new RecentlyVerifiedCredentials(slowCheck, clock, remembered -> true);

        assertThat(credentials.authenticate(login("right")).isAuthenticated()).isTrue();
        assertThat(credentials.authenticate(login("right")).getName()).isEqualTo("zhangsan");
        assertThat(checks).hasValue(1);

        // a wrong password is checked, and refused, every time
        assertThatThrownBy(() -> credentials.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);

        clock.now = clock.now.plus(RecentlyVerifiedCredentials.REMEMBER_FOR);
        credentials.authenticate(login("right"));
        assertThat(checks).hasValue(4);
    }

    @Test
    void aRememberedPasswordOfAnAccountThatNoLongerStandsIsCheckedAgain() {
        java.util.concurrent.atomic.AtomicBoolean standing = new java.util.concurrent.atomic.AtomicBoolean(true);
        RecentlyVerifiedCredentials credentials = new RecentlyVerifiedCredentials(slowCheck, new MovableClock(), remembered -> standing.get());
        credentials.authenticate(login("right"));
        credentials.authenticate(login("right"));
        assertThat(checks).hasValue(1);

        standing.set(false);
        credentials.authenticate(login("right"));
        assertThat(checks).hasValue(2);
    }

    private static UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("zhangsan", password);
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
