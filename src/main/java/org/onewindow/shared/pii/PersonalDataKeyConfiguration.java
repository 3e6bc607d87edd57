package org.onewindow.shared.pii;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that encrypts personal identifiers at rest. Production passes it in
 * (ONEWINDOW_PII_KEY, from a secret store). A demo or a developer's machine gets one generated
 * into the data directory on first start, readable by the owner only, so that restarts can
 * still read what was written.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeyConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(@Value("${onewindow.pii.key:}") String configuredKey,
                                          @Value("${onewindow.data-dir}") String dataDir) throws IOException {
        if (!configuredKey.isBlank()) {
            return PersonalDataCipher.fromBase64Key(configuredKey.strip());
        }
        Path keyFile = Path.of(dataDir).toAbsolutePath().resolve("pii.key");
        if (!Files.exists(keyFile)) {
            Files.createDirectories(keyFile.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict permissions of {}", keyFile);
            }
            log.warn("No ONEWINDOW_PII_KEY configured: generated a personal-data key in {}. Production must pass its own key.", keyFile);
        }
        return PersonalDataCipher.fromBase64Key(Files.readString(keyFile).strip());
    }
}
