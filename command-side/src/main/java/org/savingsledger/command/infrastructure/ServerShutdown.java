package org.savingsledger.command.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Stopping a PostgreSQL server process from outside, as {@link OrphanedPostmaster} does with a server a
 * killed process left running: by signals, each given a bound, since {@code pg_ctl} refuses to run as root.
 */
final class ServerShutdown {

    private static final Logger log = LoggerFactory.getLogger(ServerShutdown.class);

    private ServerShutdown() {
    }

    /**
     * Fast shutdown (SIGINT, what {@code pg_ctl stop} sends: open transactions roll back, a checkpoint,
     * exit), then immediate shutdown (SIGQUIT: the next start recovers from the WAL, as after a crash),
     * then SIGKILL, each for a bound. (pg_ctl itself refuses to run as root.)
     */
    static void stop(long pid, Duration bound) {
        Optional<ProcessHandle> found = ProcessHandle.of(pid);
        if (found.isEmpty()) {
            return;
        }
        ProcessHandle server = found.get();
        if (!signal(pid, "INT")) {
            server.destroy(); // SIGTERM, smart shutdown: enough when the killed process's connections are all gone
        }
        if (awaitGone(server, bound)) {
            return;
        }
        log.warn("PostgreSQL (pid {}) did not stop within {}; stopping it at once", pid, bound);
        if (signal(pid, "QUIT") && awaitGone(server, bound)) {
            return;
        }
        server.destroyForcibly();
        if (!awaitGone(server, bound)) {
            throw new IllegalStateException("Could not stop the PostgreSQL server left running by an earlier process (pid "
                    + pid + "); end it, then start again");
        }
    }

    private static boolean signal(long pid, String signal) {
        try {
            return new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException noKillCommand) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean awaitGone(ProcessHandle process, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }

    /** Alive and not a zombie: an exited process whose parent has not collected it is still "alive" to Java. */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // pid (command) state ...; the command may contain spaces and parentheses
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (NoSuchFileException notLinuxOrGone) {
            return process.isAlive();
        } catch (IOException | RuntimeException unreadable) {
            return true;
        }
    }
}
