package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark harness at its tiny size against the harness tests' shared ledger: every workload
 * runs and reports every figure, each with its target where the issue sets one. No time is
 * asserted here — the figures are for {@code docs/benchmarks.md}, measured by the documented command.
 */
@BenchmarkLedgerTest
class BenchmarkHarnessTest {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    /**
     * The generated ledgers' seed: fixed, so a failure reproduces with the same data; another seed with
     * {@code -Dbenchmark.seed=N}. (The seeds of LedgerGeneratorTest, in the same context, are far from it.)
     */
    private static final long SEED = Long.getLong("benchmark.seed", 0);

    /** Every workload, three processes of the ledger besides this one among them: longer than the suite's default. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aTinyRunReportsEveryFigure() throws Exception {
        System.out.println("benchmark: generated ledgers seeded from " + SEED + " (another with -Dbenchmark.seed=N)");
        BenchReport report = new BenchReport("test", Benchmarks.machine());
        new LedgerBenchmarks(context, port, "admin", BenchmarkLedgerTest.ADMIN_PASSWORD, BenchSizes.TINY, report,
                line -> System.out.println("benchmark: " + line)).withSeeds(SEED).runAll();
        System.out.println(report.markdown());

        assertThat(report.workloads()).containsExactly(Appends.WORKLOAD, Replay.WORKLOAD,
                AsAtQueries.WORKLOAD, Pages.WORKLOAD, ConcurrentReads.WORKLOAD, ProjectionLag.WORKLOAD, MixedLoad.WORKLOAD,
                BiExport.WORKLOAD, Sizing.SIZING, JaversAlternative.WORKLOAD, StartUp.WORKLOAD);
        assertThat(report.figures()).allSatisfy(figure -> assertThat(figure.value()).isNotBlank());
        assertThat(names(report, Appends.WORKLOAD)).contains("HTTP API, 1 client", "HTTP API, 4 clients",
                "HTTP API, 16 clients", "command gateway, 1 thread", "command gateway, 4 threads", "command gateway, 16 threads");
        appendRatesWithLatencies(report);
        // the store's own work for a command's round trips, beside the gateway that makes them
        assertThat(figures(report, Appends.WORKLOAD)).filteredOn(figure -> figure.name().startsWith("ceiling: a command's round trips"))
                .singleElement().satisfies(figure -> assertThat(figure.value()).matches("[0-9,]+ transactions/s"));
        assertThat(figures(report, Appends.WORKLOAD)).filteredOn(figure -> figure.name().startsWith("that ceiling ÷"))
                .singleElement().satisfies(figure -> assertThat(figure.value()).matches("[0-9.]+×; [0-9.]+×"));
        // the ratios and targets the issue asks for
        assertThat(targeted(report, Appends.WORKLOAD)).extracting(BenchReport.Figure::target)
                .containsExactly("≥ 0.5×", "≥ 0.25×", "≥ 0.7×");
        assertThat(targeted(report, Replay.WORKLOAD)).hasSize(3);
        // every as-at figure has its target: per level, 3 kinds without and with effectiveOn
        assertThat(targeted(report, AsAtQueries.WORKLOAD)).hasSize(6 * BenchSizes.TINY.history().size())
                .allSatisfy(figure -> assertThat(figure.target()).isEqualTo(figure.name().startsWith("saving position")
                        ? "p99 ≤ 10 ms" : figure.name().startsWith("programme summary") ? "p99 ≤ 20 ms, flat" : "p99 ≤ 20 ms"));
        // the tiny run has no budget: every one of its questions is measured, and the value says so
        assertThat(report.figures()).filteredOn(figure -> figure.workload().equals(AsAtQueries.WORKLOAD))
                .allSatisfy(figure -> assertThat(figure.value()).matches("p50 [\\d.,]+ ms, p99 [\\d.,]+ ms; "
                        + BenchSizes.TINY.queries() + " questions"));
        for (String kind : List.of("programme summary asAt", "saving history asAt", "saving position asAt")) {
            assertThat(names(report, AsAtQueries.WORKLOAD)).filteredOn(name -> name.startsWith(kind + ",")
                    || name.startsWith(kind + " ("))
                    .hasSize(BenchSizes.TINY.history().size());
            assertThat(names(report, AsAtQueries.WORKLOAD)).filteredOn(name -> name.startsWith(kind + " + effectiveOn"))
                    .hasSize(BenchSizes.TINY.history().size());
        }
        // the tiny histories (11 entries at most) are within a page of 500: the real p99 target, not the paging one
        assertThat(report.figures()).filteredOn(figure -> figure.workload().equals(AsAtQueries.WORKLOAD)
                        && figure.name().startsWith("saving history asAt")).hasSize(2 * BenchSizes.TINY.history().size())
                .allSatisfy(figure -> assertThat(figure.target()).isEqualTo("p99 ≤ 20 ms"));
        // 4 and 16 open-loop readers; 20 recorded reads and 2 of warm-up each, all answered
        assertThat(names(report, ConcurrentReads.WORKLOAD)).containsExactly(
                "4 readers (open loop) while writers post, as-at mix over 241 history events",
                "16 readers (open loop) while writers post, as-at mix over 241 history events");
        assertThat(targeted(report, ConcurrentReads.WORKLOAD)).hasSize(2).allSatisfy(figure -> {
            assertThat(figure.value()).matches("[\\d,]+ reads/s in all; p50 .+ ms, p99 .+ ms, max .+ ms from the intended send; "
                    + "22 sent, 22 answered, 0 errors; writers [\\d,]+ commands/s \\([\\d,]+ intended\\)");
            assertThat(figure.target()).isEqualTo("p99 ≤ 20 ms");
            assertThat(figure.ratio()).matches("the reads took .+× their scheduled time");
        });
        // measured counts and rates belong in the value, so that the name is the same in every run
        assertThat(names(report, ProjectionLag.WORKLOAD)).containsExactly(
                "response → every read model reflects it, 4 clients at a fixed total rate of half the best HTTP rate");
        assertThat(report.figures()).filteredOn(figure -> figure.workload().equals(ProjectionLag.WORKLOAD)).singleElement()
                .satisfies(figure -> assertThat(figure.value())
                        .matches("p50 .+ ms, p99 .+ ms, max .+ ms; [\\d,]+ commands at [\\d,]+ commands/s \\([\\d,]+ intended\\)"));
        assertThat(targeted(report, ProjectionLag.WORKLOAD)).hasSize(1);
        // readers and writers at once: reads, lag and heap, each with its target
        String over = "16 readers and 4 writers for [\\d.]+ minutes over 241 history events";
        assertThat(figures(report, MixedLoad.WORKLOAD)).hasSize(3).satisfiesExactly(
                reads -> {
                    assertThat(reads.name()).matches("reads: " + over);
                    assertThat(reads.value()).matches("[\\d,]+ reads/s in all; p50 .+ ms, p99 .+ ms, max .+ ms from the intended send "
                            + "\\(p99 by kind: programme summary .+ ms, saving position .+ ms, history page .+ ms, year .+ ms, "
                            + "BI extract .+ ms\\); [\\d,]+ sent, [1-9][\\d,]* recorded after the warm-up, 0 errors");
                    assertThat(reads.target()).isEqualTo("p99 ≤ 50 ms, no errors");
                },
                lag -> {
                    assertThat(lag.name()).matches("projection lag: " + over);
                    assertThat(lag.value()).matches("p50 .+ ms, p99 .+ ms, max .+ ms; [1-9][\\d,]* commands at [\\d,]+ commands/s "
                            + "\\([\\d,]+ intended\\)");
                    assertThat(lag.target()).isEqualTo("p99 ≤ 200 ms");
                },
                heap -> {
                    assertThat(heap.name()).matches("heap after a full collection: " + over);
                    assertThat(heap.value()).matches("[1-9][\\d.,]* MiB at the end of the warm-up, [1-9][\\d.,]* MiB when the load stopped");
                    assertThat(heap.target()).isEqualTo("≤ +10% (no leak)");
                    assertThat(heap.ratio()).matches("[\\d.]+×");
                });
        // the tail told apart: the collections after the warm-up and the slowest reads with when they were due
        assertThat(report.notes()).filteredOn(note -> note.startsWith("Mixed load, after the warm-up")).singleElement()
                .satisfies(note -> assertThat(note).matches("Mixed load, after the warm-up: this JVM's garbage collections "
                        + "(no collection|[\\d,]+ collections, [\\d,]+ ms in all, the longest [\\d,]+ ms \\(.+\\)); "
                        + "the [1-8] slowest reads .+ ms \\((programme summary|saving position|history page|year|BI extract), due [\\d.]+ s in\\).*; "
                        + "PostgreSQL meanwhile \\(from the load's start\\): (nothing|(a checkpoint|an autovacuum|an autoanalyze).* seen [\\d.]+ s in)\\."));
        // the all-in-one's start-up, first and later, in a process of its own
        assertThat(figures(report, StartUp.WORKLOAD)).extracting(BenchReport.Figure::name).containsExactly(
                "the all-in-one (java -jar, embedded stores), first start, empty data directory",
                "the all-in-one (java -jar, embedded stores), later start, on the data the first left");
        assertThat(figures(report, StartUp.WORKLOAD)).allSatisfy(figure -> {
            assertThat(figure.value()).matches("healthy after [\\d.]+ s from the process's start; Spring Boot: \"Started "
                    + "SavingsLedgerApplication in [\\d.]+ seconds .*\"");
            assertThat(figure.target()).isEqualTo("≤ 10 s");
        });
        assertThat(report.figures()).filteredOn(figure -> figure.target().contains("ceiling") || figure.target().contains("20×"))
                .allSatisfy(figure -> assertThat(figure.ratio()).matches(".*\\d×.*"));
        assertThat(names(report, AsAtQueries.WORKLOAD)).hasSize(6 * BenchSizes.TINY.history().size());
        // ours and Axon's defaults over the same events, the count fixed by the sizes (names stay the same from run to run)
        String same = String.format(java.util.Locale.ROOT, "%,d", Math.min(BenchSizes.TINY.defaultsEvents(),
                BenchSizes.TINY.bulk().events()));
        // the rebuild into the ledger's own store, then into mongo-java-server's in-memory backend, each beside the scan
        assertThat(names(report, Replay.WORKLOAD)).filteredOn(name -> name.startsWith("cold rebuild")).satisfiesExactly(
                name -> assertThat(name).matches("cold rebuild of all 4 read models from every event in the store"
                        + " \\(ours: batch \\d+, \\d+ segments? each\\)"),
                name -> assertThat(name).matches("cold rebuild of all 4 read models into mongo-java-server's in-memory backend"
                        + " \\(ours: batch \\d+, \\d+ segments? each\\)"));
        assertThat(figures(report, Replay.WORKLOAD)).filteredOn(figure -> figure.name().startsWith("cold rebuild"))
                .hasSize(2).allSatisfy(figure -> {
                    assertThat(figure.value()).matches("[\\d,]+ events in [\\d.]+ s, [\\d,]+ events/s");
                    assertThat(figure.target()).isEqualTo("≥ 0.5× the scan ceiling");
                    assertThat(figure.ratio()).matches("[\\d.]+× of the ceiling");
                });
        assertThat(figures(report, Replay.WORKLOAD)).filteredOn(figure -> figure.name().startsWith("ours ("))
                .singleElement().satisfies(figure -> {
                    assertThat(figure.name()).matches("ours \\(batch \\d+, \\d+ segments? each\\), the shared-service ledger's first "
                            + same + " events");
                    assertThat(figure.value()).matches(same + " events in [\\d.]+ s, [\\d,]+ events/s");
                });
        assertThat(figures(report, Replay.WORKLOAD)).filteredOn(figure -> figure.name().startsWith("Axon's default"))
                .singleElement().satisfies(figure -> {
                    assertThat(figure.name()).isEqualTo("Axon's default processor settings (batch 1, 1 segment each), the same "
                            + same + " events");
                    assertThat(figure.value()).matches(same + " events in [\\d.]+ s, [\\d,]+ events/s");
                    assertThat(figure.target()).isEqualTo("ours ≥ 20× this");
                    assertThat(figure.ratio()).matches("ours is [\\d.]+×");
                });
        // BI through the API of a second instance whose heap is capped, with its heap and RSS beside the times
        assertThat(figures(report, BiExport.WORKLOAD)).singleElement().satisfies(figure -> {
            assertThat(figure.name()).isEqualTo("GET /api/bi/saving_years.csv over HTTP, application heap -Xmx256m");
            assertThat(figure.value()).matches("[1-9][\\d,]* rows, [\\d,]+ bytes in [\\d.]+ s \\(first byte after [\\d.,]+ ms\\);"
                    + " peak heap [1-9]\\d* MiB of 256 MiB; RSS [1-9]\\d* MiB \\(peak [1-9]\\d* MiB\\)");
            assertThat(figure.target()).isEqualTo("10⁶ rows ≤ 10 s under 256 MiB");
            assertThat(figure.met()).as("no verdict under 10⁶ rows").isNull();
            assertThat(figure.ratio()).matches("[\\d,]+ rows/s");
        });
        // per level and repository: load, totals equal to the ledger's, programme summary and saving history as at
        List<BenchReport.Figure> javers = report.figures().stream()
                .filter(figure -> figure.workload().equals(JaversAlternative.WORKLOAD)).toList();
        for (String repository : List.of("MongoDB", "PostgreSQL")) {
            assertThat(javers).filteredOn(figure -> figure.name().startsWith("JaVers on " + repository + ": "))
                    .hasSize(4 * BenchSizes.TINY.javersLevels());
        }
        assertThat(javers).hasSize(2 * 4 * BenchSizes.TINY.javersLevels());
        assertThat(javers).filteredOn(figure -> figure.name().contains("programme totals equal to the ledger's"))
                .hasSize(2 * BenchSizes.TINY.javersLevels())
                .allSatisfy(figure -> {
                    assertThat(figure.met()).isTrue();
                    assertThat(figure.value()).startsWith("equal in every year: now planned £");
                });
        assertThat(javers).filteredOn(figure -> figure.name().contains(": load ("))
                .hasSize(2 * BenchSizes.TINY.javersLevels())
                .allSatisfy(figure -> assertThat(figure.ratio()).matches("ledger .* commands/s; ledger ÷ JaVers = [\\d.]+×"));
        assertThat(javers).filteredOn(figure -> figure.name().contains(" asAt ("))
                .hasSize(2 * 2 * BenchSizes.TINY.javersLevels())
                .allSatisfy(figure -> assertThat(figure.ratio()).matches("JaVers ÷ ledger: p50 [\\d.]+× \\(.*\\), p99 [\\d.]+× \\(.*\\)"));
        pageFigures(report);
        assertThat(report.markdown()).contains("### Append", "| figure | value | target | met | ratio |", "Machine: ");
        sizingFigures(report);
    }

    /** Each page now and halfway through the history, signed in with the form, beside the 200 ms target. */
    private static void pageFigures(BenchReport report) {
        // the tiny programme: 5 savings of 1 proposal and 10 changes, its organisation, its launch, a committee with
        // the programme assigned and 4 reports: 5 × 11 + 1 + 1 + 1 + 1 + 4 = 63 events
        String programme = "a programme of 5 savings × 10 years (63 events)";
        String halfway = ", asAt 2021-04-01T00:00:00Z (halfway)";
        assertThat(names(report, Pages.WORKLOAD)).containsExactly(
                "GET /ui/organisations/{id}, its one programme",
                "GET /ui/programmes/{id}, " + programme,
                "GET /ui/savings/{id}, every saving of the programme in turn",
                "GET /ui/organisations/{id}, its one programme" + halfway,
                "GET /ui/programmes/{id}, " + programme + halfway,
                "GET /ui/savings/{id}, every saving of the programme in turn" + halfway);
        assertThat(figures(report, Pages.WORKLOAD)).allSatisfy(figure -> {
            assertThat(figure.value()).matches("p50 [\\d.,]+ ms, p90 [\\d.,]+ ms, p99 [\\d.,]+ ms, max [\\d.,]+ ms; "
                    + "10 pages of [1-9][\\d,]* bytes on average");
            assertThat(figure.target()).isEqualTo("p99 < 200 ms");
            assertThat(figure.met()).isNotNull();
            assertThat(figure.ratio()).matches("p99 [\\d.]+× of the target");
        });
    }

