package org.onewindow.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.DemoPeople;
import org.onewindow.OneWindowApplication;
import org.onewindow.PlatformClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL killed under a running platform, as an out-of-memory killer or a careless operator
 * would: the platform starts it again by itself, and meanwhile every request, even a sign-in with
 * a valid password that could not be checked, is answered 503 with Retry-After, never 500 and
 * never 401.
 */
class DeadDatabaseTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeadDatabaseIsRestartedAndRequestsAnswer503Meanwhile() throws Exception {
        try (ConfigurableApplicationContext platform = new SpringApplicationBuilder(OneWindowApplication.class).run("--server.port=0",
                "--onewindow.data-dir=" + dataDir, "--onewindow.pii.key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
                "--onewindow.demo-data=true", "--onewindow.database.restart-pause=4s", "--logging.level.org.onewindow.request=WARN")) {
            int port = platform.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            DemoPeople people = DemoPeople.at(port);
            assertThat(people.zhangsan().get("/api/v1/identity/me").status()).isEqualTo(200);
            DatabaseOutage outage = platform.getBean(DatabaseOutage.class);
            ProcessHandle postmaster = platform.getBean(EmbeddedDatabaseServer.class).postmaster().orElseThrow();

            postmaster.destroyForcibly();
            postmaster.onExit().get(10, TimeUnit.SECONDS);
            // lisi was never checked before: his password must be read from the dead database
            CompletableFuture<HttpResponse<String>> signInDuringTheCrash = CompletableFuture.supplyAsync(() ->
                    send(people.lisi(), "/api/v1/identity/me"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!outage.isOngoing() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(outage.isOngoing()).as("the watchdog noticed").isTrue();

            HttpResponse<String> api = send(people.xihuClerk(), "/api/v1/casework/tasks");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(api.body()).contains("database-unavailable");
            HttpResponse<String> page = http.send(people.anonymous().request("/").header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");

            List<Integer> meanwhile = new ArrayList<>();
            int status = 0;
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (status != 200 && System.nanoTime() < deadline) {
                status = send(people.zhangsan(), "/api/v1/identity/me").statusCode();
                meanwhile.add(status);
                Thread.sleep(100);
            }
            assertThat(meanwhile).as("answers until the database ran again").containsOnly(503, 200).endsWith(200);
            assertThat(signInDuringTheCrash.get(30, TimeUnit.SECONDS).statusCode()).as("a valid sign-in while the database died")
                    .isIn(200, 503);
            assertThat(send(people.lisi(), "/api/v1/identity/me").statusCode()).isEqualTo(200);
            assertThat(send(people.anonymous(), "/").statusCode()).isEqualTo(200);
            assertThat(postmaster.isAlive()).isFalse();
            assertThat(platform.getBean(EmbeddedDatabaseServer.class).isRunning()).isTrue();
        }
    }

    private HttpResponse<String> send(PlatformClient who, String path) {
        try {
            return http.send(who.request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
