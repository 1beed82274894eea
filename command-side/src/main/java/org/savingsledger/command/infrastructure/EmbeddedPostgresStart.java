package org.savingsledger.command.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the application's environment is known,
 * so that its first start ({@code initdb} and the server's start, seconds on a small machine) runs beside the
 * building of the application context instead of after it; {@link EmbeddedPostgresConfiguration} then takes the
 * started server. An application opts in with {@link #initializer()} (the all-in-one's and the command side's
 * {@code main}); without it the configuration starts the server itself, in turn. Only when the embedded
 * server is the one used ({@code spring.datasource.url} not set).
 */
public final class EmbeddedPostgresStart implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStart.class);

    private final Path directory;
    private final CompletableFuture<EmbeddedPostgres> server;
    private volatile boolean taken;

    private EmbeddedPostgresStart(Path directory) {
        this.directory = directory;
        this.server = CompletableFuture.supplyAsync(() -> {
            try {
                return start(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Registers, in a context about to be refreshed, a start of the server that Spring stops if the context fails first. */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        return context -> {
            if (usesEmbedded(context.getEnvironment()) && context instanceof GenericApplicationContext generic) {
                EmbeddedPostgresStart start = new EmbeddedPostgresStart(directory(context.getEnvironment().getProperty("ledger.data-dir", "./data")));
                generic.registerBean(EmbeddedPostgresStart.class, () -> start);
            }
        };
    }

    static boolean usesEmbedded(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isEmpty();
    }

    static Path directory(String dataDir) {
        return Path.of(dataDir, "postgres").toAbsolutePath().normalize();
    }

    /** Starts the server with its data in {@code directory}: the one way it is started, early or in turn. */
    static EmbeddedPostgres start(Path directory) throws IOException {
        Files.createDirectories(directory.getParent());
        // after a crash (SIGKILL, the OOM killer) the server the dead process started may still run here
        OrphanedPostmaster.clear(directory, Duration.ofSeconds(30));
        log.info("Starting embedded PostgreSQL with its data in {}", directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // the contract: a command is durably stored before it is answered. The library's default
                // (synchronous_commit=off, for throwaway test databases) could lose the last answered
                // commands if the machine stopped; this disk syncs in about 0.2 ms (docs/benchmarks.md).
                .setServerConfig("synchronous_commit", "on")
                // stopped by Spring after the event processors, not by a JVM hook racing them
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL listening on localhost:{} (database postgres, user postgres)", postgres.getPort());
        return postgres;
    }

    /** The started server, for a data directory that must be the one it was started in; waits for the start to end. */
    EmbeddedPostgres take(Path expected) throws IOException {
        if (!directory.equals(expected)) {
            throw new IllegalStateException("The embedded PostgreSQL was started in " + directory + " but " + expected + " is configured");
        }
        try {
            EmbeddedPostgres postgres = server.get();
            taken = true;
            return postgres;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while the embedded PostgreSQL started", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("The embedded PostgreSQL did not start", cause);
        }
    }

    /** The start under way, for a test to wait on without taking the server. */
    CompletableFuture<EmbeddedPostgres> starting() {
        return server;
    }

    /** A context that failed before its data source took the server stops it here (the data source's bean stops it otherwise). */
    @Override
    public void destroy() throws Exception {
        if (taken) {
            return;
        }
        try {
            server.get().close();
        } catch (ExecutionException e) {
            // it never started: nothing to stop
        }
    }
}
