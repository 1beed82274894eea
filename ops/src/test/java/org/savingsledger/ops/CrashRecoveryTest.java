package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application killed (SIGKILL, no shutdown) while its processors are projecting a stream of
 * commands, then started again: every event is in the read models exactly once, and they equal a
 * rebuild from the events. The application runs in a child JVM; the event store is a PostgreSQL this
 * test owns, so it survives the kill (the embedded one would be orphaned by a SIGKILL, see
 * docs/operations.md); the read models are the embedded MongoDB's file under the data directory.
 */
class CrashRecoveryTest {

    @Test
    void killedMidBatchAndRestartedTheReadModelsEqualAnUninterruptedRun() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "crash-test", UUID.randomUUID().toString()).toAbsolutePath());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("external-postgres"))
                .setCleanDataDirectory(true).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            int port = freePort();
            Process first = start(dataDir, url, port);
            String saving;
            AtomicInteger accepted = new AtomicInteger();
            double lagAtKill;
            try {
                ApiClient api = awaitUp(port);
                String programme = api.post("/api/programmes", """
                        {"organisation": "crashshire", "name": "Crash", "savingsTarget": 100,
                         "firstYear": "2018/19", "lastYear": "2019/20"}""").json().path("id").asText();
                saving = api.post("/api/programmes/" + programme + "/savings", """
                        {"title": "t", "confidence": "CONFIDENT", "stage": "IN_DELIVERY", "profile": {"2018/19": 100}}""")
                        .json().path("id").asText();
                // clients keep recording deliveries; the process dies under them
                AtomicBoolean sending = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(4);
                for (int c = 0; c < 4; c++) {
                    clients.submit(() -> {
                        while (sending.get()) {
                            try {
                                if (api.post("/api/savings/" + saving + "/deliveries",
                                        "{\"year\": \"2018/19\", \"amount\": 0.01, \"reason\": \"outturn\"}").status() == 200) {
                                    accepted.incrementAndGet();
                                }
                            } catch (RuntimeException connectionLost) {
                                return;
                            }
                        }
                    });
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= 150);
                lagAtKill = lag(api);
                first.destroyForcibly().waitFor();
                sending.set(false);
                clients.shutdown();
            } finally {
                first.destroyForcibly().waitFor();
            }

            Process second = start(dataDir, url, port);
            try {
                ApiClient api = awaitUp(port);
                long stored = storedEvents(postgres, saving);
                String token = api.post("/api/savings/" + saving + "/rag", "{\"status\": \"GREEN\", \"reason\": \"after restart\"}")
                        .json().path("consistencyToken").asText();
                ApiClient.Reply history = api.get("/api/savings/" + saving + "/history?consistencyToken=" + token);
                assertThat(history.status()).as(history.toString()).isEqualTo(200);
                assertThat(history.json()).as("every stored event once in the history").hasSize((int) stored + 1);
                JsonNode view = api.get("/api/savings/" + saving).json();
                assertThat(view.path("delivered").path("2018/19").decimalValue())
                        .isEqualByComparingTo(java.math.BigDecimal.valueOf(stored - 1, 2));
                System.out.printf("crash: killed after %d accepted deliveries with %.0f events not yet projected; "
                        + "%d saving events stored, all in the read model once%n", accepted.get(), lagAtKill, stored);

                assertThat(api.post("/admin/read-models/rebuild", "").status()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(120)).until(() -> {
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
                second.destroy();
                if (!second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    second.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static Process start(Path dataDir, String url, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), SavingsLedgerApplication.class.getName(),
                "--server.port=" + port, "--ledger.data-dir=" + dataDir, "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD,
                "--ledger.projection.batch-size=20", "--spring.main.banner-mode=off"));
        File log = dataDir.resolve("child-" + System.nanoTime() + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static ApiClient awaitUp(int port) {
        ApiClient api = new ApiClient(port);
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> api.get("/actuator/health").status() == 200);
        return api;
    }

    private static double lag(ApiClient api) {
        java.util.regex.Matcher lag = java.util.regex.Pattern.compile("ledger_processor_lag_events\\{processor=\"saving-history\"[^}]*} ([0-9.E]+)")
                .matcher(api.get("/actuator/prometheus").body());
        return lag.find() ? Double.parseDouble(lag.group(1)) : -1;
    }

    private static long storedEvents(EmbeddedPostgres postgres, String saving) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.prepareStatement("select count(*) from domain_event_entry where aggregate_identifier = ?")) {
            statement.setString(1, saving);
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
