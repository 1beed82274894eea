package org.savingsledger.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.infrastructure.QueryAxonConfig;
import org.savingsledger.query.infrastructure.ReadModelProgress;
import org.savingsledger.query.infrastructure.ReadModelRebuilds;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.savingsledger.ops.bench.BenchReport.millis;
import static org.savingsledger.ops.bench.BenchReport.rate;
import static org.savingsledger.ops.bench.BenchReport.ratio;

/**
 * The workloads of issue #7 against a running all-in-one ledger (its Spring context): append
 * through the API and the gateway beside the raw-insert ceiling, a cold rebuild of every read model
 * beside the raw scan-and-deserialise ceiling and Axon's default processor settings, as-at queries
 * over growing histories, projection lag under steady load, the BI extract under a 256 MiB heap,
 * and the same ledger kept in a current-state store audited by JaVers. Every figure goes into a
 * {@link BenchReport}; nothing here decides pass or fail beyond writing each target beside its figure.
 */
public final class LedgerBenchmarks {

    static final String APPEND = "Append";
    static final String REPLAY = "Replay";
    static final String AS_AT = "As-at queries";
    static final String LAG = "Projection lag";
    static final String BI = "BI export";
    static final String JAVERS = "The alternative: current state + JaVers";

    private static final int[] CONCURRENCY = {1, 4, 16};
    private static final FinancialYear APPEND_YEAR = FinancialYear.of(2024);
    private static final String ORGANISATION = "bench";

    private final ApplicationContext context;
    private final int port;
    private final String authorization;
    private final BenchSizes sizes;
    private final BenchReport report;
    private final Consumer<String> log;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private double bestHttpRate;
    private long seeds;
    /** Per history level: p50 and p99 of the programme summary, then of the saving history, as-at. */
    private final List<double[]> ourAsAt = new ArrayList<>();
    /** Reads a second of one closed-loop client on the as-at mix of the mid-size history level. */
    private double singleReaderRate;
    /** The most entries a page of a saving's history may hold (issue #14: a page of at most 500 at 2,500). */
    private static final int HISTORY_PAGE = 500;

    /**
     * @param context  the running ledger
     * @param port     its HTTP port
     * @param user     a user allowed every command and query in every organisation (the administrator)
     */
    public LedgerBenchmarks(ApplicationContext context, int port, String user, String password, BenchSizes sizes,
                            BenchReport report, Consumer<String> log) {
        this.context = context;
        this.port = port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.sizes = sizes;
        this.report = report;
        this.log = log;
    }

    /**
     * Seeds the generated ledgers from {@code base} (default 0), so a second run into the same stores
     * (a test rerun) generates other ids.
     */
    public LedgerBenchmarks withSeeds(long base) {
        this.seeds = base;
        return this;
    }

    /** Runs every workload in an order where each leaves the store as the next needs it. */
    public void runAll() throws Exception {
        append();
        List<ProgrammeId> histories = seed();
        replay();
        asAt(histories);
        concurrentReads(histories);
        projectionLag();
        biExport();
        new Sizing(this, context, sizes, report, log, seeds).run();
        CommandGateway gateway = context.getBean(CommandGateway.class);
        new JaversAlternative(context, port, authorization, sizes, report, log).run(gateway::sendAndWait, ourAsAt, this::historySeed);
    }

    // ---------------------------------------------------------------- append

