package org.onewindow.casework.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.onewindow.shared.IdempotencyKeyReusedException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The hash of what a submission asked for, the same whatever the order of the form's keys. */
final class RequestFingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private RequestFingerprint() {
    }

    static String of(Object... parts) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(Arrays.asList(parts)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A retry must ask for what the first request asked for; rows from before fingerprints pass. */
    static void requireSame(String stored, String fingerprint) {
        if (stored != null && !stored.equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
    }
}
