package org.onewindow.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on the data directory by a platform that was killed (kill -9, a power
 * cut of the JVM alone): it still holds postmaster.pid and the directory, so a new server cannot
 * start there. It is found by the process id in postmaster.pid, recognised as a postmaster of this
 * very directory (a reused process id belongs to someone else and is left alone), and stopped the
 * way an operator would: a fast shutdown by its own pg_ctl, then harder signals if it does not go.
 */
final class PostmasterProcess {

    private static final Logger log = LoggerFactory.getLogger(PostmasterProcess.class);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private PostmasterProcess() {
    }

    /** The running postmaster of {@code dataDirectory}, if there is one. */
    static Optional<ProcessHandle> running(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException absent) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> isPostmasterOf(process, dataDirectory));
    }

    private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        var info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString().startsWith("postgres")).orElse(false);
        Path directory = dataDirectory.toAbsolutePath().normalize();
        boolean here = info.arguments().map(arguments -> List.of(arguments).stream().anyMatch(argument -> sameDirectory(argument, directory)))
                .orElse(false);
        return postgres && here;
    }

    private static boolean sameDirectory(String argument, Path directory) {
        try {
            return Path.of(argument).toAbsolutePath().normalize().equals(directory);
        } catch (java.nio.file.InvalidPathException notAPath) {
            return false;
        }
    }

    /** Stops the orphaned postmaster of {@code dataDirectory}, if any; true if there was one. */
    static boolean stopOrphan(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> orphan = running(dataDirectory);
        if (orphan.isEmpty()) {
            return false;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn("A PostgreSQL (process {}) was still running on {} after the platform stopped without closing it; stopping it",
                postmaster.pid(), dataDirectory);
        Optional<Path> pgCtl = postmaster.info().command().map(command -> Path.of(command).resolveSibling("pg_ctl")).filter(Files::isExecutable);
        if (pgCtl.isPresent()) {
            Process stop = new ProcessBuilder(pgCtl.get().toString(), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w",
                    "-t", Long.toString(PATIENCE.toSeconds())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            waitFor(stop);
        }
        if (postmaster.isAlive()) {
            postmaster.destroy();
            waitFor(postmaster);
        }
        if (postmaster.isAlive()) {
            log.error("PostgreSQL (process {}) did not stop; killing it (it recovers from its write-ahead log at the next start)",
                    postmaster.pid());
            postmaster.destroyForcibly();
            waitFor(postmaster);
        }
        return true;
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(PATIENCE.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(ProcessHandle process) {
        try {
            process.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception stillRunning) {
            // the caller looks at isAlive()
        }
    }
}
