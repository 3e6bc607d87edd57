package org.onewindow.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Looks every second whether the embedded PostgreSQL still runs, and when it died (killed, out of
 * memory) declares the outage, waits a moment (longer after each failed attempt, so that a server
 * that cannot start is not restarted in a tight loop) and starts it again on the same directory,
 * without an operator. Meanwhile requests are answered 503 with Retry-After
 * ({@link DatabaseOutageFilter}). The pool's connections to the dead server are dropped once it runs
 * again.
 */
final class DatabaseWatchdog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatchdog.class);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final EmbeddedDatabaseServer server;
    private final HikariDataSource pool;
    private final DatabaseOutage outage;
    private final Duration firstPause;
    private ScheduledExecutorService looker;
    private Duration pause;

    DatabaseWatchdog(EmbeddedDatabaseServer server, HikariDataSource pool, DatabaseOutage outage, Duration firstPause) {
        this.server = server;
        this.pool = pool;
        this.outage = outage;
        this.firstPause = firstPause;
        this.pause = firstPause;
    }

    private void look() {
        if (server.isRunning()) {
            return;
        }
        outage.begin(Clock.systemUTC().instant());
        log.error("The embedded PostgreSQL is not running; requests are answered 503 until it runs again");
        try {
            Thread.sleep(pause.toMillis());
            server.restart();
            pool.getHikariPoolMXBean().softEvictConnections();
            pause = firstPause;
            outage.end();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            log.error("Could not start the embedded PostgreSQL again; trying again in {}", pause, failed);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    @Override
    public synchronized void start() {
        looker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("embedded-postgres-watchdog").daemon(true).factory());
        looker.scheduleWithFixedDelay(this::look, LOOK_EVERY.toMillis(), LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (looker != null) {
            looker.shutdownNow();
            try {
                looker.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            looker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return looker != null;
    }
}
