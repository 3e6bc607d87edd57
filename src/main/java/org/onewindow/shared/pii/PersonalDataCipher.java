package org.onewindow.shared.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts identifiers (ID numbers, phone numbers, ...) for storage, and computes a blind index so
 * that a stored identifier can still be found by equality without keeping it in clear.
 *
 * <p>Stored form, version 1: {@code "v1:" + base64(iv || ciphertext || tag)} with AES-256-GCM, a
 * 12-byte random IV and a 128-bit tag. The version prefix lets a later format or key be introduced
 * while old rows are still readable.
 *
 * <p>Blind index: lower-case hex of HMAC-SHA256(indexKey, UTF-8 plain text), where indexKey =
 * HMAC-SHA256(key, "blind-index"). It is deterministic by design, so callers must pass the canonical
 * form of the value (e.g. {@code ResidentIdNumber.value()}), or equal identifiers will not match.
 * A separate derived key keeps the index from revealing anything about the encryption key.
 *
 * <p>Documents (scans of ID cards, certificates) are encrypted with {@link #encryptDocument} under a
 * key derived the same way, HMAC-SHA256(key, "documents"), so that identifiers and files never
 * share a key and a file's IVs do not count against the identifiers'. Stored form:
 * {@code "OWD" 0x01 || iv || ciphertext || tag}, bytes, about as long as the file.
 *
 * <p>Thread-safe: {@link Cipher} and {@link Mac} are not, so each call gets its own instance; the
 * key material is never changed after construction. A key can be made with
 * {@code openssl rand -base64 32}.
 */
public final class PersonalDataCipher {

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION_1 = "v1";
    private static final String SEPARATOR = ":";
    private static final Pattern VERSION_PATTERN = Pattern.compile("v[0-9]{1,3}");
    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final byte[] BLIND_INDEX_LABEL = "blind-index".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOCUMENT_LABEL = "documents".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOCUMENT_VERSION_1 = {'O', 'W', 'D', 1};

    // Random 96-bit IVs are safe for about 2^32 encryptions under one key; identifiers of a
    // government platform stay far below that, and a key rotation would reset the count anyway.
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey encryptionKey;
    private final SecretKey blindIndexKey;
    private final SecretKey documentKey;

    /** @param key the 32-byte (256-bit) main key; it is copied, so the caller may wipe its array */
    public PersonalDataCipher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("Personal data key must be " + KEY_BYTES
                    + " bytes (256 bits) for AES-256, but was " + key.length + " bytes");
        }
        this.encryptionKey = new SecretKeySpec(key, "AES");
        byte[] indexKey = hmac(new SecretKeySpec(key, HMAC_SHA256), BLIND_INDEX_LABEL);
        this.blindIndexKey = new SecretKeySpec(indexKey, HMAC_SHA256);
        Arrays.fill(indexKey, (byte) 0);
        byte[] fileKey = hmac(new SecretKeySpec(key, HMAC_SHA256), DOCUMENT_LABEL);
        this.documentKey = new SecretKeySpec(fileKey, "AES");
        Arrays.fill(fileKey, (byte) 0);
    }

    /** Reads the main key from its base64 form, as kept in configuration or a secret store. */
    public static PersonalDataCipher fromBase64Key(String base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message would quote the offending key character: leave it out.
            throw new IllegalArgumentException("Personal data key is not valid base64");
        }
        try {
            return new PersonalDataCipher(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Encrypts under a fresh random IV, so the same value encrypts differently every time. */
    public String encrypt(String plain) {
        Objects.requireNonNull(plain, "plain");
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION_1 + SEPARATOR + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Decrypts a value made by {@link #encrypt}.
     *
     * @throws DecryptionFailedException if the value has an unknown version, is malformed, was
     *     altered, or was encrypted under another key; never returns partial or garbled text
     */
    public String decrypt(String stored) {
        Objects.requireNonNull(stored, "stored");
        int separator = stored.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new DecryptionFailedException("Stored value has no version prefix such as 'v1:'");
        }
        String version = stored.substring(0, separator);
        if (!VERSION_1.equals(version)) {
            // Name the version only when it looks like one: otherwise the "prefix" may be personal
            // data that was stored in clear by mistake.
            String named = VERSION_PATTERN.matcher(version).matches() ? " '" + version + "'" : "";
            throw new DecryptionFailedException("Unsupported stored-value version" + named
                    + "; this cipher reads version " + VERSION_1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(separator + 1));
        } catch (IllegalArgumentException e) {
            throw new DecryptionFailedException("Stored value is not valid base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new DecryptionFailedException(
                    "Stored value is too short to hold an IV and an authentication tag");
        }
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            GCMParameterSpec iv = new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES);
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, iv);
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new DecryptionFailedException("Stored value failed authentication: "
                    + "it was altered, or encrypted under another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Encrypts a document's bytes under a fresh random IV. */
    public byte[] encryptDocument(byte[] plain) {
        Objects.requireNonNull(plain, "plain");
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.ENCRYPT_MODE, documentKey, new GCMParameterSpec(TAG_BITS, iv));
            ByteBuffer stored = ByteBuffer.allocate(DOCUMENT_VERSION_1.length + IV_BYTES + cipher.getOutputSize(plain.length))
                    .put(DOCUMENT_VERSION_1).put(iv);
            cipher.doFinal(ByteBuffer.wrap(plain), stored);
            return stored.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Decrypts a document made by {@link #encryptDocument}.
     *
     * @throws DecryptionFailedException if the bytes are not of that form, were altered, or were
     *     encrypted under another key; never returns partial content
     */
    public byte[] decryptDocument(byte[] stored) {
        Objects.requireNonNull(stored, "stored");
        int head = DOCUMENT_VERSION_1.length;
        if (stored.length < head + IV_BYTES + TAG_BITS / 8 || !Arrays.equals(stored, 0, head, DOCUMENT_VERSION_1, 0, head)) {
            throw new DecryptionFailedException("Stored document is not an encrypted document of version 1");
        }
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.DECRYPT_MODE, documentKey, new GCMParameterSpec(TAG_BITS, stored, head, IV_BYTES));
            return cipher.doFinal(stored, head + IV_BYTES, stored.length - head - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new DecryptionFailedException("Stored document failed authentication: "
                    + "it was altered, or encrypted under another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** A deterministic, key-dependent fingerprint for equality look-ups: 64 lower-case hex digits. */
    public String blindIndex(String plain) {
        Objects.requireNonNull(plain, "plain");
        return HexFormat.of().formatHex(hmac(blindIndexKey, plain.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[AES-256-GCM, " + VERSION_1 + "]";
    }

    private static byte[] hmac(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** A stored value cannot be turned back into its plain text. */
    public static final class DecryptionFailedException extends RuntimeException {

        DecryptionFailedException(String message) {
            super(message);
        }

        DecryptionFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
