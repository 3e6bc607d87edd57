package org.onewindow.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The stateless API checks HTTP Basic credentials on every request, and a BCrypt check costs
 * tens of milliseconds of CPU: a busy client would spend most of its time being recognised.
 * A successful check is remembered for a short while as an HMAC of the credentials under a key
 * that lives only in this process (never the password), so the next request with the same
 * credentials is recognised in microseconds. A wrong password is never remembered, and a
 * remembered one is used only while the account still stands as it did ({@code stillStanding},
 * one look-up by key): a disabled account or a changed role takes effect at the next request.
 */
final class RecentlyVerifiedCredentials implements AuthenticationProvider {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(60);
    private static final int MAX_REMEMBERED = 20_000;

    private final AuthenticationProvider verifier;
    private final Clock clock;
    private final Predicate<Authentication> stillStanding;
    private final byte[] key = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    RecentlyVerifiedCredentials(AuthenticationProvider verifier, Clock clock, Predicate<Authentication> stillStanding) {
        this.verifier = verifier;
        this.clock = clock;
        this.stillStanding = stillStanding;
        new SecureRandom().nextBytes(key);
    }

    private record Remembered(byte[] digest, Authentication authentication, Instant until) {
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        Object credentials = request.getCredentials();
        if (username == null || credentials == null) {
            return verifier.authenticate(request);
        }
        byte[] digest = digest(username, credentials.toString());
        Instant now = clock.instant();
        Remembered known = remembered.get(username);
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.digest(), digest)) {
            if (stillStanding.test(known.authentication())) {
                return known.authentication();
            }
            remembered.remove(username);
        }
        Authentication verified = verifier.authenticate(request);
        if (verified != null && verified.isAuthenticated()) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.values().removeIf(r -> !now.isBefore(r.until()));
                if (remembered.size() >= MAX_REMEMBERED) {
                    remembered.clear();
                }
            }
            remembered.put(username, new Remembered(digest, verified, now.plus(REMEMBER_FOR)));
        }
        return verified;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