    List<SavingId> appendTargets(String purpose) {
        CommandGateway gateway = context.getBean(CommandGateway.class);
        ProgrammeId programme = ProgrammeId.of("bench-" + purpose + "-" + run);
        FinancialYear first = FinancialYear.of(2020);
        FinancialYear last = FinancialYear.of(2030);
        gateway.sendAndWait(new LaunchProgramme(programme, ORGANISATION, "Append benchmark", null, Money.pounds(1_000_000_000L),
                first, last, provenance()));
        List<SavingId> savings = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            SavingId saving = SavingId.of(programme.value() + "-s" + i);
            gateway.sendAndWait(new ProposeSaving(saving, programme, "Saving " + i, null, null, Confidence.CONFIDENT,
                    Stage.IN_DELIVERY, SavingsProfile.of(Map.of(APPEND_YEAR, Money.pounds(10_000_000L))), provenance()));
            savings.add(saving);
        }
        return savings;
    }

    private void append() throws Exception {
        log.accept("append: HTTP API and command gateway at concurrency 1, 4, 16; raw JDBC inserts");
        List<SavingId> savings = appendTargets("append");
        CommandGateway gateway = context.getBean(CommandGateway.class);
        // On 2 cores the JIT compiles the command path for the first tens of seconds after start-up, and
        // HTTP, measured first, paid for it: both paths are warmed together before any level is measured.
        closedLoop(4, sizes.warmup().multipliedBy(5), i -> {
            postDelivery(savings.get(i));
            gateway.sendAndWait(delivery(savings.get(i)));
        });
        double bestGateway = 0;
        for (int threads : CONCURRENCY) {
            Measured measured = closedLoop(threads, sizes.window(), i -> postDelivery(savings.get(i)));
            bestHttpRate = Math.max(bestHttpRate, measured.rate());
            report.add(APPEND, "HTTP API, " + threads + " client" + (threads == 1 ? "" : "s"),
                    rate(measured.rate(), "commands") + "; p50 " + millis(measured.latencies().p50()) + ", p99 "
                            + millis(measured.latencies().p99()));
        }
        for (int threads : CONCURRENCY) {
            Measured measured = closedLoop(threads, sizes.window(), i -> gateway.sendAndWait(delivery(savings.get(i))));
            bestGateway = Math.max(bestGateway, measured.rate());
            report.add(APPEND, "command gateway, " + threads + " thread" + (threads == 1 ? "" : "s"),
                    rate(measured.rate(), "commands") + "; p50 " + millis(measured.latencies().p50()) + ", p99 "
                            + millis(measured.latencies().p99()));
        }
        RawInserts raw = new RawInserts(context.getBean(DataSource.class));
        double batch = raw.batched(sizes.window());
        report.add(APPEND, "ceiling: raw JDBC batch inserts (500 rows a transaction, 1 connection)", rate(batch, "rows"));
        double best = Math.max(bestGateway, bestHttpRate);
        report.add(APPEND, "best command rate ÷ raw batch-insert ceiling", ratio(best / batch), "≥ 0.5×",
                best / batch >= 0.5, ratio(best / batch));
        for (int threads : CONCURRENCY) {
            double single = raw.oneRowPerTransaction(threads, sizes.window());
            report.add(APPEND, "ceiling: raw JDBC inserts, one row a transaction, " + threads + " connection"
                    + (threads == 1 ? "" : "s"), rate(single, "rows"));
        }
        raw.drop();
        report.note("The append figures are closed loops: each client sends its next command when the last is answered, "
                + "each to a saving of its own (no version conflicts); a command is a RecordSavingDelivered of 1p. "
                + "Before the first level, 4 clients send through both the HTTP API and the gateway for five warm-up "
                + "periods, so that neither is measured while the JIT compiles.");
    }

    RecordSavingDelivered delivery(SavingId saving) {
        return new RecordSavingDelivered(saving, APPEND_YEAR, Money.ofPence(1), provenance(), null);
    }

    private static Provenance provenance() {
        return new Provenance("bench", "benchmark", LocalDate.of(2024, 6, 1), null);
    }

    /** Posts a delivery of 1p and answers the consistency token's global index. */
    long postDelivery(SavingId saving) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/savings/" + saving + "/deliveries"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"year\":\"" + APPEND_YEAR + "\",\"amount\":0.01,"
                        + "\"reason\":\"benchmark\",\"effectiveDate\":\"2024-06-01\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("delivery answered " + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(json.readTree(response.body()).get("consistencyToken").asText());
    }

    interface Task {
        void run(int worker) throws Exception;
    }

    record Measured(double rate, Latencies latencies) {
    }

    /** {@code threads} workers each doing {@code task} back to back: a warm-up, then {@code window} measured. */
    Measured closedLoop(int threads, Duration window, Task task) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong done = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int worker = t;
                workers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        task.run(worker);
                        if (measuring.get()) {
                            latencies.recordNanos(System.nanoTime() - start);
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(sizes.warmup().toMillis());
            measuring.set(true);
            long start = System.nanoTime();
            Thread.sleep(window.toMillis());
            measuring.set(false);
            double seconds = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }
            return new Measured(done.get() / seconds, latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ceiling of the same PostgreSQL: rows shaped like a stored delivery, inserted by plain JDBC. */
    private final class RawInserts {

        private final String url;
        private final String user;
        private final String password;
        private final byte[] payload;
        private final byte[] metaData;
        private final String payloadType;
        private final AtomicLong sequence = new AtomicLong();

        RawInserts(DataSource dataSource) throws SQLException {
            HikariDataSource hikari = (HikariDataSource) dataSource;
            this.url = hikari.getJdbcUrl();
            this.user = hikari.getUsername();
            this.password = hikari.getPassword();
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists bench_raw_event");
                statement.execute("create table bench_raw_event (global_index bigserial primary key,"
                        + " event_identifier varchar(255) not null unique, meta_data bytea, payload bytea not null,"
                        + " payload_revision varchar(255), payload_type varchar(255) not null, time_stamp varchar(255) not null,"
                        + " aggregate_identifier varchar(255) not null, sequence_number bigint not null, type varchar(255),"
                        + " unique (aggregate_identifier, sequence_number))");
                try (ResultSet sample = statement.executeQuery("select payload, meta_data, payload_type from domain_event_entry"
                        + " where payload_type like '%SavingDeliveryRecorded' order by global_index desc limit 1")) {
                    sample.next();
                    payload = sample.getBytes(1);
                    metaData = sample.getBytes(2);
                    payloadType = sample.getString(3);
                }
            }
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        private void bind(PreparedStatement insert, String aggregate) throws SQLException {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setBytes(2, metaData);
            insert.setBytes(3, payload);
            insert.setString(4, "1");
            insert.setString(5, payloadType);
            insert.setString(6, Instant.now().toString());
            insert.setString(7, aggregate);
            insert.setLong(8, sequence.incrementAndGet());
            insert.setString(9, "Saving");
        }

        private static final String INSERT = "insert into bench_raw_event (event_identifier, meta_data, payload,"
                + " payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

        double batched(Duration window) throws SQLException {
            try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
                connection.setAutoCommit(false);
                long rows = 0;
                long start = System.nanoTime();
                long end = start + window.toNanos();
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 500; i++) {
                        bind(insert, "raw-batch");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                    rows += 500;
                }
                return rows / ((System.nanoTime() - start) / 1e9);
            }
        }

        double oneRowPerTransaction(int threads, Duration window) throws Exception {
            Measured measured = closedLoop(threads, window, new Task() {
                private final ThreadLocal<Connection> connections = new ThreadLocal<>();

                @Override
                public void run(int worker) throws Exception {
                    Connection connection = connections.get();
                    if (connection == null) {
                        connection = connect();
                        connections.set(connection);
                    }
                    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                        bind(insert, "raw-single-" + worker);
                        insert.executeUpdate();
                    }
                }
            });
            return measured.rate();
        }

        void drop() throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists bench_raw_event");
            }
        }
    }

    // ---------------------------------------------------------------- seeding

    /**
     * Loads the shared-service ledger and the three single-programme ledgers straight into the event
     * store (as the aggregates would have stored them, recorded over six years), then waits for the
     * live read models. Answers the as-at programmes, smallest history first.
     */
    private List<ProgrammeId> seed() throws InterruptedException {
        EventStore store = context.getBean(EventStore.class);
        long before = headIndex();
        long start = System.nanoTime();
        long events = load(store, new LedgerGenerator(sizes.bulk(), seeds + 7));
        List<ProgrammeId> histories = new ArrayList<>();
        for (int level = 0; level < sizes.history().size(); level++) {
            long seed = historySeed(level);
            events += load(store, new LedgerGenerator(historyShape(sizes.history().get(level)), seed));
            histories.add(ProgrammeId.of("council-000-p0-" + Long.toString(seed, 36)));
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long head = headIndex();
        awaitReadModels(head, Duration.ofMinutes(30));
        double caughtUpSeconds = (System.nanoTime() - start) / 1e9;
        report.add(REPLAY, "events loaded into the event store (EventStore.publish, batches of 1,000)",
                String.format(Locale.ROOT, "%,d events in %.1f s (%s)", events, loadSeconds, rate(events / loadSeconds, "events")));
        report.add(REPLAY, "live read models caught up with the load (3 processors, batch 100, 1 segment)",
                String.format(Locale.ROOT, "%.1f s after the load began (%s)", caughtUpSeconds,
                        rate((head - before) / caughtUpSeconds, "events")));
        return histories;
    }

    long historySeed(int level) {
        return seeds + 1000 + level;
    }

    static LedgerGenerator.Shape historyShape(int changes) {
        return new LedgerGenerator.Shape(1, 1, BenchSizes.HISTORY_SAVINGS, 6, changes, 4);
    }

    private long load(EventStore store, LedgerGenerator generator) {
        List<EventMessage<?>> batch = new ArrayList<>(1000);
        long[] count = {0};
        generator.events(event -> {
            batch.add(new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                    event.payload(), MetaData.emptyInstance(), UUID.randomUUID().toString(), event.recordedAt()));
            if (batch.size() == 1000) {
                store.publish(batch);
                count[0] += batch.size();
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            store.publish(batch);
            count[0] += batch.size();
        }
        return count[0];
    }

    long headIndex() {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            max.next();
            return max.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void awaitReadModels(long index, Duration patience) throws InterruptedException {
        ReadModelProgress progress = context.getBean(ReadModelProgress.class);
        long deadline = System.nanoTime() + patience.toNanos();
        while (!progress.hasHandled(index)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read models did not reach event " + index + " within " + patience);
            }
            Thread.sleep(100);
        }
    }

    // ---------------------------------------------------------------- replay

    private void replay() throws Exception {
        log.accept("replay: raw scan and deserialise, cold rebuild of every read model, Axon's default processor settings");
        Serializer serializer = context.getBean("eventSerializer", Serializer.class);
        long start = System.nanoTime();
        long scanned = 0;
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement scan = connection.prepareStatement("select payload_type, payload_revision, payload"
                    + " from domain_event_entry order by global_index")) {
                scan.setFetchSize(2000);
                try (ResultSet rows = scan.executeQuery()) {
                    while (rows.next()) {
                        Object payload = serializer.deserialize(new SimpleSerializedObject<>(rows.getBytes(3), byte[].class,
                                rows.getString(1), rows.getString(2)));
                        if (payload != null) {
                            scanned++;
                        }
                    }
                }
            }
            connection.commit();
        }
        double scanRate = scanned / ((System.nanoTime() - start) / 1e9);
        report.add(REPLAY, "ceiling: raw scan of the event table + deserialising every payload", rate(scanRate, "events"));

        ReadModelRebuilds rebuilds = context.getBean(ReadModelRebuilds.class);
        ReadModelGenerations generations = context.getBean(ReadModelGenerations.class);
        start = System.nanoTime();
        rebuilds.start(EnumSet.allOf(StreamKind.class));
        while (EnumSet.allOf(StreamKind.class).stream().anyMatch(rebuilds::isRunningHere)) {
            Thread.sleep(50);
        }
        double rebuildSeconds = (System.nanoTime() - start) / 1e9;
        for (StreamKind kind : StreamKind.values()) {
            ReadModelGenerations.State state = generations.state(kind);
            if (!"COMPLETED".equals(state.outcome())) {
                throw new IllegalStateException("the rebuild of " + kind.readModel() + " ended " + state.outcome() + ": " + state.detail());
            }
        }
        double rebuildRate = scanned / rebuildSeconds;
        report.add(REPLAY, String.format(Locale.ROOT, "cold rebuild of all 3 read models from every event in the store"
                        + " (ours: batch %d, 1 segment each)", rebuildBatchSize()),
                String.format(Locale.ROOT, "%,d events in %.1f s, %s", scanned, rebuildSeconds, rate(rebuildRate, "events")),
                "≥ 0.5× the scan ceiling", rebuildRate / scanRate >= 0.5, ratio(rebuildRate / scanRate) + " of the ceiling");
        sameEvents();
    }

    private int rebuildBatchSize() {
        return context.getEnvironment().getProperty("ledger.rebuild.batch-size", Integer.class, 500);
    }

    /**
     * Our rebuild's processor settings and Axon's defaults, each running the same three projections
     * into scratch collections over the same events: the shared-service ledger's first ones, a mix of
     * every kind of event across many savings, programmes and committees.
     */
    private void sameEvents() throws Exception {
        long events = Math.min(sizes.defaultsEvents(), sizes.bulk().events());
        ProjectionRun projections = new ProjectionRun(context);
        LedgerGenerator.SeedEvent first = firstEvent(new LedgerGenerator(sizes.bulk(), bulkSeed()));
        ProjectionRun.Stretch stretch = projections.stretch(projections.globalIndex(first.aggregateId(), first.sequence()), events);
        double ours = projections.seconds("bench-ours-" + run, rebuildBatchSize(), stretch, 90);
        double defaults = projections.seconds("bench-axon-defaults-" + run, 1, stretch, 91);
        double oursRate = events / ours;
        double defaultsRate = events / defaults;
        report.add(REPLAY, String.format(Locale.ROOT, "ours (batch %d, 1 segment each), the shared-service ledger's first %,d events",
                        rebuildBatchSize(), events),
                String.format(Locale.ROOT, "%,d events in %.2f s, %s", events, ours, rate(oursRate, "events")));
        report.add(REPLAY, String.format(Locale.ROOT, "Axon's default processor settings (batch 1, 1 segment each), the same %,d events",
                        events), String.format(Locale.ROOT, "%,d events in %.2f s, %s", events, defaults, rate(defaultsRate, "events")),
                "ours ≥ 20× this", oursRate / defaultsRate >= 20, "ours is " + ratio(oursRate / defaultsRate));
        report.note(String.format(Locale.ROOT, "Our processor settings and Axon's defaults were timed over the same %,d events:"
                        + " the shared-service ledger's first, global index %,d to %,d of the event store. Each ran the three"
                        + " read-model projections into scratch collections, three processors at once (one per read model, as a"
                        + " rebuild runs them, built by the rebuild's own code with only the batch size changed), each starting"
                        + " from a token just before the first event; the time runs from their start until all three have"
                        + " passed the last (events a batch reads beyond it are not handled). Ours ran first. The cold rebuild"
                        + " above is timed over every event in the store, as a rebuild reads them.",
                events, stretch.first(), stretch.last()));
    }

    /** The seed {@link #seed()} loads the shared-service ledger with. */
    private long bulkSeed() {
        return seeds + 7;
    }

    /** The first event a generated ledger stores (the generator is stopped there). */
    private static LedgerGenerator.SeedEvent firstEvent(LedgerGenerator generator) {
        final class First extends RuntimeException {
            final LedgerGenerator.SeedEvent event;

            First(LedgerGenerator.SeedEvent event) {
                super(null, null, false, false);
                this.event = event;
            }
        }
        try {
            generator.events(event -> {
                throw new First(event);
            });
        } catch (First first) {
            return first.event;
        }
        throw new IllegalStateException("the generated ledger has no events");
    }

    // ---------------------------------------------------------------- as-at

    private void asAt(List<ProgrammeId> programmes) throws Exception {
        log.accept("as-at queries over programmes with growing histories, without and with effectiveOn");
        double[] firstP99 = {-1, -1};
        for (int level = 0; level < programmes.size(); level++) {
            ProgrammeId programme = programmes.get(level);
            long history = historyShape(sizes.history().get(level)).events() - 1 - 4 - 1;
            String label = String.format(Locale.ROOT, "%,d history events", history);
            int entries = sizes.history().get(level) + 1;
            for (boolean effectiveOn : new boolean[] {false, true}) {
                int variant = effectiveOn ? 1 : 0;
                log.accept("as-at: " + label + (effectiveOn ? ", with effectiveOn" : ""));
                Latencies summaries = new Latencies();
                Latencies histories = new Latencies();
                Latencies positions = new Latencies();
                int warmup = sizes.queries() / 10;
                List<AsAtSamples.Sample> samples = AsAtSamples.of(sizes.queries() + warmup, BenchSizes.HISTORY_SAVINGS,
                        effectiveOn, 42 + level);
                long measuredNanos = 0;
                int asked = 0;
                // an early effectiveOn over a long history can rule out every checkpoint, and then each question folds
                // every fact (seconds at 10⁵ history events): the plan's questions are asked in order within a budget
                // (the warm-up, too, ends after a quarter of the budget: the earlier figures have warmed the same code)
                long began = System.nanoTime();
                long deadline = asAtBudget().isZero() ? Long.MAX_VALUE : began + asAtBudget().toNanos();
                long warmupEnd = asAtBudget().isZero() ? Long.MAX_VALUE : began + asAtBudget().toNanos() / 4;
                boolean measured = false;
                for (int i = 0; i < samples.size() && (asked < MINIMUM_AS_AT || System.nanoTime() < deadline); i++) {
                    measured = measured || i >= warmup || System.nanoTime() > warmupEnd;
                    AsAtSamples.Sample sample = samples.get(i);
                    String saving = programme.value() + "-s" + sample.saving();
                    long start = System.nanoTime();
                    timeGet("/api/programmes/" + programme + "?" + sample.query(), measured ? summaries : null);
                    timeGet("/api/savings/" + saving + "/history?" + sample.query(), measured ? histories : null);
                    timeGet("/api/savings/" + saving + "?" + sample.query(), measured ? positions : null);
                    if (measured) {
                        measuredNanos += System.nanoTime() - start;
                        asked++;
                    }
                }
                String questions = String.format(Locale.ROOT, "; %,d questions", asked);
                String with = effectiveOn ? " + effectiveOn" : "";
                if (!effectiveOn) {
                    ourAsAt.add(new double[] {summaries.p50(), summaries.p99(), histories.p50(), histories.p99()});
                    if (level == programmes.size() / 2) {
                        singleReaderRate = 3.0 * asked / (measuredNanos / 1e9);
                    }
                }
                boolean flat = firstP99[variant] < 0 || summaries.p99() <= 2 * firstP99[variant];
                String ratio = firstP99[variant] < 0 ? "" : ratio(summaries.p99() / firstP99[variant]) + " of the smallest";
                if (firstP99[variant] < 0) {
                    firstP99[variant] = summaries.p99();
                }
                report.add(AS_AT, "programme summary asAt" + with + ", " + label, "p50 " + millis(summaries.p50()) + ", p99 "
                        + millis(summaries.p99()) + questions, "p99 ≤ 20 ms, flat", summaries.p99() <= 20 && flat, ratio);
                // a page of at most 500 entries is the whole history up to 500: held to p99 ≤ 20 ms; beyond, the
                // endpoint answers the whole history (it cannot page yet), so the page target is not met
                boolean pageable = entries <= HISTORY_PAGE;
                report.add(AS_AT, "saving history asAt" + with + " (" + entries + " entries at most), " + label,
                        "p50 " + millis(histories.p50()) + ", p99 " + millis(histories.p99()) + questions,
                        pageable ? "p99 ≤ 20 ms" : "a page of ≤ " + HISTORY_PAGE + " entries, p99 ≤ 20 ms",
                        pageable && histories.p99() <= 20, "");
                report.add(AS_AT, "saving position asAt" + with + ", " + label, "p50 " + millis(positions.p50()) + ", p99 "
                        + millis(positions.p99()) + questions, "p99 ≤ 20 ms", positions.p99() <= 20, "");
            }
        }
        report.note(String.format(Locale.ROOT, "As-at latencies are measured by an HTTP client in the same process (JSON "
                + "parsing excluded, connection kept alive), one request at a time: per ledger (one programme of %d "
                + "savings), %,d questions from AsAtSamples (asAt uniformly random over the six years the history covers, "
                + "the saving rotating over every saving of the programme), each asked as programme summary, saving history "
                + "and saving position, after %,d more that warm up and are not recorded. The \"+ effectiveOn\" figures ask the same kinds with an effectiveOn uniform between "
                + "the first recording and asAt, the worst case by docs/read-side.md (an early effectiveOn can rule out "
                + "every checkpoint); the same targets apply. The questions of each ledger and variant are asked in the "
                + "plan's order within a budget (" + (asAtBudget().isZero() ? "none at this size" : asAtBudget().toSeconds()
                + " s, warm-up included, the warm-up ending after a quarter of it") + "), and at least " + MINIMUM_AS_AT
                + " are measured: each value says how many were.", BenchSizes.HISTORY_SAVINGS, sizes.queries(),
                sizes.queries() / 10));
        report.note("The saving-history target is p99 ≤ 20 ms for up to " + HISTORY_PAGE + " entries, and a page of at "
                + "most " + HISTORY_PAGE + " entries (p99 ≤ 20 ms) for longer histories. GET /api/savings/{id}/history "
                + "cannot page yet: it answers every visible entry, so a history longer than " + HISTORY_PAGE
                + " entries is reported as not meeting its target whatever its latency; its figure is the whole history's.");
    }

    /** Questions measured per as-at figure whatever the budget. */
    static final int MINIMUM_AS_AT = 20;

    /** How long one ledger's as-at questions of one variant may take: none in the tiny run, which asks few. */
    private java.time.Duration asAtBudget() {
        return switch (sizes.name()) {
            case "quick" -> java.time.Duration.ofSeconds(45);
            case "full" -> java.time.Duration.ofMinutes(5);
            default -> java.time.Duration.ZERO;
        };
    }

    /** {@link ConcurrentReads} over the mid-size as-at ledger, writers on savings of their own. */
    private void concurrentReads(List<ProgrammeId> programmes) throws Exception {
        int level = programmes.size() / 2;
        String label = String.format(Locale.ROOT, "%,d history events",
                historyShape(sizes.history().get(level)).events() - 1 - 4 - 1);
        new ConcurrentReads(sizes, report, log, path -> timeGet(path, null), this::postDelivery)
                .run(programmes.get(level), label, level, singleReaderRate, appendTargets("reads"), Math.max(1, bestHttpRate / 2));
    }

    void timeGet(String path, Latencies latencies) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        if (latencies != null) {
            latencies.recordNanos(elapsed);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    // ---------------------------------------------------------------- projection lag

    private record Answered(long index, long at) implements Comparable<Answered> {
        @Override
        public int compareTo(Answered other) {
            return Long.compare(index, other.index);
        }
    }

    private void projectionLag() throws Exception {
        double target = Math.max(1, bestHttpRate / 2);
        log.accept(String.format(Locale.ROOT, "projection lag at %.0f commands/s", target));
        List<SavingId> savings = appendTargets("lag");
        ReadModelProgress progress = context.getBean(ReadModelProgress.class);
        PriorityBlockingQueue<Answered> pending = new PriorityBlockingQueue<>();
        Latencies lag = new Latencies();
        AtomicBoolean stop = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!stop.get() || !pending.isEmpty()) {
                Answered oldest = pending.peek();
                if (oldest != null && progress.hasHandled(oldest.index())) {
                    long now = System.nanoTime();
                    while ((oldest = pending.peek()) != null && progress.hasHandled(oldest.index())) {
                        pending.poll();
                        lag.recordNanos(now - oldest.at());
                    }
                } else {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "bench-lag-watcher");
        watcher.start();
        int threads = 4;
        long interval = (long) (1e9 * threads / target);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + sizes.warmup().toNanos() + sizes.window().toNanos();
        List<Future<Long>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers.add(pool.submit(() -> {
                long sent = 0;
                long next = System.nanoTime() + interval * worker / threads;
                while (next < end) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    long index = postDelivery(savings.get(worker));
                    pending.add(new Answered(index, System.nanoTime()));
                    sent++;
                    next += interval;
                }
                return sent;
            }));
        }
        long sent = 0;
        for (Future<Long> worker : workers) {
            sent += worker.get();
        }
        pool.shutdown();
        stop.set(true);
        watcher.join(TimeUnit.MINUTES.toMillis(2));
        double achieved = sent / ((sizes.warmup().toNanos() + sizes.window().toNanos()) / 1e9);
        report.add(LAG, "response → every read model reflects it, 4 clients at a fixed total rate of half the best HTTP rate",
                String.format(Locale.ROOT, "p50 %s, p99 %s, max %s; %,d commands at %.0f commands/s (%.0f intended)",
                        millis(lag.p50()), millis(lag.p99()), millis(lag.max()), sent, achieved, target),
                "p99 ≤ 200 ms", lag.p99() <= 200, "");
        report.note("Projection lag is measured from the moment the command's HTTP response arrives to the moment the "
                + "shared token store shows every read-model processor past the command's event (polled every 1 ms), "
                + "which is what a query with the consistency token waits for.");
    }

    // ---------------------------------------------------------------- BI

    private void biExport() throws Exception {
        log.accept("BI export: GET /api/bi/saving_years.csv from a second query-side instance with -Xmx256m");
        long started = System.nanoTime();
        try (QuerySideInstance instance = QuerySideInstance.start(context, List.of("-Xmx256m"), "bench-bi-" + run,
                Duration.ofMinutes(3))) {
            log.accept(String.format(Locale.ROOT, "BI export: the instance (pid %d) answered after %.1f s: %s", instance.pid(),
                    (System.nanoTime() - started) / 1e9, instance.startedLine()));
            RemoteHeap heap = null;
            String heapProblem = null;
            try {
                heap = RemoteHeap.attach(instance.pid());
            } catch (IOException | RuntimeException e) {
                heapProblem = e.toString();
            }
            try {
                // the instance's first request pays for its lazy start (servlet, security, first queries); an extract of
                // one programme takes that, so the figure is of the extract
                String programme = firstEvent(new LedgerGenerator(sizes.bulk(), bulkSeed())).aggregateId();
                HttpExtract.fetch(http, instance.uri("/api/bi/saving_years.csv?programme=" + programme), authorization);
                if (heap != null) {
                    heap.resetPeaks();
                }
                HttpExtract extract = HttpExtract.fetch(http, instance.uri("/api/bi/saving_years.csv"), authorization);
                double seconds = extract.totalNanos() / 1e9;
                long mib = 1 << 20;
                String heapUse = heap == null ? "peak heap not measured (" + heapProblem + ")"
                        : String.format(Locale.ROOT, "peak heap %d MiB of %d MiB", heap.peakUsed() / mib, heap.max() / mib);
                OptionalLong resident = instance.status("VmRSS");
                OptionalLong residentPeak = instance.status("VmHWM");
                String rss = resident.isPresent() && residentPeak.isPresent() ? String.format(Locale.ROOT,
                        "RSS %d MiB (peak %d MiB)", resident.getAsLong() / mib, residentPeak.getAsLong() / mib)
                        : "RSS not measured (no /proc)";
                Boolean met = extract.rows() >= 1_000_000 ? seconds <= 10 && heap != null && heap.peakUsed() <= 256 * mib : null;
                report.add(BI, "GET /api/bi/saving_years.csv over HTTP, application heap -Xmx256m",
                        String.format(Locale.ROOT, "%,d rows, %,d bytes in %.2f s (first byte after %s); %s; %s", extract.rows(),
                                extract.bytes(), seconds, millis(extract.firstByteNanos() / 1e6), heapUse, rss),
                        "10⁶ rows ≤ 10 s under 256 MiB", met, String.format(Locale.ROOT, "%,.0f rows/s", extract.rows() / seconds));
            } finally {
                if (heap != null) {
                    heap.close();
                }
            }
        }
        log.accept(String.format(Locale.ROOT, "BI export: done %.1f s after the instance was started", (System.nanoTime() - started) / 1e9));
        awaitReadModelSegments(Duration.ofMinutes(1));
        report.note("BI over HTTP: a second instance of the application, its query side (QuerySideApplication, from the"
                + " same jar or class path as the harness), runs in a JVM of its own with -Xmx256m (the JVM's default"
                + " collector) on the harness's PostgreSQL and MongoDB, started for this figure and stopped after it. The"
                + " harness's HTTP client sends it, as the administrator (HTTP Basic), GET /api/bi/saving_years.csv?programme= the"
                + " shared-service ledger's first programme (its first request, which pays for the instance's lazy start),"
                + " then GET /api/bi/saving_years.csv, timed, counting the body's bytes and CSV records (header excluded) as they"
                + " arrive, keeping nothing; first byte is the first byte of the body. Peak heap is the sum of the"
                + " heap pools' peak usage (MemoryPoolMXBean, read over JMX through the Attach API), reset just before the"
                + " request, so it counts garbage not yet collected; RSS is VmRSS after the request, and its peak VmHWM"
                + " (since the JVM started), from /proc/<pid>/status.");
    }

    /**
     * Waits until this ledger holds every read-model segment again: while a second instance ran, the
     * segment balancer may have handed it one, and that is back only once the instance has released it.
     */
    private void awaitReadModelSegments(Duration patience) throws InterruptedException {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        TokenStore tokens = context.getBean(TokenStore.class);
        long deadline = System.nanoTime() + patience.toNanos();
        while (QueryAxonConfig.READ_MODEL_PROCESSORS.stream().anyMatch(name -> processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().size() < tokens.fetchSegments(name).length).orElse(false))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read-model segments did not come back to this ledger within " + patience);
            }
            Thread.sleep(100);
        }
    }
}
