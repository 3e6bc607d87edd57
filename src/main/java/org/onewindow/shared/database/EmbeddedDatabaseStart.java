package org.onewindow.shared.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the application's bean
 * definitions are loaded, before any ordinary bean is created, so that creating the cluster
 * (initdb, on a first start) and starting the server overlap with building the rest of the
 * application instead of preceding the data source.
 *
 * <p>{@link #server()} hands the running server to the bean that closes it, waiting for it if
 * it is still starting, and throws what the start threw. A server that nobody took over, because
 * the application failed before it needed the database, is stopped when the context is
 * destroyed.
 */
final class EmbeddedDatabaseStart<S extends AutoCloseable> implements BeanFactoryPostProcessor, PriorityOrdered, DisposableBean {

    @FunctionalInterface
    interface Starter<S> {
        S start() throws Exception;
    }

    private final Starter<S> starter;
    private CompletableFuture<S> started;
    private boolean handedOver;

    EmbeddedDatabaseStart(Starter<S> starter) {
        this.starter = starter;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        begin();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private synchronized CompletableFuture<S> begin() {
        if (started == null) {
            CompletableFuture<S> future = new CompletableFuture<>();
            started = future;
            Thread.ofPlatform().name("embedded-postgres-start").daemon(true).start(() -> {
                try {
                    future.complete(starter.start());
                } catch (Throwable failed) {
                    future.completeExceptionally(failed);
                }
            });
        }
        return started;
    }

    /** The running server, started now if it was not yet; the caller owns it from here on and closes it. */
    S server() {
        S server;
        try {
            server = begin().join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("cannot start the embedded PostgreSQL", cause);
        }
        synchronized (this) {
            handedOver = true;
        }
        return server;
    }

    @Override
    public void destroy() throws Exception {
        CompletableFuture<S> future;
        synchronized (this) {
            if (started == null || handedOver) {
                return;
            }
            future = started;
        }
        S orphan;
        try {
            orphan = future.join();
        } catch (CompletionException failedToStart) {
            return;
        }
        orphan.close();
    }
}
