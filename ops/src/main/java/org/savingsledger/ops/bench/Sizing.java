package org.savingsledger.ops.bench;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.infrastructure.ReadModelRebuilds;
import org.savingsledger.shared.SavingId;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.savingsledger.ops.bench.BenchReport.millis;
import static org.savingsledger.ops.bench.BenchReport.rate;
import static org.savingsledger.ops.bench.BenchReport.ratio;

/**
 * Sizing (issue #14, benchmarks item 5): what the run's ledger costs in disk (PostgreSQL, the
 * read-model store, also while every read model is rebuilt), in memory (heap and RSS), what an
 * append costs with it stored, and how the programme list, the year position and a programme
 * summary grow with savings per programme and with programmes per organisation. Runs after the
 * seed, replay and as-at workloads, so "the run's ledger" is the append histories, the
 * shared-service ledger and the as-at ledgers; the growth ledgers are loaded last.
 */
final class Sizing {

    static final String SIZING = "Sizing";

    /** A year every generated ledger plans in (LedgerGenerator: 2020-21 to 2025-26). */
    static final String YEAR = "2022-23";
    /** Savings per programme of the organisations that grow in programmes; changes per saving of every growth ledger. */
    static final int SAVINGS_OF_MANY = 4;
    static final int CHANGES = 2;

    private final LedgerBenchmarks bench;
    private final ApplicationContext context;
    private final BenchSizes sizes;
    private final BenchReport report;
    private final Consumer<String> log;
    private final long seeds;

    Sizing(LedgerBenchmarks bench, ApplicationContext context, BenchSizes sizes, BenchReport report,
           Consumer<String> log, long seeds) {
        this.bench = bench;
        this.context = context;
        this.sizes = sizes;
        this.report = report;
        this.log = log;
        this.seeds = seeds;
    }

    /** Savings per programme of the organisations with one programme each, by run size. */
    static List<Integer> savingsLevels(BenchSizes sizes) {
        return "tiny".equals(sizes.name()) ? List.of(10, 100) : List.of(10, 100, 1000);
    }

    /** Programmes per organisation (of {@link #SAVINGS_OF_MANY} savings each), by run size. */
    static List<Integer> programmeLevels(BenchSizes sizes) {
        return "tiny".equals(sizes.name()) ? List.of(10, 30) : List.of(10, 100, 1000);
    }

    /** Timed requests per query and level at most, after a tenth as many untimed ones. */
    static int samples(BenchSizes sizes) {
        return "tiny".equals(sizes.name()) ? 5 : 200;
    }

    /**
     * Time one level's requests (all three queries) may take before it stops short of {@link #samples},
     * after {@link #MIN_SAMPLES}: a list of 1,000 programmes takes seconds on 2 cores, and 200 of them
     * would be most of the quick run.
     */
    static Duration budget(BenchSizes sizes) {
        return "quick".equals(sizes.name()) ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
    }

    /** Timed requests per query and level at least, whatever they cost. */
    static final int MIN_SAMPLES = 3;

    /** Whether a level stops timing after {@code done} rounds that took {@code spent}. */
    static boolean enough(int done, Duration spent, int samples, Duration budget) {
        return done >= samples || done >= MIN_SAMPLES && spent.compareTo(budget) >= 0;
    }

