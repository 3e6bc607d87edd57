package org.onewindow.shared.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key pair that signs chain heads. An auditor needs only the public half (and its
 * id, the first 16 hex digits of its SHA-256) to check the signatures.
 */
public final class SealingKey {

    private final PrivateKey signing;
    private final PublicKey verification;
    private final String id;

    SealingKey(PrivateKey signing, PublicKey verification) {
        this.signing = signing;
        this.verification = verification;
        this.id = idOf(verification);
    }

    static SealingKey fromBase64(String pkcs8SigningKey, String x509VerificationKey) {
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            return new SealingKey(ed25519.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8SigningKey.strip()))),
                    ed25519.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509VerificationKey.strip()))));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("The chain-sealing key pair cannot be read (base64 PKCS#8 and X.509 Ed25519 keys expected)",
                    unreadable);
        }
    }

    static SealingKey of(KeyPair pair) {
        return new SealingKey(pair.getPrivate(), pair.getPublic());
    }

    public String id() {
        return id;
    }

    public String verificationKeyBase64() {
        return Base64.getEncoder().encodeToString(verification.getEncoded());
    }

    String signingKeyBase64() {
        return Base64.getEncoder().encodeToString(signing.getEncoded());
    }

    byte[] sign(String statement) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(signing);
            ed25519.update(statement.getBytes(StandardCharsets.UTF_8));
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verifies(String statement, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(verification);
            ed25519.update(statement.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String idOf(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