    /** The sizing figures, by name and in the format of their values (the shared context keeps its read models in memory). */
    private static void sizingFigures(BenchReport report) {
        String mib = "[\\d,]+\\.\\d MiB";
        String stored = "[\\d,]+ events";
        List<BenchReport.Figure> sizing = report.figures().stream().filter(figure -> figure.workload().equals(Sizing.SIZING)).toList();
        assertThat(sizing).extracting(BenchReport.Figure::name).containsExactly(
                "PostgreSQL domain_event_entry per 10⁶ events (table + TOAST + indexes)",
                "PostgreSQL snapshot_event_entry per 10⁶ events (table + TOAST + indexes)",
                "PostgreSQL the ledger's other tables per 10⁶ events (directory, idempotency keys, migrations)",
                "PostgreSQL whole database per 10⁶ events (pg_database_size)",
                "read models, active generations per 10⁶ events (collStats size + indexes)",
                "read-model database per 10⁶ events (dbStats dataSize + indexSize)",
                "read-model store on disk per 10⁶ events (embedded server's files under ledger.data-dir/mongo)",
                "the all-in-one's data directory on disk per 10⁶ events (embedded PostgreSQL with WAL, read-model file)",
                "read-model database during a rebuild of all 4 read models, per 10⁶ events (dbStats, every 100 ms)",
                "read-model store on disk during a rebuild of all 4 read models, per 10⁶ events (its files, every 100 ms)",
                "heap of the all-in-one with the run's ledger stored (after System.gc())",
                "RSS of the all-in-one's JVM with the run's ledger stored (VmRSS, peak VmHWM)",
                "memory of the embedded PostgreSQL's processes with the run's ledger stored (sum of Pss)",
                "append through the HTTP API, 1 client, with the run's ledger stored",
                "append through the command gateway, 1 thread, with the run's ledger stored",
                "GET /api/programmes?organisation=…, 1 programme of 10 savings",
                "GET /api/years/2022-23?organisation=…, 1 programme of 10 savings",
                "GET /api/programmes/{id}, 1 programme of 10 savings",
                "GET /api/programmes?organisation=…, 1 programme of 100 savings",
                "GET /api/years/2022-23?organisation=…, 1 programme of 100 savings",
                "GET /api/programmes/{id}, 1 programme of 100 savings",
                "GET /api/programmes?organisation=…, 10 programmes of 4 savings",
                "GET /api/years/2022-23?organisation=…, 10 programmes of 4 savings",
                "GET /api/programmes/{id}, one of 10 programmes of 4 savings",
                "GET /api/programmes?organisation=…, 30 programmes of 4 savings",
                "GET /api/years/2022-23?organisation=…, 30 programmes of 4 savings",
                "GET /api/programmes/{id}, one of 30 programmes of 4 savings");
        assertThat(sizing.subList(0, 3)).allSatisfy(figure -> assertThat(figure.value())
                .matches(mib + " \\(table " + mib + ", TOAST " + mib + ", indexes " + mib + "\\); " + mib + " for " + stored));
        assertThat(sizing.get(3).value()).matches(mib + "; " + mib + " for " + stored);
        assertThat(sizing.get(4).value()).matches(mib + " \\(documents " + mib + ", indexes " + mib + "\\); " + mib + " for " + stored);
        assertThat(sizing.get(5).value())
                .matches(mib + " \\(documents " + mib + ", indexes " + mib + "\\); " + mib + " for " + stored + "; \\d+ retired generations kept");
        assertThat(sizing.get(6).value()).matches("n/a \\(the read-model store is in memory\\); " + stored);
        assertThat(sizing.get(7).value()).matches(mib + "; " + mib + " for " + stored);
        assertThat(sizing.get(8).value()).matches("peak " + mib + ", before " + mib + ", after " + mib + "; peak " + mib + " for "
                + stored + " \\(\\d+ samples over [\\d.]+ s\\); \\d+ retired generations kept before");
        assertThat(sizing.get(9).value()).matches("n/a \\(the read-model store is in memory\\); " + stored);
        assertThat(sizing.get(10).value()).matches("used " + mib + ", committed " + mib + ", max (" + mib + "|undefined); " + stored + " stored");
        assertThat(sizing.get(11).value()).matches("(RSS " + mib + ", peak " + mib + "|n/a \\(no /proc/self/status\\)); " + stored + " stored");
        assertThat(sizing.get(12).value()).matches("(Pss " + mib + " over \\d+ processes|n/a \\(.+\\)); " + stored + " stored");
        assertThat(sizing.subList(13, 15)).allSatisfy(figure -> assertThat(figure.value())
                .matches("[\\d,]+ commands/s; p50 [\\d,.]+ ms, p99 [\\d,.]+ ms; " + stored + " stored when it began"));
        List<BenchReport.Figure> queries = sizing.subList(15, sizing.size());
        assertThat(queries).allSatisfy(figure -> assertThat(figure.value()).matches("p50 [\\d,.]+ ms, p99 [\\d,.]+ ms \\(5 samples\\)"));
        // each size after the smallest is compared with the smallest of the same query
        for (int i = 0; i < queries.size(); i++) {
            boolean smallest = i % 6 < 3;
            assertThat(queries.get(i).ratio()).as(queries.get(i).name()).matches(smallest ? "" : "[\\d.]+× of the smallest");
        }
    }

    /**
     * Each of the six closed-loop append figures (HTTP API and command gateway, 1, 4 and 16 clients)
     * is a rate with its latencies; only the Append workload's, not another workload's figure whose
     * name happens to start the same.
     */
    static void appendRatesWithLatencies(BenchReport report) {
        assertThat(report.figures()).filteredOn(figure -> figure.workload().equals(Appends.WORKLOAD)
                        && (figure.name().startsWith("HTTP API") || figure.name().startsWith("command gateway")))
                .hasSize(6)
                .allSatisfy(figure -> assertThat(figure.value()).matches("[\\d,]+ commands/s; p50 .+ ms, p99 .+ ms"));
    }

    private static List<String> names(BenchReport report, String workload) {
        return report.figures().stream().filter(figure -> figure.workload().equals(workload)).map(BenchReport.Figure::name).toList();
    }

    private static List<BenchReport.Figure> figures(BenchReport report, String workload) {
        return report.figures().stream().filter(figure -> figure.workload().equals(workload)).toList();
    }

    private static List<BenchReport.Figure> targeted(BenchReport report, String workload) {
        return report.figures().stream().filter(figure -> figure.workload().equals(workload) && figure.met() != null).toList();
    }
}
