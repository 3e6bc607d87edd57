package org.onewindow.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL of one data directory, from its start to its stop, restarted in place
 * (same directory, same port, so the connection pool finds it again) when it died under the
 * platform.
 *
 * <p>zonky turns durability off for test speed; a government record that was acknowledged must
 * survive a power cut, so fsync and synchronous commit are switched back on. zonky's own shutdown
 * hook would race with Spring's and is switched off.
 */
final class EmbeddedDatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

    private final Path dataDirectory;
    private final boolean throwAway;
    private final DatabaseCredentials credentials;
    private int port;
    private EmbeddedPostgres postgres;
    private ProcessHandle postmaster;

    private EmbeddedDatabaseServer(Path dataDirectory, boolean throwAway, DatabaseCredentials credentials, int port) {
        this.dataDirectory = dataDirectory;
        this.throwAway = throwAway;
        this.credentials = credentials;
        this.port = port;
    }

    /** Starts PostgreSQL on {@code dataDirectory}, first stopping one that a killed platform left running there. */
    static EmbeddedDatabaseServer start(Path dataDirectory, boolean throwAway, DatabaseCredentials credentials, int port)
            throws IOException {
        PostmasterProcess.stopOrphan(dataDirectory);
        EmbeddedDatabaseServer server = new EmbeddedDatabaseServer(dataDirectory, throwAway, credentials, port);
        server.startPostgres();
        return server;
    }

    private synchronized void startPostgres() throws IOException {
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        Path passwordFile = fresh ? Files.createTempFile("onewindow-initdb-", ".pw",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))) : null;
        AtomicBoolean upgrading = new AtomicBoolean();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "localhost")
                // zonky runs initdb with "-A trust"; initdb takes the last of its options, these:
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setConnectConfig("password", credentials.superuserPassword())
                .setDataDirectoryCustomizer(directory -> {
                    try {
                        upgrading.set(ClientAuthentication.prepare(directory.toPath()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        if (passwordFile != null) {
            Files.writeString(passwordFile, credentials.superuserPassword() + "\n");
            builder.setLocaleConfig("pwfile", passwordFile.toString());
        }
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            postgres = builder.start();
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
        port = postgres.getPort();
        postmaster = PostmasterProcess.running(dataDirectory).orElse(null);
        try {
            ClientAuthentication.secure(postgres.getPostgresDatabase(), credentials, upgrading.get(), dataDirectory);
        } catch (SQLException e) {
            throw new IOException("cannot set up the roles of the embedded PostgreSQL", e);
        }
        if (upgrading.get()) {
            log.warn("The embedded PostgreSQL in {} trusted every local connection; it now requires passwords, kept in {}",
                    dataDirectory, DatabaseCredentials.FILE_NAME);
        }
    }

    /** Whether the postmaster this server started still runs. */
    synchronized boolean isRunning() {
        return postmaster != null && postmaster.isAlive();
    }

    /** Starts PostgreSQL again on the same directory and port, after it died. */
    synchronized void restart() throws IOException {
        log.warn("The embedded PostgreSQL in {} stopped under the platform; starting it again", dataDirectory);
        closePostgres();
        PostmasterProcess.stopOrphan(dataDirectory);
        startPostgres();
        log.info("The embedded PostgreSQL in {} runs again on port {}", dataDirectory, port);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    DatabaseCredentials credentials() {
        return credentials;
    }

    Optional<ProcessHandle> postmaster() {
        return Optional.ofNullable(postmaster);
    }

    private void closePostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }

    @Override
    public synchronized void close() {
        log.info("Stopping embedded PostgreSQL");
        closePostgres();
        if (throwAway) {
            FileSystemUtils.deleteRecursively(dataDirectory.toFile());
        }
    }
}
