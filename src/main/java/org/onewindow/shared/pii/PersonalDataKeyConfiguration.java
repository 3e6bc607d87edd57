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
 * The key that encrypts personal identifiers at rest. Production keeps it away from the data it
 * protects, so that a copy of the data directory (a backup, a stolen disk) does not carry its own
 * key: it is passed in (ONEWINDOW_PII_KEY, from a secret store) or read from a file outside the data
 * directory (ONEWINDOW_PII_KEY_FILE, e.g. a mounted secret). A demo or a developer's machine gets
 * one generated into the data directory on first start, readable by the owner only, so that
 * restarts can still read what was written; a key inside the data directory is warned about at
 * every start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeyConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(@Value("${onewindow.pii.key:}") String configuredKey,
                                          @Value("${onewindow.pii.key-file:}") String configuredKeyFile,
                                          @Value("${onewindow.data-dir}") String dataDir) throws IOException {
        if (!configuredKey.isBlank()) {
            return PersonalDataCipher.fromBase64Key(configuredKey.strip());
        }
        Path dataDirectory = Path.of(dataDir).toAbsolutePath().normalize();
        if (!configuredKeyFile.isBlank()) {
            Path keyFile = Path.of(configuredKeyFile.strip()).toAbsolutePath().normalize();
            if (!Files.isReadable(keyFile)) {
                throw new IllegalStateException("The personal-data key file " + keyFile + " (onewindow.pii.key-file) cannot be read");
            }
            warnIfBesideTheData(keyFile, dataDirectory);
            return PersonalDataCipher.fromBase64Key(Files.readString(keyFile).strip());
        }
        Path keyFile = dataDirectory.resolve("pii.key");
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
            log.info("Generated a personal-data key in {}", keyFile);
        }
        warnIfBesideTheData(keyFile, dataDirectory);
        return PersonalDataCipher.fromBase64Key(Files.readString(keyFile).strip());
    }

    private static void warnIfBesideTheData(Path keyFile, Path dataDirectory) throws IOException {
        Path real = keyFile.toRealPath();
        Path data = Files.exists(dataDirectory) ? dataDirectory.toRealPath() : dataDirectory;
        if (real.startsWith(data)) {
            log.warn("The personal-data key {} is inside the data directory {}: anyone with a copy of the data (a backup, the disk) "
                    + "can read the ID numbers in it. Fine for a demo; in production pass the key in ONEWINDOW_PII_KEY or keep it "
                    + "in a file outside the data directory named by ONEWINDOW_PII_KEY_FILE.", real, data);
        }
    }
}
