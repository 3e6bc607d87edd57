package org.onewindow.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory made by the platform before passwords (zonky's defaults: every local
 * connection trusted, the superuser without a password) is upgraded at its first start here:
 * what it held is still there, and from then on nobody gets in without a password.
 */
class EmbeddedDatabaseUpgradeTest {

    @TempDir
    Path dataDir;

    @Test
    void aClusterThatTrustedEveryoneRequiresPasswordsAfterItsFirstStartAndKeepsItsData() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
             Connection anyone = old.getPostgresDatabase().getConnection(); Statement sql = anyone.createStatement()) {
            sql.execute("create table audit_event (id bigserial primary key, detail text)");
            sql.execute("create table application_step (id bigserial primary key, actor text)");
            sql.execute("insert into audit_event (detail) values ('filed before the upgrade')");
        }
        assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).contains("trust");

        DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(dataDir);
        try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(cluster, false, credentials, 0)) {
            assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*trust");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "")).isInstanceOf(SQLException.class);
            try (Connection owner = DriverManager.getConnection(server.jdbcUrl(), "postgres", credentials.superuserPassword());
                 Statement sql = owner.createStatement(); ResultSet kept = sql.executeQuery("select detail from audit_event")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("filed before the upgrade");
            }
            try (Connection app = DriverManager.getConnection(server.jdbcUrl(), DatabaseCredentials.APP_ROLE, credentials.appPassword())) {
                assertThat(app.isValid(2)).isTrue();
            }
        }
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(DatabaseCredentials.FILE_NAME))).hasToString("[OWNER_READ, OWNER_WRITE]");

        try (EmbeddedDatabaseServer again = EmbeddedDatabaseServer.start(cluster, false, DatabaseCredentials.loadOrCreate(dataDir), 0);
             Connection owner = DriverManager.getConnection(again.jdbcUrl(), "postgres", credentials.superuserPassword())) {
            assertThat(owner.isValid(2)).isTrue();
        }
    }
}
