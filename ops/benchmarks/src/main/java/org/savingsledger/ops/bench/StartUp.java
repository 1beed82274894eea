package org.savingsledger.ops.bench;

import org.savingsledger.ops.SavingsLedgerApplication;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long the all-in-one takes to start, as its user meets it: {@code java -jar} of the product's
 * application in a process of its own, from the process's start until {@code /actuator/health}
 * answers 200 — on an empty data directory (the first start: the embedded PostgreSQL's cluster is
 * created, the schema migrated) and again on the data it left (every later start).
 */
record StartUp(LedgerUnderTest ledger) {

    static final String WORKLOAD = "Start-up";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    void run() throws Exception {
        ledger.log("start-up of the all-in-one in a process of its own, on an empty data directory and again on its data");
        Path directory = Files.createTempDirectory("savings-ledger-start-up-");
        try {
            for (String when : new String[] {"first start, empty data directory", "later start, on the data the first left"}) {
                Measured measured = startAndStop(directory);
                ledger.report().add(WORKLOAD, "the all-in-one (java -jar, embedded stores), " + when,
                        String.format(Locale.ROOT, "healthy after %.1f s from the process's start; Spring Boot: %s",
                                measured.seconds(), measured.started()),
                        "≤ 10 s", measured.seconds() <= 10, "");
            }
        } finally {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        ledger.report().note("Start-up: the product's own application class (SavingsLedgerApplication) launched by Spring Boot's "
                + "launcher from the benchmark jar, as java -jar ops/target/savings-ledger.jar launches it, with the JVM's default "
                + "options, a data directory of its own and an administrator password; timed from just before the process is "
                + "started until GET /actuator/health answers 200 (polled every 50 ms), then stopped as a service manager stops "
                + "it (SIGTERM) before the second start. The benchmark's own ledger is running, idle, beside it.");
    }

    private record Measured(double seconds, String started) {
    }

    private Measured startAndStop(Path data) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = data.resolveSibling(data.getFileName() + ".log");
        List<String> command = ChildJava.command(SavingsLedgerApplication.class, List.of());
        String main = SavingsLedgerApplication.class.getName();
        command.addAll(List.of("--server.port=" + port, "--server.address=" + InetAddress.getLoopbackAddress().getHostAddress(),
                "--ledger.data-dir=" + data, "--logging.level." + main + "=INFO"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LEDGER_ADMIN_PASSWORD", "start-up-" + port);
        long began = System.nanoTime();
        Process process = builder.start();
        Thread guard = new Thread(process::destroyForcibly, "start-up-guard-" + process.pid());
        Runtime.getRuntime().addShutdownHook(guard);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI health = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + "/actuator/health");
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the all-in-one stopped with " + process.exitValue() + ": " + tail(log));
                }
                try {
                    if (http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                    // not listening yet
                }
                if (System.nanoTime() - began > PATIENCE.toNanos()) {
                    throw new IllegalStateException("the all-in-one was not healthy within " + PATIENCE + ": " + tail(log));
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            return new Measured(seconds, started(log));
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(guard);
            Files.deleteIfExists(log);
        }
    }

    private static String started(Path log) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("Started " + SavingsLedgerApplication.class.getSimpleName()))
                    .map(line -> "\"" + line.substring(line.indexOf("Started ")).trim() + "\"").findFirst().orElse("no start-up line");
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(its output could not be read: " + e + ")";
        }
    }
}
