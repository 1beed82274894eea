package org.savingsledger.ops.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.savingsledger.query.QuerySideApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
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
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A second query-side instance of the ledger ({@link QuerySideApplication}) in a JVM of its own, on the
 * PostgreSQL and MongoDB of the ledger the harness runs — one more instance sharing the stores, as a
 * shared service runs several. It is started from the classes the harness runs from (the Spring Boot
 * jar, or the test's class path), with the JVM options given, and knows the administrator as the
 * harness's instance does (the same configured password, or the same data directory's hash of a
 * generated one). It migrates nothing and starts no store of its own. Closing it stops it as an
 * operator would (SIGTERM, so it releases its segment claims), forcibly only when that hangs.
 */
final class QuerySideInstance implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path directory;
    private final Path log;

    /** Stops the instance if this JVM ends before closing it (System.exit, SIGTERM), so that none is left running. */
    private final Thread orphanGuard;

    private QuerySideInstance(Process process, int port, Path directory, Path log) {
        this.process = process;
        this.port = port;
        this.directory = directory;
        this.log = log;
        this.orphanGuard = new Thread(process::destroyForcibly, "query-side-instance-" + process.pid() + "-guard");
        Runtime.getRuntime().addShutdownHook(orphanGuard);
    }

    /**
     * Starts the instance and answers once its health endpoint answers 200.
     *
     * @param ledger the running ledger whose stores and administrator it shares
     * @param jvm    options of its JVM, e.g. {@code -Xmx256m}
     * @param node   its name in segment claims
     */
    static QuerySideInstance start(ApplicationContext ledger, List<String> jvm, String node, Duration patience)
            throws IOException, InterruptedException {
        Environment environment = ledger.getEnvironment();
        HikariDataSource events = (HikariDataSource) ledger.getBean(DataSource.class);
        String database = ledger.getBean(MongoDatabase.class).getName();
        String mongo = environment.getProperty("ledger.mongo.uri", "");
        if (mongo.isBlank()) {
            // the ledger's embedded Mongo server, reached by the wire protocol like any other
            var address = ledger.getBean(MongoClient.class).getClusterDescription().getServerDescriptions().get(0).getAddress();
            mongo = "mongodb://" + address.getHost() + ":" + address.getPort();
        }
        int port = freePort();
        List<String> command = ChildJava.command(QuerySideApplication.class, jvm);
        String main = QuerySideApplication.class.getName();
        command.addAll(List.of("--server.port=" + port, "--server.address=" + InetAddress.getLoopbackAddress().getHostAddress(),
                "--ledger.mongo.uri=" + mongo, "--ledger.mongo.database=" + database, "--ledger.node-id=" + node,
                // the schema belongs to the command side, which has migrated it
                "--spring.flyway.enabled=false",
                // lean: nothing this instance is started for needs the API description, the banner or INFO logs
                "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.de.bwaldvogel.mongo=ERROR",
                // but its one line on how long it took to start
                "--logging.level." + main + "=INFO"));
        Path directory = Files.createTempDirectory("savings-ledger-query-instance-");
        Path log = directory.resolve("output.log");
        String admin = environment.getProperty("ledger.admin.password", "");
        // without a configured password the administrator's is the hash the ledger keeps in its data directory;
        // with one, the instance needs no data directory but a place of its own
        command.add("--ledger.data-dir=" + (admin.isBlank()
                ? Path.of(environment.getProperty("ledger.data-dir", "./data")).toAbsolutePath() : directory));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // secrets by the environment, not the command line that every user of the machine can list
        Map<String, String> variables = builder.environment();
        set(variables, "SPRING_DATASOURCE_URL", events.getJdbcUrl());
        set(variables, "SPRING_DATASOURCE_USERNAME", events.getUsername());
        set(variables, "SPRING_DATASOURCE_PASSWORD", events.getPassword());
        set(variables, "LEDGER_ADMIN_PASSWORD", admin.isBlank() ? null : admin);
        QuerySideInstance instance = new QuerySideInstance(builder.start(), port, directory, log);
        try {
            instance.awaitHealth(patience);
            return instance;
        } catch (IOException | InterruptedException | RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    /** The variable as the ledger has it: set to its value, or unset (not inherited from this JVM's environment). */
    private static void set(Map<String, String> variables, String name, String value) {
        if (value == null) {
            variables.remove(name);
        } else {
            variables.put(name, value);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealth(Duration patience) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the query-side instance stopped with " + process.exitValue() + ": " + output());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the query-side instance was not healthy within " + patience + ": " + output());
            }
            Thread.sleep(100);
        }
    }

    URI uri(String path) {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + path);
    }

    long pid() {
        return process.pid();
    }

    /** A line of its {@code /proc/<pid>/status} in bytes, e.g. {@code VmRSS} or {@code VmHWM}; empty where there is none. */
    OptionalLong status(String field) {
        try {
            return statusField(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")), field);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** A field of a {@code /proc/<pid>/status} text, given in kB there, in bytes. */
    static OptionalLong statusField(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String[] value = line.substring(field.length() + 1).trim().split("\\s+");
                long number = Long.parseLong(value[0]);
                return OptionalLong.of(value.length > 1 && value[1].equalsIgnoreCase("kB") ? number * 1024 : number);
            }
        }
        return OptionalLong.empty();
    }

    /** Spring Boot's line on the instance's start-up ("Started … in … seconds"), or empty. */
    String startedLine() {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("Started " + QuerySideApplication.class.getSimpleName()))
                    .map(line -> line.substring(line.indexOf("Started "))).findFirst().orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /** What the instance printed (the last 4,000 characters). */
    String output() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(its output could not be read: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(orphanGuard);
            } catch (IllegalStateException e) {
                // this JVM is ending: the guard runs anyway
            }
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: left for the system to clear
            }
        }
    }
}
