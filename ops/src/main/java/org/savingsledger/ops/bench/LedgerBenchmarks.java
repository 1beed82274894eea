package org.savingsledger.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.query.bi.ExtractProbe;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
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
import java.nio.file.Path;
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
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        projectionLag();
        biExport();
        CommandGateway gateway = context.getBean(CommandGateway.class);
        new JaversAlternative(context, port, authorization, sizes, report, log).run(gateway::sendAndWait, ourAsAt, this::historySeed);
    }

    // ---------------------------------------------------------------- append

    private List<SavingId> appendTargets(String purpose) {
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

    private RecordSavingDelivered delivery(SavingId saving) {
        return new RecordSavingDelivered(saving, APPEND_YEAR, Money.ofPence(1), provenance(), null);
    }

    private static Provenance provenance() {
        return new Provenance("bench", "benchmark", LocalDate.of(2024, 6, 1), null);
    }

    /** Posts a delivery of 1p and answers the consistency token's global index. */
    private long postDelivery(SavingId saving) throws IOException, InterruptedException {
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
    private Measured closedLoop(int threads, Duration window, Task task) throws Exception {
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

    private long headIndex() {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            max.next();
            return max.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReadModels(long index, Duration patience) throws InterruptedException {
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
        long events = headIndex();
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
        double rebuildRate = events / rebuildSeconds;
        report.add(REPLAY, String.format(Locale.ROOT, "cold rebuild of all 3 read models from %,d events (ours: batch %d, 1 segment each)",
                        events, rebuildBatchSize()),
                String.format(Locale.ROOT, "%.1f s, %s", rebuildSeconds, rate(rebuildRate, "events")), "≥ 0.5× the scan ceiling",
                rebuildRate / scanRate >= 0.5, ratio(rebuildRate / scanRate) + " of the ceiling");

        double defaultsRate = axonDefaults(Math.min(sizes.defaultsEvents(), events));
        report.add(REPLAY, String.format(Locale.ROOT, "Axon's default processor settings (batch 1, 1 segment), first %,d events",
                        Math.min(sizes.defaultsEvents(), events)), rate(defaultsRate, "events"), "ours ≥ 20× this",
                rebuildRate / defaultsRate >= 20, "ours is " + ratio(rebuildRate / defaultsRate));
    }

    private int rebuildBatchSize() {
        return context.getEnvironment().getProperty("ledger.rebuild.batch-size", Integer.class, 500);
    }

    /** The same three projections into scratch collections, each in a processor with Axon's defaults. */
    private double axonDefaults(long events) throws InterruptedException {
        ReadModelGenerations generations = context.getBean(ReadModelGenerations.class);
        TokenStore tokenStore = context.getBean(TokenStore.class);
        EventStore eventStore = context.getBean(EventStore.class);
        MongoDatabase database = context.getBean(MongoDatabase.class);
        int scratch = 90;
        List<TrackingEventProcessor> processors = new ArrayList<>();
        for (StreamKind kind : StreamKind.values()) {
            HistoryStore target = generations.store(kind, scratch);
            processors.add(ReadModelRebuilds.processor("bench-axon-defaults-" + kind.readModel() + "-" + run,
                    ReadModelRebuilds.projection(kind, () -> target), eventStore, tokenStore, 1));
        }
        long start = System.nanoTime();
        processors.forEach(TrackingEventProcessor::start);
        try {
            while (processors.stream().anyMatch(processor -> position(processor) < events)) {
                Thread.sleep(20);
            }
            return events / ((System.nanoTime() - start) / 1e9);
        } finally {
            processors.forEach(TrackingEventProcessor::shutDown);
            // released by the shutdown, so removed directly (Axon's MongoTokenStore collection)
            database.getCollection("trackingtokens").deleteMany(com.mongodb.client.model.Filters.in("processorName",
                    processors.stream().map(TrackingEventProcessor::getName).toList()));
            for (StreamKind kind : StreamKind.values()) {
                kind.collections(scratch).forEach(name -> database.getCollection(name).drop());
            }
        }
    }

    private static long position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream().findFirst()
                .flatMap(status -> status.getCurrentPosition().isPresent()
                        ? java.util.Optional.of(status.getCurrentPosition().getAsLong()) : java.util.Optional.empty())
                .orElse(-1L);
    }

    // ---------------------------------------------------------------- as-at

    private void asAt(List<ProgrammeId> programmes) throws Exception {
        log.accept("as-at queries over programmes with growing histories");
        Random random = new Random(42);
        Instant from = Instant.parse("2020-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-04-01T00:00:00Z");
        double firstP99 = -1;
        for (int level = 0; level < programmes.size(); level++) {
            ProgrammeId programme = programmes.get(level);
            long history = historyShape(sizes.history().get(level)).events() - 1 - 4 - 1;
            String saving = programme.value() + "-s0";
            Latencies summaries = new Latencies();
            Latencies histories = new Latencies();
            Latencies positions = new Latencies();
            for (int i = 0; i < sizes.queries() + sizes.queries() / 10; i++) {
                boolean measured = i >= sizes.queries() / 10;
                Instant asAt = from.plusMillis((long) (random.nextDouble() * (to.toEpochMilli() - from.toEpochMilli())));
                timeGet("/api/programmes/" + programme + "?asAt=" + asAt, measured ? summaries : null);
                timeGet("/api/savings/" + saving + "/history?asAt=" + asAt, measured ? histories : null);
                timeGet("/api/savings/" + saving + "?asAt=" + asAt, measured ? positions : null);
            }
            ourAsAt.add(new double[] {summaries.p50(), summaries.p99(), histories.p50(), histories.p99()});
            String label = String.format(Locale.ROOT, "%,d history events", history);
            boolean flat = firstP99 < 0 || summaries.p99() <= 2 * firstP99;
            if (firstP99 < 0) {
                firstP99 = summaries.p99();
            }
            report.add(AS_AT, "programme summary asAt, " + label, "p50 " + millis(summaries.p50()) + ", p99 "
                            + millis(summaries.p99()), "p99 ≤ 20 ms, flat", summaries.p99() <= 20 && flat,
                    level == 0 ? "" : ratio(summaries.p99() / firstP99) + " of the smallest");
            report.add(AS_AT, "saving history asAt (" + (sizes.history().get(level) + 1) + " entries at most), " + label,
                    "p50 " + millis(histories.p50()) + ", p99 " + millis(histories.p99()), "", null, "");
            report.add(AS_AT, "saving position asAt, " + label, "p50 " + millis(positions.p50()) + ", p99 "
                    + millis(positions.p99()), "p99 ≤ 20 ms", positions.p99() <= 20, "");
        }
        report.note("As-at latencies are measured by an HTTP client in the same process (JSON parsing excluded, "
                + "connection kept alive), one request at a time, asAt uniformly random over the six years the history covers; "
                + "a tenth of the requests warm up first.");
    }

    private void timeGet(String path, Latencies latencies) throws IOException, InterruptedException {
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
        report.add(LAG, String.format(Locale.ROOT, "response → every read model reflects it, at %.0f commands/s (half the best HTTP rate), %,d commands",
                achieved, sent), "p50 " + millis(lag.p50()) + ", p99 " + millis(lag.p99()) + ", max " + millis(lag.max()),
                "p99 ≤ 200 ms", lag.p99() <= 200, "");
        report.note("Projection lag is measured from the moment the command's HTTP response arrives to the moment the "
                + "shared token store shows every read-model processor past the command's event (polled every 1 ms), "
                + "which is what a query with the consistency token waits for.");
    }

    // ---------------------------------------------------------------- BI

    private void biExport() throws Exception {
        log.accept("BI export: saving_years streamed by a JVM with -Xmx256m");
        ReadModelGenerations generations = context.getBean(ReadModelGenerations.class);
        String uri = context.getEnvironment().getProperty("ledger.mongo.uri", "");
        if (uri.isBlank()) {
            var address = context.getBean(MongoClient.class).getClusterDescription().getServerDescriptions().get(0).getAddress();
            uri = "mongodb://" + address.getHost() + ":" + address.getPort();
        }
        String database = context.getBean(MongoDatabase.class).getName();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        if (ExtractProbe.class.getClassLoader() != ClassLoader.getSystemClassLoader()) {
            // inside the Spring Boot jar: its launcher finds the classes in the nested jars
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dloader.main=" + ExtractProbe.class.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExtractProbe.class.getName()));
        }
        command.addAll(List.of(uri, database, "saving_years", String.valueOf(generations.state(StreamKind.SAVING).active()),
                String.valueOf(generations.state(StreamKind.PROGRAMME).active()),
                String.valueOf(generations.state(StreamKind.COMMITTEE).active())));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(10, TimeUnit.MINUTES) || child.exitValue() != 0) {
            throw new IllegalStateException("the extract failed: " + output);
        }
        Matcher figures = Pattern.compile("rows=(\\d+) bytes=(\\d+) firstByteMs=(\\d+) totalMs=(\\d+) peakHeapMiB=(\\d+) maxHeapMiB=(\\d+)")
                .matcher(output);
        if (!figures.find()) {
            throw new IllegalStateException("the extract printed no figures: " + output);
        }
        long rows = Long.parseLong(figures.group(1));
        double seconds = Long.parseLong(figures.group(4)) / 1000.0;
        long peak = Long.parseLong(figures.group(5));
        long max = Long.parseLong(figures.group(6));
        report.add(BI, String.format(Locale.ROOT, "saving_years.csv, %,d rows (%,d bytes), -Xmx256m", rows, Long.parseLong(figures.group(2))),
                String.format(Locale.ROOT, "%.1f s (first byte after %s ms); peak heap %d MiB of %d MiB", seconds, figures.group(3), peak, max),
                "10⁶ rows ≤ 10 s under 256 MiB", rows >= 1_000_000 ? seconds <= 10 && peak <= 256 : null,
                String.format(Locale.ROOT, "%,.0f rows/s", rows / seconds));
    }
}
