package org.onewindow.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The embedded database started in the background: handed over once, failures surfaced, never left running. */
class EmbeddedDatabaseStartTest {

    static final class FakeServer implements AutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void startsOnItsOwnThreadOnceTheBeanDefinitionsAreLoaded() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        FakeServer server = new FakeServer();
        EmbeddedDatabaseStart<FakeServer> start = new EmbeddedDatabaseStart<>(() -> {
            thread.set(Thread.currentThread().getName());
            ran.countDown();
            return server;
        });

        start.postProcessBeanFactory(null);

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.get()).isEqualTo("embedded-postgres-start");
        assertThat(start.server()).isSameAs(server);
        start.destroy();
        assertThat(server.closed).as("the bean that took the server closes it, not the start").isFalse();
    }

    @Test
    void startsOnlyOnceAndWhenAskedBeforeTheBackgroundStart() {
        AtomicInteger starts = new AtomicInteger();
        EmbeddedDatabaseStart<FakeServer> start = new EmbeddedDatabaseStart<>(() -> {
            starts.incrementAndGet();
            return new FakeServer();
        });

        FakeServer server = start.server();
        start.postProcessBeanFactory(null);

        assertThat(start.server()).isSameAs(server);
        assertThat(starts).hasValue(1);
    }

    @Test
    void aFailedStartFailsTheBeanThatNeedsTheDatabase() throws Exception {
        EmbeddedDatabaseStart<FakeServer> start = new EmbeddedDatabaseStart<>(() -> {
            throw new IOException("initdb failed");
        });
        start.postProcessBeanFactory(null);

        assertThatThrownBy(start::server).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("embedded PostgreSQL").hasRootCauseMessage("initdb failed");
        start.destroy();
    }

    @Test
    void aServerNobodyTookIsStoppedWhenTheApplicationFails() throws Exception {
        FakeServer server = new FakeServer();
        CountDownLatch release = new CountDownLatch(1);
        EmbeddedDatabaseStart<FakeServer> start = new EmbeddedDatabaseStart<>(() -> {
            release.await();
            return server;
        });
        start.postProcessBeanFactory(null);

        // the context fails and is destroyed while the server is still starting: it waits, then stops it
        Thread destroying = Thread.ofPlatform().start(() -> {
            try {
                start.destroy();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        release.countDown();
        destroying.join(10_000);

        assertThat(server.closed).isTrue();
    }
}
