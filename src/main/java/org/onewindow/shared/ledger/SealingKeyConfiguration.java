package org.onewindow.shared.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that signs chain heads. Production passes it in (ONEWINDOW_LEDGER_SIGNING_KEY and
 * ONEWINDOW_LEDGER_VERIFICATION_KEY, from a secret store), and gives auditors the verification
 * key. A demo or a developer's machine gets a pair generated into the data directory on first
 * start, readable by the owner only, so that restarts still verify what was signed.
 */
@Configuration(proxyBeanMethods = false)
class SealingKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SealingKeyConfiguration.class);

    @Bean
    SealingKey sealingKey(@Value("${onewindow.ledger.signing-key:}") String signingKey,
                          @Value("${onewindow.ledger.verification-key:}") String verificationKey,
                          @Value("${onewindow.data-dir}") String dataDir) throws IOException, GeneralSecurityException {
        if (!signingKey.isBlank()) {
            return SealingKey.fromBase64(signingKey, verificationKey);
        }
        Path keyFile = Path.of(dataDir).toAbsolutePath().resolve("ledger-sealing.key");
        if (!Files.exists(keyFile)) {
            Files.createDirectories(keyFile.getParent());
            SealingKey generated = SealingKey.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
            Files.write(keyFile, List.of(generated.signingKeyBase64(), generated.verificationKeyBase64()), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict permissions of {}", keyFile);
            }
            log.warn("No ONEWINDOW_LEDGER_SIGNING_KEY configured: generated a chain-sealing key pair in {} (verification key {}). "
                    + "Production must pass its own.", keyFile, generated.verificationKeyBase64());
        }
        List<String> lines = Files.readAllLines(keyFile);
        return SealingKey.fromBase64(lines.get(0), lines.get(1));
    }
}
