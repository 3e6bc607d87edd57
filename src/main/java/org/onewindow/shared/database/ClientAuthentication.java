package org.onewindow.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Who may connect to the embedded PostgreSQL, and how. A new cluster is created with SCRAM
 * passwords (initdb --auth-local/--auth-host, the superuser's password from a file), never
 * {@code trust}. A cluster created by an older platform trusted every local connection and its
 * superuser has no password: at its first start here it admits only the superuser, on loopback,
 * to the postgres database, long enough to be given its password; then the final rules are
 * written and reloaded. Each start also makes sure the platform's own role exists with its
 * password and may create tables (Flowable and the event publication registry create and upgrade
 * their own at start-up and own them); the grants on the schema's other tables are the
 * migrations' (afterMigrate.sql).
 */
final class ClientAuthentication {

    private static final String RULES = """
            # Written by OneWindow at every start: hand edits are replaced. A password (SCRAM) for every
            # connection, and connections over loopback only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private static final String UPGRADE_RULES = """
            # Written by OneWindow for the first start of a cluster made before passwords: only the
            # superuser, on loopback, until it has been given its password (then RULES replace these).
            host    postgres   postgres   127.0.0.1/32   trust
            host    postgres   postgres   ::1/128        trust
            """;

    private static final Pattern TRUSTING = Pattern.compile("^\\s*[^#\\s].*\\btrust\\b.*$", Pattern.MULTILINE);

    private ClientAuthentication() {
    }

    /** Writes the rules before the server starts; true if the cluster trusted connections until now (an upgrade). */
    static boolean prepare(Path dataDirectory) throws IOException {
        Path rules = dataDirectory.resolve("pg_hba.conf");
        boolean trusting = Files.exists(rules) && TRUSTING.matcher(Files.readString(rules)).find();
        Files.writeString(rules, trusting ? UPGRADE_RULES : RULES);
        return trusting;
    }

    /** Once the server runs: passwords set, the platform's role ready, and (after an upgrade) the final rules in force. */
    static void secure(DataSource superuser, DatabaseCredentials credentials, boolean upgrading, Path dataDirectory)
            throws SQLException, IOException {
        try (Connection connection = superuser.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("alter role " + DatabaseCredentials.SUPERUSER + " password " + literal(credentials.superuserPassword()));
            sql.execute("""
                    do $$ begin
                      if not exists (select 1 from pg_roles where rolname = '%1$s') then
                        create role %1$s login;
                      end if;
                    end $$""".formatted(DatabaseCredentials.APP_ROLE));
            sql.execute("alter role " + DatabaseCredentials.APP_ROLE + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls "
                    + "password " + literal(credentials.appPassword()));
            sql.execute("grant usage, create on schema public to " + DatabaseCredentials.APP_ROLE);
            if (upgrading) {
                Files.writeString(dataDirectory.resolve("pg_hba.conf"), RULES);
                sql.execute("select pg_reload_conf()");
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
