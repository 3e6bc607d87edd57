package org.onewindow.shared.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.context.ApplicationContext;

/**
 * A connection to the embedded database as its owner, which the platform itself never has: for
 * tests that play someone with direct access to the database (tampering with the records).
 */
public final class OwnerConnection {

    private OwnerConnection() {
    }

    public static Connection open(ApplicationContext context) throws SQLException {
        EmbeddedDatabaseServer server = context.getBean(EmbeddedDatabaseServer.class);
        return DriverManager.getConnection(server.jdbcUrl(), DatabaseCredentials.SUPERUSER, server.credentials().superuserPassword());
    }
}