    void run() throws Exception {
        long start = System.nanoTime();
        log.accept("sizing: disk, memory and append rate with the run's ledger stored; queries as organisations grow");
        long events = storedEvents();
        postgres(events);
        readModels(events);
        rebuild(events);
        memory(events);
        append();
        growth();
        log.accept(String.format(Locale.ROOT, "sizing: done in %.0f s", (System.nanoTime() - start) / 1e9));
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
        report.note("Sizing, rebuild: a rebuild of all 3 read models is started as the replay workload does "
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
                        + "of the same query.", CHANGES, samples(sizes), Math.max(1, samples(sizes) / 10), samples(sizes),
                budget(sizes).toSeconds(), MIN_SAMPLES, YEAR));
    }

    // ---------------------------------------------------------------- disk

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

    private static String events(long events) {
        return String.format(Locale.ROOT, "%,d events", events);
    }

    private long storedEvents() {
        return query("select count(*) from domain_event_entry", rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /** One table's sizes: everything (table, TOAST, indexes), the table's main fork, its indexes. */
    record TableSize(long total, long table, long indexes) {

        TableSize plus(TableSize other) {
            return new TableSize(total + other.total, table + other.table, indexes + other.indexes);
        }

        /** What is neither the main fork nor an index: TOAST (large payloads) and the free-space and visibility maps. */
        long toast() {
            return total - table - indexes;
        }
    }

    private void postgres(long events) {
        List<String> others = new ArrayList<>();
        TableSize[] sizes = {new TableSize(0, 0, 0), new TableSize(0, 0, 0), new TableSize(0, 0, 0)};
        query("select c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid), pg_indexes_size(c.oid)"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where c.relkind in ('r', 'p') and n.nspname = current_schema()", rows -> {
            while (rows.next()) {
                String name = rows.getString(1);
                TableSize size = new TableSize(rows.getLong(2), rows.getLong(3), rows.getLong(4));
                switch (name) {
                    case "domain_event_entry" -> sizes[0] = size;
                    case "snapshot_event_entry" -> sizes[1] = size;
                    default -> {
                        if (!name.startsWith("jv_") && !name.startsWith("bench_")) {
                            sizes[2] = sizes[2].plus(size);
                            others.add(name);
                        }
                    }
                }
            }
            return null;
        });
        log.accept("sizing: the schema's other tables are " + others);
        tableFigure("PostgreSQL domain_event_entry per 10⁶ events (table + TOAST + indexes)", sizes[0], events);
        tableFigure("PostgreSQL snapshot_event_entry per 10⁶ events (table + TOAST + indexes)", sizes[1], events);
        tableFigure("PostgreSQL the ledger's other tables per 10⁶ events (directory, idempotency keys, migrations)", sizes[2], events);
        long database = query("select pg_database_size(current_database())", rows -> {
            rows.next();
            return rows.getLong(1);
        });
        report.add(SIZING, "PostgreSQL whole database per 10⁶ events (pg_database_size)",
                mib(perMillion(database, events)) + "; " + mib(database) + " for " + events(events));
    }

    private void tableFigure(String name, TableSize size, long events) {
        report.add(SIZING, name, mib(perMillion(size.total(), events)) + " (table " + mib(perMillion(size.table(), events))
                + ", TOAST " + mib(perMillion(size.toast(), events)) + ", indexes " + mib(perMillion(size.indexes(), events))
                + "); " + mib(size.total()) + " for " + events(events));
    }

    /** The read-model store's own account of its size: documents and indexes. */
    record StoreSize(long data, long indexes) {

        long total() {
            return data + indexes;
        }
    }

    private MongoDatabase mongo() {
        return context.getBean(MongoDatabase.class);
    }

    private StoreSize databaseSize() {
        Document stats = mongo().runCommand(new Document("dbStats", 1));
        return new StoreSize(number(stats.get("dataSize")), number(stats.get("indexSize")));
    }

    private StoreSize collectionSize(String collection) {
        Document stats = mongo().runCommand(new Document("collStats", collection));
        // MongoDB answers totalIndexSize; mongo-java-server answers indexSize, per index
        Object indexes = stats.containsKey("totalIndexSize") ? stats.get("totalIndexSize") : stats.get("indexSize");
        long indexBytes = indexes instanceof Document perIndex
                ? perIndex.values().stream().mapToLong(Sizing::number).sum() : number(indexes);
        return new StoreSize(number(stats.get("size")), indexBytes);
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** The files of the embedded read-model store, when it keeps them under the data directory. */
    private Optional<Path> readModelFiles() {
        Environment environment = context.getEnvironment();
        if (!environment.getProperty("ledger.mongo.uri", "").isBlank()
                || "memory".equals(environment.getProperty("ledger.mongo.embedded-storage", "file"))) {
            return Optional.empty();
        }
        return dataDirectory().map(data -> data.resolve("mongo")).filter(Files::isDirectory);
    }

    /**
     * The all-in-one's data directory. Asked of the embedded PostgreSQL (it lives in its "postgres"
     * folder) before the property, because a {@code ${random.uuid}} in {@code ledger.data-dir} (the
     * tests' shared context) resolves to another directory at every read.
     */
    private Optional<Path> dataDirectory() {
        Environment environment = context.getEnvironment();
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            try {
                String shown = query("show data_directory", rows -> {
                    rows.next();
                    return rows.getString(1);
                });
                Path postgres = Path.of(shown);
                if (Files.isDirectory(postgres) && postgres.getFileName().toString().equals("postgres")) {
                    return Optional.of(postgres.toAbsolutePath().normalize().getParent());
                }
            } catch (IllegalStateException e) {
                log.accept("sizing: PostgreSQL does not say where its data is (" + e.getMessage() + ")");
            }
        }
        Path configured = Path.of(environment.getProperty("ledger.data-dir", "./data")).toAbsolutePath().normalize();
        return Files.isDirectory(configured) ? Optional.of(configured) : Optional.empty();
    }

    /** The bytes of every file under {@code directory}; files that vanish while it is walked (WAL segments) are skipped. */
    static long bytesUnder(Path directory) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                bytes[0] += attributes.size();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }

    private OptionalLong readModelFileBytes() throws IOException {
        Optional<Path> files = readModelFiles();
        return files.isPresent() ? OptionalLong.of(bytesUnder(files.get())) : OptionalLong.empty();
    }

    private void readModels(long events) throws IOException {
        ReadModelGenerations generations = context.getBean(ReadModelGenerations.class);
        Set<String> existing = mongo().listCollectionNames().into(new HashSet<>());
        StoreSize active = new StoreSize(0, 0);
        int retired = 0;
        for (StreamKind kind : StreamKind.values()) {
            ReadModelGenerations.State state = generations.state(kind);
            retired += state.retired().size();
            for (String collection : kind.collections(state.active())) {
                if (existing.contains(collection)) {
                    StoreSize size = collectionSize(collection);
                    active = new StoreSize(active.data() + size.data(), active.indexes() + size.indexes());
                }
            }
        }
        report.add(SIZING, "read models, active generations per 10⁶ events (collStats size + indexes)",
                storeValue(active, events));
        StoreSize database = databaseSize();
        report.add(SIZING, "read-model database per 10⁶ events (dbStats dataSize + indexSize)",
                storeValue(database, events) + "; " + retired + " retired generations kept");
        OptionalLong file = readModelFileBytes();
        report.add(SIZING, "read-model store on disk per 10⁶ events (embedded server's files under ledger.data-dir/mongo)",
                file.isPresent() ? mib(perMillion(file.getAsLong(), events)) + "; " + mib(file.getAsLong()) + " for " + events(events)
                        : "n/a (the read-model store is " + readModelStoreKind() + "); " + events(events));
        Optional<Path> data = dataDirectory();
        long dataBytes = data.isPresent() ? bytesUnder(data.get()) : -1;
        report.add(SIZING, "the all-in-one's data directory on disk per 10⁶ events (embedded PostgreSQL with WAL, read-model file)",
                dataBytes < 0 ? "n/a (no data directory); " + events(events)
                        : mib(perMillion(dataBytes, events)) + "; " + mib(dataBytes) + " for " + events(events));
    }

    private String readModelStoreKind() {
        return context.getEnvironment().getProperty("ledger.mongo.uri", "").isBlank() ? "in memory" : "an external server";
    }

    private static String storeValue(StoreSize size, long events) {
        return mib(perMillion(size.total(), events)) + " (documents " + mib(perMillion(size.data(), events)) + ", indexes "
                + mib(perMillion(size.indexes(), events)) + "); " + mib(size.total()) + " for " + events(events);
    }

    /** The peak, first and last of samples taken before, during and after a rebuild. */
    record Samples(long before, long peak, long after) {

        static Samples of(List<Long> during, long before, long after) {
            long peak = Math.max(before, after);
            for (long sample : during) {
                peak = Math.max(peak, sample);
            }
            return new Samples(before, peak, after);
        }
    }

    private void rebuild(long events) throws Exception {
        log.accept("sizing: the read-model store while every read model is rebuilt");
        ReadModelRebuilds rebuilds = context.getBean(ReadModelRebuilds.class);
        ReadModelGenerations generations = context.getBean(ReadModelGenerations.class);
        int retired = 0;
        for (StreamKind kind : StreamKind.values()) {
            retired += generations.state(kind).retired().size();
        }
        long databaseBefore = databaseSize().total();
        OptionalLong fileBefore = readModelFileBytes();
        List<Long> database = new ArrayList<>();
        List<Long> files = new ArrayList<>();
        long start = System.nanoTime();
        rebuilds.start(EnumSet.allOf(StreamKind.class));
        while (EnumSet.allOf(StreamKind.class).stream().anyMatch(rebuilds::isRunningHere)) {
            long next = System.nanoTime() + Duration.ofMillis(100).toNanos();
            database.add(databaseSize().total());
            readModelFileBytes().ifPresent(files::add);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (StreamKind kind : StreamKind.values()) {
            ReadModelGenerations.State state = generations.state(kind);
            if (!"COMPLETED".equals(state.outcome())) {
                throw new IllegalStateException("the rebuild of " + kind.readModel() + " ended " + state.outcome() + ": " + state.detail());
            }
        }
        Samples byDatabase = Samples.of(database, databaseBefore, databaseSize().total());
        report.add(SIZING, "read-model database during a rebuild of all 3 read models, per 10⁶ events (dbStats, every 100 ms)",
                samplesValue(byDatabase, events, database.size(), seconds) + "; " + retired + " retired generations kept before");
        OptionalLong fileAfter = readModelFileBytes();
        report.add(SIZING, "read-model store on disk during a rebuild of all 3 read models, per 10⁶ events (its files, every 100 ms)",
                fileBefore.isPresent() && fileAfter.isPresent()
                        ? samplesValue(Samples.of(files, fileBefore.getAsLong(), fileAfter.getAsLong()), events, files.size(), seconds)
                                + "; " + retired + " retired generations kept before"
                        : "n/a (the read-model store is " + readModelStoreKind() + "); " + events(events));
    }

    private static String samplesValue(Samples samples, long events, int count, double seconds) {
        return "peak " + mib(perMillion(samples.peak(), events)) + ", before " + mib(perMillion(samples.before(), events))
                + ", after " + mib(perMillion(samples.after(), events)) + "; peak " + mib(samples.peak()) + " for "
                + events(events) + String.format(Locale.ROOT, " (%d samples over %.1f s)", count, seconds);
    }

    // ---------------------------------------------------------------- memory

    private void memory(long events) throws InterruptedException {
        System.gc();
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Optional<ProcessMemory> process = ProcessMemory.settled(ProcessMemory::ofThisProcess, Duration.ofMillis(250),
                Duration.ofSeconds(10));
        report.add(SIZING, "heap of the all-in-one with the run's ledger stored (after System.gc())",
                "used " + mib(heap.getUsed()) + ", committed " + mib(heap.getCommitted()) + ", max "
                        + (heap.getMax() < 0 ? "undefined" : mib(heap.getMax())) + "; " + events(events) + " stored");
        report.add(SIZING, "RSS of the all-in-one's JVM with the run's ledger stored (VmRSS, peak VmHWM)",
                process.map(memory -> "RSS " + mib(memory.residentBytes()) + ", peak " + mib(memory.peakResidentBytes()))
                        .orElse("n/a (no /proc/self/status)") + "; " + events(events) + " stored");
        report.add(SIZING, "memory of the embedded PostgreSQL's processes with the run's ledger stored (sum of Pss)",
                postgresMemory() + "; " + events(events) + " stored");
    }

    /** The postmaster's and its children's proportional set sizes; the postmaster's pid is the first line of postmaster.pid. */
    private String postgresMemory() {
        Optional<Path> pidFile = dataDirectory().map(data -> data.resolve("postgres").resolve("postmaster.pid"))
                .filter(Files::isReadable);
        if (!context.getEnvironment().getProperty("spring.datasource.url", "").isBlank() || pidFile.isEmpty()) {
            return "n/a (no embedded PostgreSQL)";
        }
        try {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile.get()).get(0).trim());
            List<Long> processes = ProcessMemory.processTree(postmaster);
            long bytes = 0;
            int counted = 0;
            for (long process : processes) {
                OptionalLong pss = ProcessMemory.proportionalBytes(process);
                if (pss.isPresent()) {
                    bytes += pss.getAsLong();
                    counted++;
                }
            }
            return counted == 0 ? "n/a (no /proc/<pid>/smaps_rollup)" : "Pss " + mib(bytes) + " over " + counted + " processes";
        } catch (IOException | RuntimeException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }

    // ---------------------------------------------------------------- append

    private void append() throws Exception {
        log.accept("sizing: append rate with the run's ledger stored");
        List<SavingId> savings = bench.appendTargets("sizing");
        CommandGateway gateway = context.getBean(CommandGateway.class);
        long stored = storedEvents();
        LedgerBenchmarks.Measured http = bench.closedLoop(1, sizes.window(), i -> bench.postDelivery(savings.get(i)));
        report.add(SIZING, "append through the HTTP API, 1 client, with the run's ledger stored", appendValue(http, stored));
        stored = storedEvents();
        LedgerBenchmarks.Measured direct = bench.closedLoop(1, sizes.window(), i -> gateway.sendAndWait(bench.delivery(savings.get(i))));
        report.add(SIZING, "append through the command gateway, 1 thread, with the run's ledger stored", appendValue(direct, stored));
    }

    private static String appendValue(LedgerBenchmarks.Measured measured, long stored) {
        return rate(measured.rate(), "commands") + "; p50 " + millis(measured.latencies().p50()) + ", p99 "
                + millis(measured.latencies().p99()) + "; " + events(stored) + " stored when it began";
    }

    // ---------------------------------------------------------------- growth

    /** One growth ledger: its organisation, its first programme and how many programmes it has. */
    record Grown(String label, String organisation, String programme, int programmes) {
    }

    private void growth() throws Exception {
        log.accept("sizing: programme list, year position and programme summary as savings and programmes grow");
        EventStore store = context.getBean(EventStore.class);
        List<Grown> bySavings = new ArrayList<>();
        List<Grown> byProgrammes = new ArrayList<>();
        int ledger = 0;
        for (int savings : savingsLevels(sizes)) {
            bySavings.add(load(store, new LedgerGenerator.Shape(1, 1, savings, 6, CHANGES, 4), ledger++,
                    String.format(Locale.ROOT, "1 programme of %,d savings", savings)));
        }
        for (int programmes : programmeLevels(sizes)) {
            byProgrammes.add(load(store, new LedgerGenerator.Shape(1, programmes, SAVINGS_OF_MANY, 6, CHANGES, 4), ledger++,
                    String.format(Locale.ROOT, "%,d programmes of %d savings", programmes, SAVINGS_OF_MANY)));
        }
        bench.awaitReadModels(bench.headIndex(), Duration.ofMinutes(10));
        // the programme read model, not the API: the views filter by the caller's organisations, and here is no caller
        ReadModelGenerations generations = context.getBean(ReadModelGenerations.class);
        HistoryStore programmes = generations.store(StreamKind.PROGRAMME, generations.state(StreamKind.PROGRAMME).active());
        for (Grown grown : concat(bySavings, byProgrammes)) {
            int listed = programmes.heads(StreamKind.PROGRAMME, grown.organisation()).size();
            if (listed != grown.programmes()) {
                throw new IllegalStateException("organisation " + grown.organisation() + " lists " + listed + " programmes, not "
                        + grown.programmes());
            }
        }
        timeLevels(bySavings, false);
        timeLevels(byProgrammes, true);
    }

    private static List<Grown> concat(List<Grown> first, List<Grown> second) {
        List<Grown> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private void timeLevels(List<Grown> levels, boolean manyProgrammes) throws Exception {
        double[] smallest = null;
        for (int level = 0; level < levels.size(); level++) {
            Grown grown = levels.get(level);
            Latencies list = new Latencies();
            Latencies year = new Latencies();
            Latencies summary = new Latencies();
            // warm-up: a tenth of the samples, within a tenth of the budget (one round at least)
            Duration budget = budget(sizes);
            long began = System.nanoTime();
            for (int i = 0; i < Math.max(1, samples(sizes) / 10); i++) {
                if (i > 0 && System.nanoTime() - began >= budget.toNanos() / 10) {
                    break;
                }
                round(grown, null, null, null);
            }
            began = System.nanoTime();
            int done = 0;
            while (!enough(done, Duration.ofNanos(System.nanoTime() - began), samples(sizes), budget)) {
                round(grown, list, year, summary);
                done++;
            }
            double[] p99 = {list.p99(), year.p99(), summary.p99()};
            if (smallest == null) {
                smallest = p99;
            }
            report.add(SIZING, "GET /api/programmes?organisation=…, " + grown.label(), latencies(list, done), "", null,
                    level == 0 ? "" : ratio(p99[0] / smallest[0]) + " of the smallest");
            report.add(SIZING, "GET /api/years/" + YEAR + "?organisation=…, " + grown.label(), latencies(year, done), "", null,
                    level == 0 ? "" : ratio(p99[1] / smallest[1]) + " of the smallest");
            report.add(SIZING, "GET /api/programmes/{id}, " + (manyProgrammes ? "one of " : "") + grown.label(),
                    latencies(summary, done), "", null, level == 0 ? "" : ratio(p99[2] / smallest[2]) + " of the smallest");
        }
    }

    /** One request of each query, in turn; timed into the given latencies (untimed when they are null). */
    private void round(Grown grown, Latencies list, Latencies year, Latencies summary) throws Exception {
        bench.timeGet("/api/programmes?organisation=" + grown.organisation(), list);
        bench.timeGet("/api/years/" + YEAR + "?organisation=" + grown.organisation(), year);
        bench.timeGet("/api/programmes/" + grown.programme(), summary);
    }

    private static String latencies(Latencies latencies, int samples) {
        return "p50 " + millis(latencies.p50()) + ", p99 " + millis(latencies.p99()) + " (" + samples + " samples)";
    }

    /**
     * Loads a generated ledger straight into the event store, as the seed workload does, but in an
     * organisation of its own: the generator names its organisations council-000 on, which the
     * shared-service ledger uses too, so the organisation of its programme and committee is renamed.
     */
    private Grown load(EventStore store, LedgerGenerator.Shape shape, int ledger, String label) {
        long seed = seeds + 9400 + ledger;
        String organisation = "sizing-" + ledger + "-" + Long.toString(seed, 36);
        String[] first = {null};
        List<EventMessage<?>> batch = new ArrayList<>(1000);
        new LedgerGenerator(shape, seed).events(event -> {
            LedgerEvent payload = event.payload();
            if (payload instanceof ProgrammeLaunched launched) {
                if (first[0] == null) {
                    first[0] = launched.programmeId().value();
                }
                payload = new ProgrammeLaunched(launched.programmeId(), organisation, launched.name(), launched.description(),
                        launched.savingsTarget(), launched.firstYear(), launched.lastYear(), launched.provenance());
            } else if (payload instanceof CommitteeEstablished established) {
                payload = new CommitteeEstablished(established.committeeId(), organisation, established.name(),
                        established.provenance());
            }
            batch.add(new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                    payload, MetaData.emptyInstance(), UUID.randomUUID().toString(), event.recordedAt()));
            if (batch.size() == 1000) {
                store.publish(batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            store.publish(batch);
        }
        return new Grown(label, organisation, first[0], shape.programmesPerOrganisation());
    }

    // ---------------------------------------------------------------- PostgreSQL

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Rows<T> read) {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return read.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
