package org.onewindow.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.OneWindowApplication;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.internal.AccountStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform started twice on the same data directory, as an operator would after a
 * restart: what was acknowledged before is there after, readable with the same generated key,
 * and the demo data is not loaded a second time.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartLosesNothing() {
        String first17 = "33010619700101001";
        String idNumber = first17 + ResidentIdNumber.checkDigitFor(first17);
        long itemsBefore;
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(AccountStore.class).registerPerson("restart-check", "a-long-password", "赵六",
                    ResidentIdNumber.parse(idNumber), MobilePhoneNumber.parse("13600136000"));
            itemsBefore = count(first, "service_item");
        }
        assertThat(Files.exists(dataDir.resolve("pii.key"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            var account = second.getBean(AccountStore.class).find("restart-check").orElseThrow();
            assertThat(account.idNumber()).isEqualTo(idNumber);
            assertThat(account.phone()).isEqualTo("13600136000");
            assertThat(count(second, "service_item")).isEqualTo(itemsBefore);
            assertThat(count(second, "region")).isEqualTo(17);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OneWindowApplication.class).run(
                "--server.port=0", "--onewindow.data-dir=" + dataDir, "--onewindow.pii.key=",
                "--logging.level.org.onewindow.request=WARN");
    }

    private static long count(ConfigurableApplicationContext context, String table) {
        return context.getBean(JdbcClient.class).sql("select count(*) from " + table).query(Long.class).single();
    }
}
