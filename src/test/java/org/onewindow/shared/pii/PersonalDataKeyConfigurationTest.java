package org.onewindow.shared.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Where the personal-data key may live, as an operator would set it up, right or wrong. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataKeyConfigurationTest {

    private static final String KEY = "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=";

    @TempDir
    Path machine;

    @Test
    void aKeyFileInsideTheDataDirectoryIsWarnedAbout(CapturedOutput output) throws Exception {
        Path dataDir = Files.createDirectories(machine.resolve("data"));
        Path inside = Files.writeString(dataDir.resolve("my.key"), KEY);

        PersonalDataCipher cipher = new PersonalDataKeyConfiguration().personalDataCipher("", inside.toString(), dataDir.toString());

        assertThat(cipher.decrypt(cipher.encrypt("330106197001010011"))).isEqualTo("330106197001010011");
        assertThat(output).contains("WARN").contains("is inside the data directory").contains("ONEWINDOW_PII_KEY_FILE");
    }

    @Test
    void theGeneratedKeyBesideTheDataIsWarnedAboutAtEveryStart(CapturedOutput output) throws Exception {
        Path dataDir = machine.resolve("data");
        new PersonalDataKeyConfiguration().personalDataCipher("", "", dataDir.toString());
        new PersonalDataKeyConfiguration().personalDataCipher("", "", dataDir.toString());

        assertThat(Files.getPosixFilePermissions(dataDir.resolve("pii.key"))).hasToString("[OWNER_READ, OWNER_WRITE]");
        assertThat(output.toString().split("is inside the data directory", -1)).hasSize(3);
    }

    @Test
    void aKeyFileOutsideTheDataDirectoryIsReadWithoutAWarning(CapturedOutput output) throws Exception {
        Path dataDir = Files.createDirectories(machine.resolve("data"));
        Path secrets = Files.createDirectories(machine.resolve("run-secrets"));
        Path outside = Files.writeString(secrets.resolve("pii.key"), KEY + "\n");

        PersonalDataCipher fromFile = new PersonalDataKeyConfiguration().personalDataCipher("", outside.toString(), dataDir.toString());
        PersonalDataCipher fromVariable = new PersonalDataKeyConfiguration().personalDataCipher(KEY, "", dataDir.toString());

        assertThat(fromVariable.decrypt(fromFile.encrypt("13600136000"))).isEqualTo("13600136000");
        assertThat(output).doesNotContain("is inside the data directory");
        assertThat(Files.exists(dataDir.resolve("pii.key"))).isFalse();
    }

    @Test
    void aMissingKeyFileStopsTheStartInsteadOfMakingANewKey() {
        Path dataDir = machine.resolve("data");
        assertThatThrownBy(() -> new PersonalDataKeyConfiguration().personalDataCipher("", machine.resolve("gone.key").toString(),
                dataDir.toString())).hasMessageContaining("cannot be read");
        assertThat(Files.exists(dataDir.resolve("pii.key"))).isFalse();
    }
}
