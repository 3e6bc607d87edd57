package org.onewindow.identity.internal;

import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * How people sign in: the form of the pages (password, and a TOTP code where the account has
 * one) and HTTP Basic of the API, both through a {@link SignInGuard}. The form's provider is the
 * platform's only {@link AuthenticationProvider} bean, so it is what Spring Security signs in with.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    AuthenticationProvider pageSignIn(AccountStore accounts, PasswordEncoder passwords, LoginThrottle throttle,
                                      AccountStanding standing, SecondFactor secondFactor) {
        return new SignInGuard(passwordCheck(accounts, passwords), throttle, standing, secondFactor, true);
    }

    static DaoAuthenticationProvider passwordCheck(AccountStore accounts, PasswordEncoder passwords) {
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(accounts);
        check.setPasswordEncoder(passwords);
        return check;
    }

    /** The API's sign-in: a guarded password check, remembered for a while while the account stands as it did. */
    @Component
    static class ApiSignIn {
        private final AuthenticationManager manager;

        ApiSignIn(AccountStore accounts, PasswordEncoder passwords, LoginThrottle throttle, AccountStanding standing,
                  SecondFactor secondFactor, Optional<Clock> clock) {
            var guarded = new SignInGuard(passwordCheck(accounts, passwords), throttle, standing, secondFactor, false);
            this.manager = new ProviderManager(new RecentlyVerifiedCredentials(guarded, clock.orElse(Clock.systemUTC()),
                    remembered -> remembered.getDetails() instanceof AccountStanding.SignedInUnder under
                            && standing.of(remembered.getName()).map(now -> now.stamp() == under.stamp()).orElse(false)));
        }

        AuthenticationManager manager() {
            return manager;
        }
    }

    /** The page chain's part: the form's details and refusals, and the per-request check of the account's standing. */
    @Component
    static class PageSignIn {
        private final AccountStanding standing;

        PageSignIn(AccountStanding standing) {
            this.standing = standing;
        }

        void applyTo(HttpSecurity http, FormLoginConfigurer<HttpSecurity> form) {
            form.authenticationDetailsSource(SignInGuard.LoginDetails::new)
                    .failureHandler((request, response, refusal) -> response.sendRedirect(
                            request.getContextPath() + "/login?error" + reason(refusal)));
            http.addFilterBefore(new StandingCheck(standing), AnonymousAuthenticationFilter.class);
        }

        private static String reason(AuthenticationException refusal) {
            if (refusal instanceof LockedException) {
                return "=locked";
            }
            return refusal instanceof SignInGuard.SecondFactorNeeded ? "=code" : "";
        }
    }

    /** The problem detail key of a refused API sign-in: locked, second factor, or plain 401. */
    static String apiRefusal(AuthenticationException refusal) {
        if (refusal instanceof LockedException) {
            return "login-locked";
        }
        if (refusal instanceof SignInGuard.PasswordChangeDue) {
            return "password-change-due";
        }
        return refusal instanceof SignInGuard.SecondFactorNeeded ? "second-factor-required" : "http-401";
    }
}
