package org.onewindow.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL inside the application when no external database is configured,
 * so that the platform runs on a fresh machine with nothing installed.
 *
 * <p>Nobody connects without a password (generated into the data directory, see
 * {@link DatabaseCredentials}); the migrations run as the superuser, which owns the schema, and
 * the platform itself as {@code onewindow_app}, which may read and write the tables but not change
 * or delete the audit trail and the timelines (afterMigrate.sql).
 *
 * <p>The data source is built from the server bean, so Spring destroys the pool before the
 * server: the database stops only after the application context has closed. A PostgreSQL that a
 * killed platform left running on the directory is stopped first; one that dies while the
 * platform runs is started again by the {@link DatabaseWatchdog}.
 *
 * <p>PostgreSQL runs in processes of its own, so it is started on a thread of its own as soon as
 * the bean definitions are known ({@link EmbeddedDatabaseStart}), while the rest of the
 * application is being built: creating the cluster on a first start (initdb) and starting the
 * server took 1-2.5 s of the start-up's critical path. The data source waits for it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Starts PostgreSQL in the background once the bean definitions are loaded, before any bean is created. */
    @Bean
    static EmbeddedDatabaseStart<EmbeddedDatabaseServer> embeddedDatabaseStart(Environment env) {
        return new EmbeddedDatabaseStart<>(() -> startServer(env));
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseServer embeddedDatabaseServer(EmbeddedDatabaseStart<EmbeddedDatabaseServer> start) {
        return start.server();
    }

    private static EmbeddedDatabaseServer startServer(Environment env) throws IOException {
        boolean ephemeral = env.getProperty("onewindow.database.ephemeral", Boolean.class, false);
        int port = env.getProperty("onewindow.database.embedded-port", Integer.class, 0);
        if (ephemeral) {
            Path throwAway = Files.createTempDirectory("onewindow-db-");
            return EmbeddedDatabaseServer.start(throwAway, true, DatabaseCredentials.generated(), port);
        }
        Path dataDir = Path.of(env.getRequiredProperty("onewindow.data-dir")).toAbsolutePath();
        Files.createDirectories(dataDir);
        log.info("Starting embedded PostgreSQL in {}", dataDir.resolve("postgres"));
        return EmbeddedDatabaseServer.start(dataDir.resolve("postgres"), false, DatabaseCredentials.loadOrCreate(dataDir), port);
    }

    /** The platform's connections: as its least-privilege role. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabaseServer server, DatabaseOutage outage) {
        HikariDataSource dataSource = new NoticingDataSource(outage);
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(DatabaseCredentials.APP_ROLE);
        dataSource.setPassword(server.credentials().appPassword());
        dataSource.setPoolName("onewindow");
        dataSource.setExceptionOverride(new SQLExceptionOverride() {
            @java.lang.Override
            public SQLExceptionOverride.Override adjudicate(SQLException failure) {
                outage.noticed(failure);
                return SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
        });
        return dataSource;
    }

    /** The migrations run as the superuser, which owns the schema. */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(EmbeddedDatabaseServer server) {
        return flyway -> flyway.dataSource(server.jdbcUrl(), DatabaseCredentials.SUPERUSER, server.credentials().superuserPassword());
    }

    @Bean
    DatabaseWatchdog databaseWatchdog(EmbeddedDatabaseServer server, HikariDataSource dataSource, DatabaseOutage outage, Environment env) {
        return new DatabaseWatchdog(server, dataSource, outage,
                env.getProperty("onewindow.database.restart-pause", Duration.class, Duration.ofSeconds(1)));
    }

    /** A pool that tells the outage when it could not hand out a connection. */
    private static final class NoticingDataSource extends HikariDataSource {
        private final DatabaseOutage outage;

        NoticingDataSource(DatabaseOutage outage) {
            this.outage = outage;
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return super.getConnection();
            } catch (SQLException failure) {
                outage.noticed(failure);
                throw failure;
            }
        }
    }

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
