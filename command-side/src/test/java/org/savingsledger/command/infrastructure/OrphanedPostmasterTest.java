package org.savingsledger.command.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.savingsledger.command.infrastructure.OrphanedPostmaster.Sighting;
import org.savingsledger.command.infrastructure.OrphanedPostmaster.Verdict;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up step that makes way for the embedded PostgreSQL after a crash: what it takes for a
 * server left running on the data directory (stopped), and what it leaves alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrphanedPostmasterTest {

    private static final String POSTGRES = "/tmp/embedded-pg/PG-16c5707c/bin/postgres";

    @TempDir
    Path dataDirectory;

    @TempDir
    Path elsewhere;

    @Test
    void aServerStartedOnThisDirectoryIsStopped() {
        Sighting server = running(POSTGRES, List.of("-D", dataDirectory.toString(), "-p", "40123", "-F"), dataDirectory);

        assertThat(OrphanedPostmaster.judge(server, dataDirectory)).isEqualTo(Verdict.SERVER_ON_THIS_DIRECTORY);
    }

    @Test
    void aServerIsKnownByItsWorkingDirectoryAfterItsDirectoryWasRenamedAndItsBinariesDeleted() {
        Sighting server = running(POSTGRES + " (deleted)", List.of("-D", "/srv/ledger-old/postgres", "-p", "40123"), dataDirectory);

        assertThat(OrphanedPostmaster.judge(server, dataDirectory)).isEqualTo(Verdict.SERVER_ON_THIS_DIRECTORY);
    }

    @Test
    void withoutAWorkingDirectoryToReadTheArgumentsIdentifyTheServer() {
        Sighting server = new Sighting(true, Optional.of(POSTGRES), Optional.of(List.of("-D", dataDirectory.toString())), Optional.empty());

        assertThat(OrphanedPostmaster.judge(server, dataDirectory)).isEqualTo(Verdict.SERVER_ON_THIS_DIRECTORY);
    }

    @Test
    void aServerOnAnotherDirectoryIsSomethingElse() {
        Sighting other = running(POSTGRES, List.of("-D", elsewhere.toString(), "-p", "5432"), elsewhere);

        assertThat(OrphanedPostmaster.judge(other, dataDirectory)).isEqualTo(Verdict.SOMETHING_ELSE);
    }

    @Test
    void anotherProgramIsSomethingElse() {
        Sighting sleep = running("/usr/bin/sleep", List.of(dataDirectory.toString()), dataDirectory);

        assertThat(OrphanedPostmaster.judge(sleep, dataDirectory)).isEqualTo(Verdict.SOMETHING_ELSE);
    }

    @Test
    void aHelperProcessOfAServerHereIsNotTakenForTheServer() {
        // a server's helper processes (checkpointer, backends) rename themselves: no -D
        Sighting checkpointer = running(POSTGRES, List.of(), dataDirectory);

        assertThat(OrphanedPostmaster.judge(checkpointer, dataDirectory)).isEqualTo(Verdict.CANNOT_TELL);
    }

    @Test
    void aProcessThatCannotBeInspectedIsNotTouched() {
        Sighting unseen = new Sighting(true, Optional.empty(), Optional.empty(), Optional.empty());
        Sighting serverNamingAGoneDirectory = new Sighting(true, Optional.of(POSTGRES),
                Optional.of(List.of("-D", "/srv/ledger-old/postgres")), Optional.empty());

        assertThat(OrphanedPostmaster.judge(unseen, dataDirectory)).isEqualTo(Verdict.CANNOT_TELL);
        assertThat(OrphanedPostmaster.judge(serverNamingAGoneDirectory, dataDirectory)).isEqualTo(Verdict.CANNOT_TELL);
    }

    @Test
    void aProcessNoLongerRunningIsGone() {
        assertThat(OrphanedPostmaster.judge(new Sighting(false, Optional.empty(), Optional.empty(), Optional.empty()), dataDirectory))
                .isEqualTo(Verdict.GONE);
    }

    @Test
    void aPidFileNamingALiveUnrelatedProcessIsRemovedAndTheProcessLeftAlone(CapturedOutput output) throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            writePidFile(sleep.pid());

            OrphanedPostmaster.clear(dataDirectory, Duration.ofSeconds(5));

            assertThat(sleep.isAlive()).isTrue();
            assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
            assertThat(output).contains("names pid " + sleep.pid() + ", which is not a PostgreSQL server on this directory");
        } finally {
            sleep.destroy();
        }
    }

    @Test
    void aPidFileNamingThisVeryProcessIsRemoved() throws Exception {
        writePidFile(ProcessHandle.current().pid());

        OrphanedPostmaster.clear(dataDirectory, Duration.ofSeconds(5));

        assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aPidFileNamingNoProcessIsLeftToPostgres() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        writePidFile(exited.pid());

        OrphanedPostmaster.clear(dataDirectory, Duration.ofSeconds(5));

        // PostgreSQL replaces it itself when no process has that PID
        assertThat(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0)).isEqualTo(Long.toString(exited.pid()));
    }

    @Test
    void nothingIsTouchedWhileALiveProcessOwnsTheDirectory() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        // the owner: another JVM holding the library's lock, as a running application does
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldLock.class.getName(), dataDirectory.resolve("epg-lock").toString())
                .redirectErrorStream(true).start();
        try (var answers = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(answers.readLine()).isEqualTo("locked");
            writePidFile(sleep.pid());

            OrphanedPostmaster.clear(dataDirectory, Duration.ofSeconds(5));

            assertThat(sleep.isAlive()).isTrue();
            assertThat(dataDirectory.resolve("postmaster.pid")).exists();
        } finally {
            owner.destroy();
            sleep.destroy();
        }
    }

    @Test
    void nothingIsTouchedWhileAServerOfThisProcessOwnsTheDirectory() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock owner = channel.lock()) {
            writePidFile(sleep.pid());

            OrphanedPostmaster.clear(dataDirectory, Duration.ofSeconds(5));

            assertThat(sleep.isAlive()).isTrue();
            assertThat(dataDirectory.resolve("postmaster.pid")).exists();
            assertThat(owner.isValid()).isTrue();
        } finally {
            sleep.destroy();
        }
    }

    /** Holds a lock on the file it is given until it is ended. */
    static final class HoldLock {
        public static void main(String[] arguments) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(arguments[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                System.out.println("locked");
                System.out.flush();
                // held until the test ends this process (or closes its input)
                System.in.read();
            }
        }
    }

    @Test
    void aServerLeftRunningOnThisDirectoryIsStopped(CapturedOutput output) throws Exception {
        EmbeddedPostgres left = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD).start();
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0));
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        try {
            // as in the new process, which holds the directory once the killed one's lock is gone
            OrphanedPostmaster.clearOwned(dataDirectory, Duration.ofSeconds(30));

            assertThat(server.onExit()).succeedsWithin(Duration.ofSeconds(5));
            assertThat(dataDirectory.resolve("postmaster.pid")).as("a clean shutdown").doesNotExist();
            assertThat(output).contains("Stopped a PostgreSQL server left running by an earlier process (pid " + pid + ") on "
                    + dataDirectory);
        } finally {
            if (server.isAlive()) {
                left.close();
            }
            server.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private Sighting running(String executable, List<String> arguments, Path workingDirectory) {
        return new Sighting(true, Optional.of(executable), Optional.of(arguments), Optional.of(workingDirectory));
    }

    /** As PostgreSQL writes it: pid, data directory, start time, port, socket directory, address, shared memory key, status. */
    private void writePidFile(long pid) throws Exception {
        Files.write(dataDirectory.resolve("postmaster.pid"), List.of(Long.toString(pid), dataDirectory.toString(),
                "1796229698", "40123", "/tmp", "localhost", "  2148850        46", "ready   "));
    }
}
