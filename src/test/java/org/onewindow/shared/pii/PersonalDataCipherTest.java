package org.onewindow.shared.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.shared.pii.PersonalDataCipher.DecryptionFailedException;

class PersonalDataCipherTest {

    private static final String ID_NUMBER = "11010519491231002X";

    private static byte[] key(int firstByte) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (firstByte + i);
        }
        return key;
    }

    private final PersonalDataCipher cipher = new PersonalDataCipher(key(1));

    @Nested
    class Encryption {

        @ParameterizedTest
        @ValueSource(strings = {ID_NUMBER, "13812345678", "张三", "欧阳娜娜 𠈌", ""})
        void isUndoneByDecryption(String plain) {
            assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
        }

        @Test
        void storesVersionOneAsBase64OfIvCiphertextAndTag() {
            String stored = cipher.encrypt(ID_NUMBER);

            assertThat(stored).startsWith("v1:").doesNotContain(ID_NUMBER);
            byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
            assertThat(bytes).hasSize(12 + ID_NUMBER.length() + 16);
        }

        @Test
        void usesAFreshIvEachTimeSoEqualValuesLookDifferent() {
            String first = cipher.encrypt(ID_NUMBER);
            String second = cipher.encrypt(ID_NUMBER);

            assertThat(first).isNotEqualTo(second);
            assertThat(Base64.getDecoder().decode(first.substring(3)))
                    .isNotEqualTo(Base64.getDecoder().decode(second.substring(3)));
            assertThat(cipher.decrypt(first)).isEqualTo(cipher.decrypt(second)).isEqualTo(ID_NUMBER);
        }

        @Test
        void canBeDecryptedByAnotherInstanceWithTheSameKey() {
            String stored = cipher.encrypt(ID_NUMBER);
            String base64Key = Base64.getEncoder().encodeToString(key(1));

            assertThat(PersonalDataCipher.fromBase64Key(base64Key).decrypt(stored)).isEqualTo(ID_NUMBER);
        }

        @Test
        void isSafeToShareAcrossThreads() throws Exception {
            try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int task = 0; task < 64; task++) {
                    String plain = "1101051949123%05d".formatted(task);
                    results.add(threads.submit(() -> {
                        for (int round = 0; round < 50; round++) {
                            if (!cipher.decrypt(cipher.encrypt(plain)).equals(plain)
                                    || !cipher.blindIndex(plain).equals(cipher.blindIndex(plain))) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> result : results) {
                    assertThat(result.get()).isTrue();
                }
            }
        }
    }

    @Nested
    class Decryption {

        @Test
        void rejectsEveryAlteredByteOfIvCiphertextOrTag() {
            byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(ID_NUMBER).substring(3));

            for (int i = 0; i < bytes.length; i++) {
                byte[] altered = bytes.clone();
                altered[i] ^= 0x01;
                String tampered = "v1:" + Base64.getEncoder().encodeToString(altered);

                assertThatThrownBy(() -> cipher.decrypt(tampered))
                        .as("byte %d altered", i)
                        .isInstanceOf(DecryptionFailedException.class)
                        .hasMessageContaining("altered");
            }
        }

        @Test
        void rejectsACutOffValue() {
            String stored = cipher.encrypt(ID_NUMBER);
            byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
            byte[] withoutLastByte = Arrays.copyOf(bytes, bytes.length - 1);

            assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(withoutLastByte)))
                    .isInstanceOf(DecryptionFailedException.class);
        }

        @Test
        void rejectsAValueEncryptedUnderAnotherKey() {
            String stored = new PersonalDataCipher(key(2)).encrypt(ID_NUMBER);

            assertThatThrownBy(() -> cipher.decrypt(stored))
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessageContaining("another key");
        }

        @Test
        void rejectsAnUnknownVersionByName() {
            String stored = "v2:" + cipher.encrypt(ID_NUMBER).substring(3);

            assertThatThrownBy(() -> cipher.decrypt(stored))
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessageContaining("version 'v2'");
        }

        @ParameterizedTest
        @ValueSource(strings = {ID_NUMBER, "", "v1", "v1:", "v1:AAAA", "v1:not base64!",
                "V1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "110105:19491231002X"})
        void rejectsMalformedValuesWithoutQuotingThem(String malformed) {
            assertThatThrownBy(() -> cipher.decrypt(malformed))
                    .isInstanceOf(DecryptionFailedException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("110105", "1949", "base64!"));
        }
    }

    @Nested
    class DocumentEncryption {

        private final byte[] scan = "%PDF-1.7 张三 11010519491231002X".getBytes(StandardCharsets.UTF_8);

        @Test
        void isUndoneByDecryptionAndLooksDifferentEachTime() {
            byte[] once = cipher.encryptDocument(scan);
            byte[] twice = cipher.encryptDocument(scan);

            assertThat(new PersonalDataCipher(key(1)).decryptDocument(once)).isEqualTo(scan);
            assertThat(once).isNotEqualTo(twice).startsWith('O', 'W', 'D', 1).hasSize(4 + 12 + scan.length + 16);
            assertThat(new String(once, StandardCharsets.ISO_8859_1)).doesNotContain("PDF", "1949");
        }

        @Test
        void usesAKeyOfItsOwnNotTheIdentifiersKey() throws Exception {
            byte[] sealed = cipher.encryptDocument(scan);
            javax.crypto.Cipher withMainKey = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            withMainKey.init(javax.crypto.Cipher.DECRYPT_MODE, new SecretKeySpec(key(1), "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, sealed, 4, 12));

            assertThatThrownBy(() -> withMainKey.doFinal(sealed, 16, sealed.length - 16)).isInstanceOf(javax.crypto.AEADBadTagException.class);
        }

        @Test
        void rejectsAnAlteredByteAnotherKeyAndContentThatWasNeverEncrypted() {
            byte[] altered = cipher.encryptDocument(scan);
            altered[20] ^= 1;

            assertThatThrownBy(() -> cipher.decryptDocument(altered)).isInstanceOf(DecryptionFailedException.class);
            assertThatThrownBy(() -> new PersonalDataCipher(key(2)).decryptDocument(cipher.encryptDocument(scan)))
                    .isInstanceOf(DecryptionFailedException.class);
            assertThatThrownBy(() -> cipher.decryptDocument(scan))
                    .isInstanceOf(DecryptionFailedException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("1949"));
        }
    }

    @Nested
    class TheBlindIndex {

        @Test
        void isTheSameForTheSameValue() {
            assertThat(cipher.blindIndex(ID_NUMBER))
                    .isEqualTo(cipher.blindIndex(ID_NUMBER))
                    .isEqualTo(new PersonalDataCipher(key(1)).blindIndex(ID_NUMBER))
                    .matches("[0-9a-f]{64}")
                    .doesNotContain(ID_NUMBER);
        }

        @Test
        void differsForDifferentValues() {
            assertThat(cipher.blindIndex(ID_NUMBER)).isNotEqualTo(cipher.blindIndex("110105194912310029"));
        }

        @Test
        void dependsOnTheKey() {
            PersonalDataCipher otherKey = new PersonalDataCipher(key(2));

            assertThat(cipher.blindIndex(ID_NUMBER)).isNotEqualTo(otherKey.blindIndex(ID_NUMBER));
        }

        @Test
        void isAnHmacUnderAKeyDerivedFromTheMainKeyNotTheMainKeyItself() throws Exception {
            // Spelled out so that a migration script in another language can compute the same index.
            byte[] plain = ID_NUMBER.getBytes(StandardCharsets.UTF_8);
            byte[] indexKey = hmac(key(1), "blind-index".getBytes(StandardCharsets.US_ASCII));

            assertThat(cipher.blindIndex(ID_NUMBER))
                    .isEqualTo(HexFormat.of().formatHex(hmac(indexKey, plain)))
                    .isNotEqualTo(HexFormat.of().formatHex(hmac(key(1), plain)));
        }

        private static byte[] hmac(byte[] key, byte[] data) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        }
    }

    @Nested
    class TheKey {

        @ParameterizedTest
        @ValueSource(ints = {0, 16, 24, 31, 33, 64})
        void mustBeThirtyTwoBytes(int length) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PersonalDataCipher(new byte[length]))
                    .withMessageContaining("must be 32 bytes")
                    .withMessageContaining("was " + length + " bytes");
        }

        @Test
        void isCopiedSoTheCallerMayWipeItsArray() {
            byte[] key = key(1);
            PersonalDataCipher own = new PersonalDataCipher(key);
            Arrays.fill(key, (byte) 0);

            assertThat(own.decrypt(cipher.encrypt(ID_NUMBER))).isEqualTo(ID_NUMBER);
        }

        @Test
        void mayBeGivenAsBase64WithSurroundingWhitespace() {
            String base64Key = " " + Base64.getEncoder().encodeToString(key(1)) + "\n";

            assertThat(PersonalDataCipher.fromBase64Key(base64Key).blindIndex(ID_NUMBER))
                    .isEqualTo(cipher.blindIndex(ID_NUMBER));
        }

        @Test
        void inBase64IsRejectedWithoutQuotingIt() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> PersonalDataCipher.fromBase64Key("secret#key"))
                    .withMessage("Personal data key is not valid base64");
            String aes128Key = Base64.getEncoder().encodeToString(new byte[16]);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> PersonalDataCipher.fromBase64Key(aes128Key))
                    .withMessageContaining("must be 32 bytes");
        }

        @Test
        void neverShowsInToString() {
            assertThat(cipher.toString()).doesNotContain(Base64.getEncoder().encodeToString(key(1)));
        }
    }
}
