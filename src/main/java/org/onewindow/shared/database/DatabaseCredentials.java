package org.onewindow.shared.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The passwords of the embedded PostgreSQL's two roles: the superuser, which owns the schema and
 * runs the migrations, and the platform's own least-privilege role. Generated once into the data
 * directory, readable by its owner only, so that another account on the same machine can neither
 * read them nor connect without them.
 */
record DatabaseCredentials(String superuserPassword, String appPassword) {

    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "onewindow_app";
    static final String FILE_NAME = "database-passwords.properties";

    /** The passwords kept in {@code directory}, generated and written first if there are none. */
    static DatabaseCredentials loadOrCreate(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            Properties stored = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
            String superuser = stored.getProperty("superuser");
            String app = stored.getProperty("app");
            if (superuser == null || app == null) {
                throw new IllegalStateException(file + " lacks the superuser or the app password; restore it from a backup");
            }
            return new DatabaseCredentials(superuser, app);
        }
        DatabaseCredentials generated = generated();
        Files.createDirectories(directory);
        Path pending = directory.resolve(FILE_NAME + ".new");
        Files.deleteIfExists(pending);
        Files.createFile(pending);
        ownerOnly(pending);
        Properties toStore = new Properties();
        toStore.setProperty("superuser", generated.superuserPassword());
        toStore.setProperty("app", generated.appPassword());
        try (Writer writer = Files.newBufferedWriter(pending, StandardOpenOption.TRUNCATE_EXISTING)) {
            toStore.store(writer, "Passwords of the embedded PostgreSQL (generated). Losing this file locks the platform out of its data.");
        }
        Files.move(pending, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return generated;
    }

    /** New passwords kept nowhere: for a throw-away cluster. */
    static DatabaseCredentials generated() {
        return new DatabaseCredentials(randomPassword(), randomPassword());
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory already keeps other accounts out
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[****]";
    }
}
