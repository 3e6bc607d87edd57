package org.onewindow.identity.internal;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.onewindow.shared.audit.AuditTrail;
import org.onewindow.shared.pii.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of staff accounts: TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), the
 * codes of any authenticator app. The secret is stored encrypted like personal identifiers; a
 * code is accepted for the step before, the current one and the next (clocks drift), and only
 * for a step later than the last one accepted, so a code seen over a shoulder cannot be replayed.
 */
@Component
public class SecondFactor {

    private static final int STEP_SECONDS = 30;
    private static final String ISSUER = "OneWindow";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final AccountStanding standing;
    private final AuditTrail audit;
    private final Clock clock;
    private final HmacOneTimePasswordGenerator codes = new HmacOneTimePasswordGenerator(6);
    private final SecureRandom random = new SecureRandom();

    SecondFactor(JdbcClient jdbc, PersonalDataCipher cipher, AccountStanding standing, AuditTrail audit, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.standing = standing;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A new secret (Base32, as authenticator apps take it), not yet stored. */
    public String newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return Base32.encode(secret);
    }

    /** The otpauth URI an authenticator app reads (typed in, or from a QR code of it). */
    public String uri(String username, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
    }

    /** Stores the secret when the code shows the app has it; the account's sessions end (sign in again with a code). */
    @Transactional
    public boolean enrol(String username, String secret, String code) {
        long step = matchingStep(secret, code, Long.MIN_VALUE);
        if (step == Long.MIN_VALUE) {
            return false;
        }
        jdbc.sql("update account set totp_secret_cipher = :secret, totp_last_step = :step where username = :username")
                .param("secret", cipher.encrypt(secret)).param("step", step).param("username", username).update();
        standing.changed(username);
        audit.record(username, "second-factor.enrolled", "account:" + username, null);
        return true;
    }

    public boolean enrolled(String username) {
        return jdbc.sql("select count(*) from account where username = :username and totp_secret_cipher is not null")
                .param("username", username).query(Integer.class).single() > 0;
    }

    /** Whether the code is right for the account now and not used before; a right code is used up. */
    @Transactional
    boolean accept(String username, String code) {
        record Enrolled(String secret, Long lastStep) {
        }
        Optional<Enrolled> enrolled = jdbc.sql("""
                select totp_secret_cipher, totp_last_step from account where username = :username and totp_secret_cipher is not null
                for update""")
                .param("username", username)
                .query((rs, n) -> new Enrolled(rs.getString(1), (Long) rs.getObject(2))).optional();
        if (enrolled.isEmpty()) {
            return false;
        }
        long last = enrolled.get().lastStep() == null ? Long.MIN_VALUE : enrolled.get().lastStep();
        long step = matchingStep(cipher.decrypt(enrolled.get().secret()), code, last);
        if (step == Long.MIN_VALUE) {
            return false;
        }
        jdbc.sql("update account set totp_last_step = :step where username = :username").param("step", step)
                .param("username", username).update();
        return true;
    }

    /** The code of a secret at a time step: what an authenticator app shows. */
    String codeAt(String secret, long step) {
        try {
            return String.format("%06d", codes.generateOneTimePassword(new SecretKeySpec(Base32.decode(secret), "HmacSHA1"), step));
        } catch (InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    long currentStep() {
        return clock.instant().getEpochSecond() / STEP_SECONDS;
    }

    private long matchingStep(String secret, String code, long after) {
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            return Long.MIN_VALUE;
        }
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > after && java.security.MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.strip().getBytes(StandardCharsets.US_ASCII))) {
                return step;
            }
        }
        return Long.MIN_VALUE;
    }

    /** RFC 4648 Base32 without padding, the alphabet of otpauth secrets. */
    static final class Base32 {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        private Base32() {
        }

        static String encode(byte[] bytes) {
            StringBuilder out = new StringBuilder();
            int buffer = 0;
            int bits = 0;
            for (byte b : bytes) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
            }
            return out.toString();
        }

        static byte[] decode(String text) {
            var out = new java.io.ByteArrayOutputStream();
            int buffer = 0;
            int bits = 0;
            for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
                int value = ALPHABET.indexOf(c);
                if (value < 0) {
                    throw new IllegalArgumentException("not Base32");
                }
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8) {
                    out.write((buffer >> (bits - 8)) & 0xff);
                    bits -= 8;
                }
            }
            return out.toByteArray();
        }
    }
}
