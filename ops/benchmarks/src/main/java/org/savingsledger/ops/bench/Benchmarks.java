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
 * {@code java -jar ops/benchmarks/target/savings-ledger-benchmarks.jar [--full|--tiny]}: starts the all-in-one ledger on
 * its embedded stores in a fresh directory, runs every workload of {@link LedgerBenchmarks} and
 * prints the figures as Markdown (also written to {@code benchmark-report.md} in the working
 * directory). The default is the quick run (under 10 minutes on 2 cores); {@code --full} loads the
 * full shared-service ledger and measures longer; {@code --organisations=N} scales the
 * shared-service ledger of either to N organisations; {@code --repeat=N} runs it N times, each on a
 * fresh ledger, and reports each figure as the median and range of the runs, followed by every run's
 * own report. Other arguments go to the application, e.g.
 * {@code --spring.datasource.url=…} or {@code --ledger.mongo.uri=…} to measure external servers.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        BenchSizes sizes = BenchSizes.QUICK;
        Integer organisations = null;
        int repeat = 1;
        // one workload alone, for measuring a change quickly: append, pages, asat, replay or mixed
        String only = null;
        // the mixed load alone: one closed-loop reader's rate on the as-at mix, and the writers' rate (a quick run's)
        double[] mixedRates = {174, 147};
        List<String> application = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--merge=")) {
                String markdown = mergedReports(java.util.Arrays.stream(arg.substring("--merge=".length()).split(","))
                        .map(Path::of).toList());
                System.out.println(markdown);
                Files.writeString(Path.of("benchmark-report.md"), markdown);
                return;
            }
        }
        for (String arg : args) {
            switch (arg) {
                case "--full" -> sizes = BenchSizes.FULL;
                case "--quick" -> sizes = BenchSizes.QUICK;
                case "--tiny" -> sizes = BenchSizes.TINY;
                case "--only=append", "--only=pages", "--only=asat", "--only=replay", "--only=mixed" -> only = arg.substring("--only=".length());
                default -> {
                    if (arg.startsWith("--organisations=")) {
                        organisations = Integer.parseInt(arg.substring("--organisations=".length()));
                    } else if (arg.startsWith("--mixed-rates=")) {
                        String[] rates = arg.substring("--mixed-rates=".length()).split(",");
                        mixedRates = new double[]{Double.parseDouble(rates[0]), Double.parseDouble(rates[1])};
                    } else if (arg.startsWith("--repeat=")) {
                        repeat = Integer.parseInt(arg.substring("--repeat=".length()));
                        if (repeat < 1) {
                            throw new IllegalArgumentException("--repeat must be 1 or more");
                        }
                    } else {
                        application.add(arg);
                    }
                }
            }
        }
        if (organisations != null) {
            sizes = sizes.withOrganisations(organisations);
        }
        String command = "java -jar ops/benchmarks/target/savings-ledger-benchmarks.jar" + (sizes.name().equals("quick") ? "" : " --" + sizes.name())
                + (organisations == null ? "" : " --organisations=" + organisations) + (repeat == 1 ? "" : " --repeat=" + repeat) + (only == null ? "" : " --only=" + only)
                + ("mixed".equals(only) ? String.format(Locale.ROOT, " --mixed-rates=%.0f,%.0f", mixedRates[0], mixedRates[1]) : "");
        System.setProperty("axoniq.update-checker.disabled", "true");
        long start = System.nanoTime();
        List<BenchReport> runs = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        for (int r = 1; r <= repeat; r++) {
            String label = repeat == 1 ? "" : "run " + r + " of " + repeat + ": ";
            BenchReport report = new BenchReport(command + (repeat == 1 ? "" : " (run " + r + " of " + repeat + ")"), machine());
            boolean completed = runOnce(sizes, application, report, label, only, mixedRates);
            raw.append(repeat == 1 ? "" : "\n## Run " + r + " of " + repeat + "\n\n").append(report.markdown());
            if (!completed) {
                System.out.println(raw);
                Files.writeString(Path.of("benchmark-report.md"), raw.toString());
                // Axon leaves a non-daemon janitor thread behind its closed context
                System.exit(1);
            }
            runs.add(report);
        }
        String markdown;
        if (repeat == 1) {
            markdown = runs.get(0).markdown();
        } else {
            BenchReport merged;
            try {
                merged = BenchReport.merge(command, machine(), runs);
            } catch (IllegalArgumentException e) {
                // no honest median when the runs reported different figures: the runs as they were
                merged = null;
                System.out.println("the runs could not be merged: " + e.getMessage());
            }
            String summary = "Each figure is the median of " + repeat + " runs in this invocation, each on a fresh ledger"
                    + " (new embedded stores), with the runs' range in brackets where they differ. " + whole(sizes, start);
            markdown = merged == null ? raw.toString() : markdownWithNote(merged, summary)
                    + "\n## The " + repeat + " runs behind these figures\n" + raw;
        }
        System.out.println(markdown);
        Files.writeString(Path.of("benchmark-report.md"), markdown);
        // Axon leaves a non-daemon janitor thread behind its closed context
        System.exit(0);
    }

    /**
     * {@code --merge=a.md,b.md,c.md}: the reports of runs made one invocation each (a full run takes longer
     * than one sitting allows three of) merged as {@code --repeat} merges the runs of one invocation, each
     * figure the median and range of the runs, with the runs' own reports after it (main writes it to
     * {@code benchmark-report.md}). The runs must have been made by the same command on the same machine.
     */
    static String mergedReports(List<Path> files) throws IOException {
        List<BenchReport> runs = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            String text = Files.readString(files.get(i));
            runs.add(BenchReport.parse(text));
            raw.append("\n## Run ").append(i + 1).append(" of ").append(files.size()).append(" (").append(files.get(i).getFileName())
                    .append(")\n\n")
                    .append(text.strip()).append('\n');
        }
        BenchReport first = runs.get(0);
        for (BenchReport run : runs) {
            if (!run.command().equals(first.command()) || !run.machine().equals(first.machine())) {
                throw new IllegalArgumentException("the runs were not made by one command on one machine: '" + first.command()
                        + "' on " + first.machine() + " and '" + run.command() + "' on " + run.machine());
            }
        }
        BenchReport merged = BenchReport.merge(first.command() + " (" + files.size() + " runs, one invocation each, merged with"
                + " --merge)", first.machine(), runs);
        return markdownWithNote(merged, "Each figure is the median of " + files.size() + " runs, each made by its own"
                + " invocation of the command on a fresh ledger (new embedded stores), with the runs' range in brackets where they"
                + " differ; the runs' own reports follow.") + "\n## The " + files.size() + " runs behind these figures\n" + raw;
    }

    private static String markdownWithNote(BenchReport report, String note) {
        report.note(note);
        return report.markdown();
    }

    private static String whole(BenchSizes sizes, long start) {
        return String.format(Locale.ROOT, "The whole invocation (%s) took %d s, start-up of the embedded stores included.",
                sizes.name(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    /** One run on a fresh ledger in a new temporary directory; false when it failed (its trace printed). */
    private static boolean runOnce(BenchSizes sizes, List<String> arguments, BenchReport report, String label,
                                   String only, double[] mixedRates) throws IOException {
        Path directory = Files.createTempDirectory("savings-ledger-bench-");
        String password = UUID.randomUUID().toString();
        List<String> application = new ArrayList<>(arguments);
        application.addAll(List.of("--server.port=0", "--ledger.data-dir=" + directory, "--ledger.admin.password=" + password,
                "--logging.level.root=WARN", "--logging.level.de.bwaldvogel.mongo=ERROR"));
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = SpringApplication.run(SavingsLedgerApplication.class,
                application.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            LedgerBenchmarks benchmarks = new LedgerBenchmarks(context, port, "admin", password, sizes, report,
                    line -> System.out.printf("[%s] %s%s%n", Instant.now(), label, line));
            if (only == null) {
                benchmarks.runAll();
            } else {
                switch (only) {
                    case "append" -> benchmarks.runAppend();
                    case "pages" -> benchmarks.runPages();
                    case "asat" -> benchmarks.runAsAt();
                    case "mixed" -> benchmarks.runMixed(mixedRates[0], mixedRates[1]);
                    default -> benchmarks.runReplay();
                }
            }
            report.note(String.format(Locale.ROOT, "%sthe run took %d s, start-up of the embedded stores included.",
                    label.isEmpty() ? "This run: " : label, Duration.ofNanos(System.nanoTime() - start).toSeconds()));
            return true;
        } catch (Exception | Error e) {
            e.printStackTrace();
            return false;
        } finally {
            deleteQuietly(directory);
        }
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
