package org.onewindow.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.onewindow.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL as someone else on the same machine, and as the platform itself after a
 * break-in, would try it: no way in without the password, and the platform's own connections can
 * add to the audit trail and the timelines but not rewrite or remove them.
 */
@IntegrationTest
class DatabaseRolesTest {

    @Autowired
    EmbeddedDatabaseServer server;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEmbeddedDatabaseRefusesAConnectionWithoutThePassword() throws SQLException {
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres")).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl() + "?user=postgres")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), DatabaseCredentials.APP_ROLE, "guess"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection owner = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.credentials().superuserPassword())) {
            assertThat(owner.isValid(2)).isTrue();
        }
    }

    @Test
    void thePlatformCannotUpdateTheAuditTrail() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(DatabaseCredentials.APP_ROLE);
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        for (String tampering : new String[] {
                "update audit_event set detail = 'nothing happened'", "delete from audit_event", "truncate audit_event",
                "update application_step set actor = 'someone else'", "delete from application_step", "truncate application_step",
                "drop table audit_event", "alter table audit_event disable trigger all"}) {
            assertThatThrownBy(() -> jdbc.sql(tampering).update()).as(tampering)
                    .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                            .containsAnyOf("permission denied for table", "must be owner"));
        }
        assertThat(jdbc.sql("select has_table_privilege('audit_event', 'INSERT')").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select has_table_privilege('application', 'UPDATE')").query(Boolean.class).single()).isTrue();
    }
}
