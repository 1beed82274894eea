package org.savingsledger.command.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server left running on the embedded data directory by an earlier process of this
 * application that was killed before it could stop it (SIGKILL, the OOM killer, a service manager's
 * stop timeout). The server is a process of its own and outlives its parent; it keeps
 * {@code postmaster.pid}, so a new server refuses the directory and the application would not start
 * until someone ended it.
 *
 * <p>{@link #clear} runs before the embedded server starts. It acts only when no live process owns the
 * directory (the library's {@code epg-lock} is free: a live application holds it for as long as it
 * runs) and then stops only a process that is a PostgreSQL server on exactly this data directory.
 * A pid file naming some other live process (its PID reused after the server died, e.g. across a
 * reboot) is stale: that process is left alone and the file removed, since PostgreSQL would take the
 * process for a running server and refuse to start. That is safe: PostgreSQL itself still refuses
 * to start while any process of an old server is attached to the directory's shared memory. A pid
 * file naming no process is left to PostgreSQL, which replaces it.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    /** The library's lock file in the data directory, held by the process that started the server. */
    static final String OWNER_LOCK = "epg-lock";
    static final String PID_FILE = "postmaster.pid";

    /** What the process a pid file names is, as far as can be seen from here. */
    enum Verdict {
        /** No running process has that PID: PostgreSQL replaces a stale pid file itself. */
        GONE,
        /** A PostgreSQL server on this data directory: left running by a killed application, stop it. */
        SERVER_ON_THIS_DIRECTORY,
        /** Some other process (the PID was reused): not ours to touch; the pid file is stale. */
        SOMETHING_ELSE,
        /** Running, but not identified (another user's process on some systems, a server's helper): leave all as is. */
        CANNOT_TELL
    }

    /** What could be seen of a process: its executable, its arguments, its working directory. */
    record Sighting(boolean running, Optional<String> executable, Optional<List<String>> arguments,
                    Optional<Path> workingDirectory) {

        static Sighting of(long pid) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !ServerShutdown.isRunning(handle.get())) {
                return new Sighting(false, Optional.empty(), Optional.empty(), Optional.empty());
            }
            ProcessHandle.Info info = handle.get().info();
            // Linux only; elsewhere the arguments have to do
            Path cwd = Path.of("/proc", Long.toString(pid), "cwd");
            return new Sighting(true, info.command(), info.arguments().map(List::of),
                    Files.isDirectory(cwd) ? Optional.of(cwd) : Optional.empty());
        }
    }

    private OrphanedPostmaster() {
    }

    /**
     * Makes way for a new server on {@code dataDirectory}: stops a server an earlier, dead process of
     * this application left running there, or removes a pid file that names some other process.
     */
    static void clear(Path dataDirectory, Duration stopBound) throws IOException {
        if (!Files.exists(dataDirectory.resolve(PID_FILE))) {
            return;
        }
        FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock owner;
        try {
            owner = channel.tryLock();
        } catch (OverlappingFileLockException ownedInThisProcess) {
            // another server of this JVM: left open, since closing any channel on the file would drop that
            // owner's lock too (POSIX locks belong to the process); the library refuses to start anyway
            return;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try (channel; owner) {
            // not got: a live process runs its server here, no orphan; the library then refuses to start
            if (owner != null) {
                clearOwned(dataDirectory, stopBound);
            }
        }
    }

    /** {@link #clear} once this process owns the directory: whatever runs on it was left by a dead one. */
    static void clearOwned(Path dataDirectory, Duration stopBound) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Sighting sighting = Sighting.of(pid.get());
        switch (judge(sighting, dataDirectory)) {
            case GONE -> {
            }
            case SERVER_ON_THIS_DIRECTORY -> {
                ServerShutdown.stop(pid.get(), stopBound);
                log.warn("Stopped a PostgreSQL server left running by an earlier process (pid {}) on {}", pid.get(), dataDirectory);
            }
            case SOMETHING_ELSE -> log.warn("{} names pid {}, which is not a PostgreSQL server on this directory but {}: "
                    + "the server that wrote it is gone; that process is left alone", pidFile, pid.get(),
                    sighting.executable().orElse("another process"));
            case CANNOT_TELL -> {
                log.warn("{} names pid {}, a running process that could not be identified; if PostgreSQL refuses "
                        + "to start, end it if it is a PostgreSQL server on {} and start again", pidFile, pid.get(), dataDirectory);
                return;
            }
        }
        // PostgreSQL replaces a pid file naming no process, but takes any process with that PID (an unrelated
        // one, or an exited server its parent has not collected) for a running server and refuses to start
        if (pidIn(pidFile).equals(pid) && ProcessHandle.of(pid.get()).isPresent()) {
            Files.deleteIfExists(pidFile);
            log.warn("Removed the stale {}", pidFile);
        }
    }

    /** The decision, from what could be seen of the process the pid file names. */
    static Verdict judge(Sighting process, Path dataDirectory) {
        if (!process.running()) {
            return Verdict.GONE;
        }
        Optional<String> executable = process.executable()
                .or(() -> process.arguments().filter(arguments -> !arguments.isEmpty()).map(arguments -> arguments.get(0)));
        if (executable.isEmpty()) {
            return Verdict.CANNOT_TELL;
        }
        if (!isPostgres(executable.get())) {
            return Verdict.SOMETHING_ELSE;
        }
        // a server keeps the arguments it was started with (-D <directory>); its helper processes rename themselves
        Optional<Path> named = process.arguments().flatMap(arguments -> {
            int option = arguments.indexOf("-D");
            return option >= 0 && option + 1 < arguments.size() ? path(arguments.get(option + 1)) : Optional.empty();
        });
        // a server's working directory is its data directory, which identifies it even if renamed since
        boolean here = named.filter(path -> sameFile(path, dataDirectory)).isPresent()
                || process.workingDirectory().filter(cwd -> sameFile(cwd, dataDirectory)).isPresent();
        if (here) {
            return named.isPresent() ? Verdict.SERVER_ON_THIS_DIRECTORY : Verdict.CANNOT_TELL;
        }
        boolean elsewhere = process.workingDirectory().isPresent() || named.filter(Files::isDirectory).isPresent();
        return elsewhere ? Verdict.SOMETHING_ELSE : Verdict.CANNOT_TELL;
    }

    private static boolean isPostgres(String executable) {
        // Linux names the executable of a running program whose file has been deleted since "<path> (deleted)",
        // as when /tmp is cleaned under a long-running server
        String path = executable.replace(" (deleted)", "");
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        return name.equals("postgres") || name.equals("postgres.exe") || name.equals("postmaster");
    }

    private static Optional<Path> path(String argument) {
        try {
            return Optional.of(Path.of(argument));
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException notThere) {
            return false;
        }
    }

    /** The first line of the pid file: the server's PID. */
    private static Optional<Long> pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}
