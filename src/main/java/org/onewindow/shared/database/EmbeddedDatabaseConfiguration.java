package org.onewindow.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL inside the application when no external database is configured,
 * so that the platform runs on a fresh machine with nothing installed.
 *
 * <p>The data source is built from the server bean, so Spring destroys the pool before the
 * server: the database stops only after the application context has closed. zonky's own
 * shutdown hook would race with Spring's and is switched off. zonky also turns durability off
 * for test speed; a government record that was acknowledged must survive a power cut, so
 * fsync and synchronous commit are switched back on.
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
        Path dataDir = ephemeral
                ? Files.createTempDirectory("onewindow-db-")
                : Path.of(env.getRequiredProperty("onewindow.data-dir")).toAbsolutePath().resolve("postgres");
        Files.createDirectories(dataDir.getParent());
        int port = env.getProperty("onewindow.database.embedded-port", Integer.class, 0);
        log.info("Starting embedded PostgreSQL in {}", dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedDatabaseServer(builder.start(), ephemeral ? dataDir : null);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabaseServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPoolName("onewindow");
        return dataSource;
    }

    /** The running embedded server; closing it stops PostgreSQL (and removes a throw-away cluster). */
    static final class EmbeddedDatabaseServer implements AutoCloseable {
        private final EmbeddedPostgres postgres;
        private final Path throwAwayDirectory;

        EmbeddedDatabaseServer(EmbeddedPostgres postgres, Path throwAwayDirectory) {
            this.postgres = postgres;
            this.throwAwayDirectory = throwAwayDirectory;
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            log.info("Stopping embedded PostgreSQL");
            postgres.close();
            if (throwAwayDirectory != null) {
                FileSystemUtils.deleteRecursively(throwAwayDirectory);
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
