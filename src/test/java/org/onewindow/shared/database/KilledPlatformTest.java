package org.onewindow.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.OneWindowApplication;
import org.onewindow.PlatformClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crash test: the platform runs as a process of its own on a data directory, a citizen submits
 * applications as fast as it answers, and the process is killed (kill -9) in the middle of it. The
 * next start on the same directory must find the PostgreSQL the dead process left running, stop
 * it, and be ready; every application whose submission was acknowledged (2xx) must be there,
 * exactly once.
 */
class KilledPlatformTest {

    private static final String KEY = "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=";
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 40;
    private static final String APPLICATION = "{\"itemCode\": \"MR-002\", \"regionCode\": \"330106\", \"form\": "
            + "{\"shopName\": \"李记小吃\", \"businessScope\": \"小吃\", \"organizationForm\": \"INDIVIDUAL\"}}";

    private static Path dataDir;
    private static final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private static ProcessHandle orphan;
    private static ConfigurableApplicationContext restarted;

    @BeforeAll
    static void killThePlatformUnderLoad() throws Exception {
        dataDir = Files.createTempDirectory("onewindow-crash-");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process platform = startPlatform(port);
        try {
            awaitReady(port, platform);
            submitUntilKilled(DemoPeople.at(port).zhangsan(), platform);
        } finally {
            platform.destroyForcibly();
            platform.waitFor(30, TimeUnit.SECONDS);
        }
        orphan = PostmasterProcess.running(dataDir.resolve("postgres")).orElse(null);
        restarted = new SpringApplicationBuilder(OneWindowApplication.class).run("--server.port=0", "--onewindow.data-dir=" + dataDir,
                "--onewindow.pii.key=" + KEY, "--onewindow.demo-data=true", "--logging.level.org.onewindow.request=WARN");
    }

    @AfterAll
    static void stop() throws IOException {
        if (restarted != null) {
            restarted.close();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void aStartAfterKillMinusNineStopsTheOrphanedDatabaseAndIsReady() throws Exception {
        assertThat(orphan).as("the killed platform left its PostgreSQL running").isNotNull();
        assertThat(orphan.isAlive()).as("the orphaned PostgreSQL was stopped").isFalse();
        int port = restarted.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        var readiness = new PlatformClient(port).get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(DemoPeople.at(port).zhangsan().get("/api/v1/identity/me").status()).isEqualTo(200);
    }

    @Test
    void everyAcknowledgedApplicationSurvivesAKilledJvm() {
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_KILL);
        JdbcClient jdbc = restarted.getBean(JdbcClient.class);
        List<String> missingOrTwice = new ArrayList<>();
        acknowledged.forEach((key, number) -> {
            List<String> found = jdbc.sql("select number from application where submitted_by = 'zhangsan' and idempotency_key = :key")
                    .param("key", key).query(String.class).list();
            if (!found.equals(List.of(number))) {
                missingOrTwice.add(key + " acknowledged as " + number + ", found " + found);
            }
        });
        assertThat(missingOrTwice).isEmpty();
    }

    /** Submits from four clients until enough were acknowledged, then kills the platform while they go on. */
    private static void submitUntilKilled(PlatformClient citizen, Process platform) throws InterruptedException {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (!killed.get()) {
                    String key = UUID.randomUUID().toString();
                    try {
                        var answer = citizen.send(citizen.request("/api/v1/casework/applications").header("Idempotency-Key", key)
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(APPLICATION)));
                        if (answer.status() / 100 == 2) {
                            acknowledged.put(key, answer.json().path("number").asString());
                        }
                    } catch (RuntimeException connectionLost) {
                        // the platform is gone: this submission was never acknowledged
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_THE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        platform.destroyForcibly();
        platform.waitFor(30, TimeUnit.SECONDS);
        killed.set(true);
        clients.shutdown();
        clients.awaitTermination(60, TimeUnit.SECONDS);
    }

    private static Process startPlatform(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", platformClasspath(), OneWindowApplication.class.getName(),
                "--server.port=" + port, "--onewindow.data-dir=" + dataDir, "--onewindow.pii.key=" + KEY, "--onewindow.demo-data=true",
                "--logging.level.org.onewindow.request=WARN")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("platform.log").toFile()).start();
    }

    private static void awaitReady(int port, Process platform) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(platform.isAlive()).as("the platform stopped while starting: see %s", dataDir.resolve("platform.log")).isTrue();
            try {
                var answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the platform was not ready within 180 s: see " + dataDir.resolve("platform.log"));
    }

    /** The main classes and the libraries of this test run, without the tests themselves (surefire may hand them over in a jar's manifest). */
    private static String platformClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Optional<String> manifestClasspath = Optional.empty();
            if (entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry)) {
                    manifestClasspath = Optional.ofNullable(jar.getManifest()).map(m -> m.getMainAttributes().getValue("Class-Path"))
                            .filter(classPath -> entry.contains("surefire"));
                }
            }
            if (manifestClasspath.isPresent()) {
                for (String url : manifestClasspath.get().split(" ")) {
                    if (!url.isBlank()) {
                        entries.add(Path.of(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString());
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries.stream().filter(e -> !e.replace('\\', '/').endsWith("test-classes")
                && !e.replace('\\', '/').endsWith("test-classes/")).toList());
    }
}
