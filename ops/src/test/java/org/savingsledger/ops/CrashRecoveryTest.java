package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The all-in-one killed with SIGKILL (as the OOM killer or a service manager's stop timeout does)
 * while six clients record deliveries and its processors project them, then started again on the
 * same data directory with nothing done in between. Its embedded PostgreSQL is a process of its own
 * and outlives the kill, holding {@code postmaster.pid}; the new process stops that server and starts
 * its own on the same files. Every acknowledged delivery is stored exactly once, every stored event
 * is in the read models once, and they equal a rebuild from the events. The application runs in a
 * child JVM; the read models are the embedded MongoDB's file under the data directory.
 */
class CrashRecoveryTest {

    private static final int CLIENTS = 6;
    private static final Pattern POSTGRES_PORT = Pattern.compile("Embedded PostgreSQL listening on localhost:(\\d+)");

    @Test
    void killedMidWriteAndRestartedOnTheSameDirectoryItComesBackWithEveryAcknowledgedDeliveryOnce() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "crash-test", UUID.randomUUID().toString()).toAbsolutePath());
        Path postgresDir = dataDir.resolve("postgres");
        try {
            killAndRestart(dataDir, postgresDir);
        } finally {
            // a failed run must not leave a server behind on this machine
            for (ProcessHandle left : serversOn(postgresDir)) {
                left.destroy();
                left.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void killAndRestart(Path dataDir, Path postgresDir) throws Exception {
        Child first = start(dataDir);
        String saving;
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        Map<Integer, AtomicInteger> otherAnswers = new ConcurrentHashMap<>();
        double lagAtKill;
        try {
            ApiClient api = awaitUp(first).withOrganisation("crashshire");
            String programme = api.post("/api/programmes", """
                    {"organisation": "crashshire", "name": "Crash", "savingsTarget": 100,
                     "firstYear": "2018/19", "lastYear": "2019/20"}""").json().path("id").asText();
            saving = api.post("/api/programmes/" + programme + "/savings", """
                    {"title": "t", "confidence": "CONFIDENT", "stage": "IN_DELIVERY", "profile": {"2018/19": 100}}""")
                    .json().path("id").asText();
            // clients keep recording deliveries; the process dies under them
            AtomicBoolean sending = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (sending.get()) {
                        try {
                            int status = api.post("/api/savings/" + saving + "/deliveries",
                                    "{\"year\": \"2018/19\", \"amount\": 0.01, \"reason\": \"outturn\"}").status();
                            (status == 200 ? acknowledged : otherAnswers.computeIfAbsent(status, s -> new AtomicInteger()))
                                    .incrementAndGet();
                        } catch (RuntimeException lost) {
                            // sent, but the answer was lost with the process: it may or may not be stored
                            if (!(lost.getCause() instanceof ConnectException)) {
                                unanswered.incrementAndGet();
                            }
                            return;
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= 200);
            lagAtKill = lag(api);
            // destroyForcibly is SIGKILL on Linux: the exit status 128 + 9 shows it was
            assertThat(first.process().destroyForcibly().waitFor()).isEqualTo(137);
            sending.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.process().destroyForcibly().waitFor();
        }
        assertThat(otherAnswers).as("every answered delivery was accepted").isEmpty();
        long orphan = Long.parseLong(Files.readAllLines(postgresDir.resolve("postmaster.pid")).get(0).trim());
        assertThat(serversOn(postgresDir)).as("the killed process's PostgreSQL outlives it")
                .extracting(ProcessHandle::pid).containsExactly(orphan);

        Child second = start(dataDir);
        try {
            ApiClient api = awaitUp(second);
            assertThat(Files.readString(second.log()))
                    .contains("Stopped a PostgreSQL server left running by an earlier process (pid " + orphan + ") on " + postgresDir);
            assertThat(serversOn(postgresDir)).as("the orphan is gone, the new process's own server runs")
                    .extracting(ProcessHandle::pid).hasSize(1).doesNotContain(orphan);

            Matcher port = POSTGRES_PORT.matcher(Files.readString(second.log()));
            assertThat(port.find()).isTrue();
            String eventStore = "jdbc:postgresql://localhost:" + port.group(1) + "/postgres?user=postgres";
            long deliveries = storedEvents(eventStore, saving, "%.SavingDeliveryRecorded");
            assertThat(deliveries).as("every acknowledged delivery is stored once; one whose answer was lost may be too")
                    .isBetween((long) acknowledged.get(), (long) acknowledged.get() + unanswered.get());

            String token = api.post("/api/savings/" + saving + "/rag", "{\"status\": \"GREEN\", \"reason\": \"after restart\"}")
                    .json().path("consistencyToken").asText();
            // The killed process's claims on the read models' segments lapse only after the token store's claim
            // timeout (10 s), and the new process (another pid@host) projects nothing until then: a read may wait
            // longer than its token's 5 s and answer 503 not-caught-up with Retry-After, so it retries, as a client would
            ApiClient.Reply history = await().atMost(Duration.ofSeconds(60)).until(
                    () -> api.get("/api/savings/" + saving + "/history?consistencyToken=" + token), reply -> reply.status() != 503);
            assertThat(history.status()).as(history.toString()).isEqualTo(200);
            assertThat(history.json()).as("every stored event once in the history").hasSize((int) storedEvents(eventStore, saving, "%"));
            JsonNode view = api.get("/api/savings/" + saving).json();
            assertThat(view.path("delivered").path("2018/19").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(deliveries, 2));
            System.out.printf("crash: killed after %d acknowledged deliveries (%d unanswered) with %.0f events not yet projected; "
                    + "%d deliveries stored, all in the read model once%n", acknowledged.get(), unanswered.get(), lagAtKill, deliveries);

            assertThat(api.post("/admin/read-models/rebuild", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (JsonNode model : api.get("/admin/read-models").json().path("readModels")) {
                    if (!model.path("rebuild").isNull() || model.path("activeGeneration").asInt() < 2) {
                        return false;
                    }
                }
                return true;
            });
            assertThat(api.get("/api/savings/" + saving).json()).isEqualTo(view);
            assertThat(api.get("/api/savings/" + saving + "/history").json()).isEqualTo(history.json());
        } finally {
            second.process().destroy();
            if (!second.process().waitFor(60, TimeUnit.SECONDS)) {
                second.process().destroyForcibly().waitFor();
            }
        }
        assertThat(serversOn(postgresDir)).as("a stopped application leaves no server running").isEmpty();
    }

    private record Child(Process process, Path log, int port) {
    }

    /** The all-in-one with its zero-install defaults: the embedded PostgreSQL and MongoDB under {@code dataDir}. */
    private static Child start(Path dataDir) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: it starts in about half the time on a busy machine
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                // its own log file, read by this test, at the product's level (the test classpath's logback-test.xml says WARN)
                "-Dlogging.level.root=INFO", "-cp", System.getProperty("java.class.path"), SavingsLedgerApplication.class.getName(),
                "--server.port=" + port, "--ledger.data-dir=" + dataDir, "--ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD,
                "--ledger.projection.batch-size=20", "--spring.main.banner-mode=off"));
        Path log = dataDir.resolve("child-" + System.nanoTime() + ".log");
        File file = log.toFile();
        return new Child(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(file).start(), log, port);
    }

    private static ApiClient awaitUp(Child child) {
        ApiClient api = new ApiClient(child.port());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .failFast("the application exited; its log is " + child.log(), () -> !child.process().isAlive())
                .until(() -> api.get("/actuator/health").status() == 200);
        return api;
    }

    /** The PostgreSQL servers (postmasters: started with {@code -D}) running on {@code directory}. */
    private static List<ProcessHandle> serversOn(Path directory) {
        return ProcessHandle.allProcesses().filter(process -> {
            List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
            int option = arguments.indexOf("-D");
            return option >= 0 && option + 1 < arguments.size() && process.isAlive()
                    && Path.of(arguments.get(option + 1)).toAbsolutePath().normalize().equals(directory);
        }).toList();
    }

    private static double lag(ApiClient api) {
        Matcher lag = Pattern.compile("ledger_processor_lag_events\\{processor=\"saving-history\"[^}]*} ([0-9.E]+)")
                .matcher(api.get("/actuator/prometheus").body());
        return lag.find() ? Double.parseDouble(lag.group(1)) : -1;
    }

    private static long storedEvents(String eventStore, String saving, String payloadType) throws Exception {
        try (var connection = DriverManager.getConnection(eventStore);
             var statement = connection.prepareStatement(
                     "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?")) {
            statement.setString(1, saving);
            statement.setString(2, payloadType);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", 0));
            return socket.getLocalPort();
        }
    }
}
