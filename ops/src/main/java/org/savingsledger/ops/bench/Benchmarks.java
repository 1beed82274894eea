package org.savingsledger.ops.bench;

import org.savingsledger.ops.SavingsLedgerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code java -jar ops/target/savings-ledger.jar benchmark [--full]}: starts the all-in-one ledger on
 * its embedded stores in a fresh directory, runs every workload of {@link LedgerBenchmarks} and
 * prints the figures as Markdown (also written to {@code benchmark-report.md} in the working
 * directory). The default is the quick run (under 10 minutes on 2 cores); {@code --full} loads the
 * full shared-service ledger and measures longer; {@code --organisations=N} scales the
 * shared-service ledger of either to N organisations. Other arguments go to the application, e.g.
 * {@code --spring.datasource.url=…} or {@code --ledger.mongo.uri=…} to measure external servers.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        BenchSizes sizes = BenchSizes.QUICK;
        Integer organisations = null;
        List<String> application = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--full" -> sizes = BenchSizes.FULL;
                case "--quick" -> sizes = BenchSizes.QUICK;
                case "--tiny" -> sizes = BenchSizes.TINY;
                default -> {
                    if (arg.startsWith("--organisations=")) {
                        organisations = Integer.parseInt(arg.substring("--organisations=".length()));
                    } else {
                        application.add(arg);
                    }
                }
            }
        }
        if (organisations != null) {
            sizes = sizes.withOrganisations(organisations);
        }
        Path directory = Files.createTempDirectory("savings-ledger-bench-");
        String password = UUID.randomUUID().toString();
        application.addAll(List.of("--server.port=0", "--ledger.data-dir=" + directory, "--ledger.admin.password=" + password,
                "--logging.level.root=WARN", "--logging.level.de.bwaldvogel.mongo=ERROR"));
        long start = System.nanoTime();
        String command = "java -jar ops/target/savings-ledger.jar benchmark" + (sizes.name().equals("quick") ? "" : " --" + sizes.name())
                + (organisations == null ? "" : " --organisations=" + organisations);
        BenchReport report = new BenchReport(command, machine());
        System.setProperty("axoniq.update-checker.disabled", "true");
        try (ConfigurableApplicationContext context = SpringApplication.run(SavingsLedgerApplication.class,
                application.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            new LedgerBenchmarks(context, port, "admin", password, sizes, report,
                    line -> System.out.printf("[%s] %s%n", Instant.now(), line)).runAll();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println(report.markdown());
            deleteQuietly(directory);
            // Axon leaves a non-daemon janitor thread behind its closed context
            System.exit(1);
        }
        report.note(String.format(Locale.ROOT, "The whole run (%s) took %d s, start-up of the embedded stores included.",
                sizes.name(), Duration.ofNanos(System.nanoTime() - start).toSeconds()));
        String markdown = report.markdown();
        System.out.println(markdown);
        Files.writeString(Path.of("benchmark-report.md"), markdown);
        deleteQuietly(directory);
        // Axon leaves a non-daemon janitor thread behind its closed context
        System.exit(0);
    }

    /** Cores, memory, operating system and Java: what the figures were measured on. */
    static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getTotalMemorySize() >> 30 : -1;
        return String.format(Locale.ROOT, "%d cores, %d GiB, %s %s, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
                memory, System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e);
        }
    }
}
