package org.savingsledger.ops.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.savingsledger.shared.SavingId;

import java.util.List;
import java.util.Locale;

/**
 * The sizing workload: what the run's ledger costs in disk ({@link PostgresSizes}, {@link ReadModelSizes},
 * also while every read model is rebuilt), in memory ({@link MemorySizes}), what an append costs with
 * it stored, and how queries grow with savings per programme and programmes per organisation
 * ({@link GrowthQueries}). Runs after the seed, replay and as-at workloads, so "the run's ledger" is
 * the append histories, the shared-service ledger and the as-at ledgers; the growth ledgers are
 * loaded last. How each figure is measured is in the run's notes, written here in one place.
 */
record Sizing(LedgerUnderTest ledger) {

    static final String SIZING = "Sizing";

    void run() throws Exception {
        BenchSizes sizes = ledger.sizes();
        BenchReport report = ledger.report();
        long start = System.nanoTime();
        ledger.log("sizing: disk, memory and append rate with the run's ledger stored; queries as organisations grow");
        PostgresSizes postgres = new PostgresSizes(ledger);
        DataDirectory directory = new DataDirectory(ledger);
        ReadModelSizes readModels = new ReadModelSizes(ledger, directory);
        long events = postgres.storedEvents();
        postgres.run(events);
        readModels.atRest(events);
        readModels.duringRebuild(events);
        new MemorySizes(ledger, directory).run(events);
        append(postgres);
        new GrowthQueries(ledger).run();
        ledger.log(String.format(Locale.ROOT, "sizing: done in %.0f s", (System.nanoTime() - start) / 1e9));
        report.note("Sizing, disk: \"per 10⁶ events\" is the size divided by the events in domain_event_entry when measured "
                + "(count(*), stated in each value) × 10⁶. PostgreSQL: pg_total_relation_size (table, TOAST, indexes), "
                + "pg_relation_size (the table's main fork) and pg_indexes_size (TOAST is the rest: total − table − indexes, "
                + "with the free-space and visibility maps) of domain_event_entry, snapshot_event_entry "
                + "and the schema's other tables together (ledger_directory, idempotency_key, flyway_schema_history; jv_* and "
                + "bench_* tables of the benchmark's own are left out), and pg_database_size of the whole database. The "
                + "read-model store: collStats size + totalIndexSize of the active generation of each read model's collections "
                + "(what queries read), and dbStats dataSize + indexSize of the ledger's database (also tracking tokens, "
                + "generation states and the generations a rebuild retired, kept for ledger.rebuild.retired-kept) as the "
                + "server answers them — the embedded mongo-java-server counts each document's BSON size; and on disk, the "
                + "files under ledger.data-dir/mongo (the embedded server's H2 file, what the all-in-one on a council's laptop "
                + "holds; n/a when the store is in memory or external). The data directory figure is every file under "
                + "ledger.data-dir: the embedded PostgreSQL's cluster with its WAL, and the read-model file.");
        report.note("Sizing, rebuild: a rebuild of all 4 read models is started as the replay workload does "
                + "(ReadModelRebuilds), and dbStats and the read-model files are sampled every 100 ms until it completes; "
                + "\"before\" is the size just before it started (with the generations the replay workload's rebuild retired, "
                + "still kept: ledger.rebuild.retired-kept, 10 minutes by default), \"after\" the size once it completed (the "
                + "generations it retired still kept); an H2 file does not shrink when collections are dropped, it reuses the space.");
        report.note("Sizing, memory: heap used, committed and max from the MemoryMXBean right after System.gc() (twice; "
                + "a full collection unless the JVM runs with -XX:+DisableExplicitGC or -XX:+ExplicitGCInvokesConcurrent); "
                + "RSS is VmRSS and its high-water mark VmHWM from /proc/self/status, read every 250 ms after the collection "
                + "until it falls by less than 1 MiB (10 s at most), because G1 returns the memory of a shrunk heap to the "
                + "system concurrently, within about half a second; of the JVM alone; the embedded "
                + "PostgreSQL's processes (the postmaster named in its postmaster.pid and every process below it) are "
                + "summed apart, by Pss from /proc/<pid>/smaps_rollup, which divides each shared page (its shared buffers) "
                + "among the processes sharing it.");
        report.note("Sizing, append: one client (HTTP API) and one thread (command gateway) in a closed loop with the run's "
                + "ledger stored, as the Append workload measures them (its warm-up, then its window; deliveries of 1p to "
                + "a saving of a fresh programme).");
        report.note(String.format(Locale.ROOT, "Sizing, growth: one fresh organisation per size, generated by LedgerGenerator "
                        + "(%d changes per saving, 6 years, a committee with 4 reports) and loaded into the event store as the "
                        + "seed workload loads its ledgers; then, for each size, up to %d timed requests of each query (after "
                        + "up to %d untimed, within a tenth of the budget), one at a time, in turn, by an HTTP client in the "
                        + "same process as the as-at figures; a size stops short of %d once its timed requests have taken %d s "
                        + "(after %d of each at least: the value says how many; with few, p99 is the slowest). Year %s; the "
                        + "programme summary is of the organisation's first programme. Ratios: p99 against the smallest size "
                        + "of the same query.", GrowthQueries.CHANGES, GrowthQueries.samples(sizes), Math.max(1, GrowthQueries.samples(sizes) / 10),
                GrowthQueries.samples(sizes), GrowthQueries.budget(sizes).toSeconds(), GrowthQueries.MIN_SAMPLES, GrowthQueries.YEAR));
    }

    /** Bytes per 10⁶ events: {@code bytes} × 10⁶ ÷ {@code events}. */
    static double perMillion(long bytes, long events) {
        if (events <= 0) {
            throw new IllegalArgumentException("no events to divide by: " + events);
        }
        return bytes * 1e6 / events;
    }

    /** Bytes in MiB (2²⁰ bytes), one decimal, thousands separated. */
    static String mib(double bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1 << 20));
    }

    static String events(long events) {
        return String.format(Locale.ROOT, "%,d events", events);
    }

    /** The append figures' closed loops again, 1 client and 1 thread, with the run's ledger stored. */
    private void append(PostgresSizes postgres) throws Exception {
        ledger.log("sizing: append rate with the run's ledger stored");
        List<SavingId> savings = ledger.appendTargets("sizing");
        CommandGateway gateway = ledger.bean(CommandGateway.class);
        long stored = postgres.storedEvents();
        ClosedLoop.Measured http = ledger.closedLoop(1, ledger.sizes().window(), i -> ledger.postDelivery(savings.get(i)));
        ledger.report().add(SIZING, "append through the HTTP API, 1 client, with the run's ledger stored", appendValue(http, stored));
        stored = postgres.storedEvents();
        ClosedLoop.Measured direct = ledger.closedLoop(1, ledger.sizes().window(),
                i -> gateway.sendAndWait(ledger.delivery(savings.get(i))));
        ledger.report().add(SIZING, "append through the command gateway, 1 thread, with the run's ledger stored", appendValue(direct, stored));
    }

    private static String appendValue(ClosedLoop.Measured measured, long stored) {
        return Appends.value(measured) + "; " + events(stored) + " stored when it began";
    }
}
