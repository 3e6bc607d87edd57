package org.onewindow.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A password check with what protects it: refused while the account or the client address is
 * locked ({@link LoginThrottle}), a wrong password or code counted, and a TOTP code asked of an
 * account that has one. Where no code can be given (the API's HTTP Basic) an account with a
 * second factor is refused; an account whose administrator requires one but that has none yet
 * is let in with nothing but the right to enrol, and one that signs in with a password an
 * administrator set with nothing but the right to choose its own. Every refusal but a wrong password is an
 * {@link AccountStatusException}, which no other provider gets to second-guess.
 */
final class SignInGuard implements AuthenticationProvider {

    /** The only authority of an account that must enrol a second factor before anything else. */
    static final String ENROLMENT_ONLY = "SECOND_FACTOR_ENROLMENT";

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AccountStanding standing;
    private final SecondFactor secondFactor;
    private final boolean takesCodes;

    SignInGuard(AuthenticationProvider passwords, LoginThrottle throttle, AccountStanding standing, SecondFactor secondFactor,
                boolean takesCodes) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.standing = standing;
        this.secondFactor = secondFactor;
        this.takesCodes = takesCodes;
    }

    /** A sign-in refused for its second factor: none can be given here, or the code was wrong. */
    static final class SecondFactorNeeded extends AccountStatusException {
        SecondFactorNeeded(String message) {
            super(message);
        }
    }

    /** A sign-in over the API with a password an administrator set: it is changed on the pages first. */
    static final class PasswordChangeDue extends AccountStatusException {
        PasswordChangeDue(String message) {
            super(message);
        }
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String address = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (throttle.lockedUntil(username, address).isPresent()) {
            throw new LockedException("locked after failed sign-ins");
        }
        // read before the password check: a change in between gives an older stamp, which ends the session at once
        var before = standing.of(username);
        Authentication verified;
        try {
            verified = passwords.authenticate(request);
        } catch (BadCredentialsException wrong) {
            throttle.failed(username, address, "wrong password");
            throw wrong;
        }
        var now = before.orElseThrow(() -> new DisabledException("disabled"));
        Collection<? extends GrantedAuthority> authorities = verified.getAuthorities();
        if (now.needsSecondFactor()) {
            if (!takesCodes) {
                throw new SecondFactorNeeded("a second factor cannot be given here");
            }
            if (now.totpEnrolled()) {
                if (!secondFactor.accept(username, request.getDetails() instanceof LoginDetails login ? login.code() : null)) {
                    throttle.failed(username, address, "wrong second factor");
                    throw new SecondFactorNeeded("wrong or missing code");
                }
            } else {
                authorities = List.of(new SimpleGrantedAuthority(ENROLMENT_ONLY));
            }
        }
        if (now.passwordChangeDue()) {
            if (!takesCodes) {
                throw new PasswordChangeDue("the password an administrator set is changed on the pages first");
            }
            authorities = List.of(new SimpleGrantedAuthority(AccountPasswords.CHANGE_ONLY));
        }
        if (throttle.hasFailures(username)) {
            throttle.succeeded(username);
        }
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(verified.getPrincipal(), null, authorities);
        signedIn.setDetails(new AccountStanding.SignedInUnder(now.stamp()));
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The sign-in form's details: the client's address and, for an account with a second factor, the code typed. */
    static final class LoginDetails extends WebAuthenticationDetails {
        private final transient String code;

        LoginDetails(HttpServletRequest request) {
            super(request);
            this.code = request.getParameter("code");
        }

        String code() {
            return code;
        }
    }
}
