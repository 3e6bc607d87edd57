package org.onewindow.identity.internal;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/** What an authenticator app shows for a secret at an instant, for tests outside this package. */
public final class TotpForTests {

    private TotpForTests() {
    }

    public static String code(String base32Secret, Instant at) throws Exception {
        int code = new HmacOneTimePasswordGenerator(6)
                .generateOneTimePassword(new SecretKeySpec(SecondFactor.Base32.decode(base32Secret), "HmacSHA1"), at.getEpochSecond() / 30);
        return String.format("%06d", code);
    }
}
