package org.savingsledger.ops.bench;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.infrastructure.ReadModelRebuilds;
import org.savingsledger.query.infrastructure.RebuildProcessor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

import static org.savingsledger.ops.bench.BenchReport.rate;
import static org.savingsledger.ops.bench.BenchReport.ratio;

/**
 * The replay workload after {@link Seeding}'s load: a cold rebuild of every read model beside the
 * raw scan-and-deserialise ceiling, the same rebuild into an in-memory store (the projection code's
 * own ceiling), then our processor settings beside Axon's defaults over the same events
 * ({@link ProjectionRun}).
 */
record Replay(LedgerUnderTest ledger) {

    static final String WORKLOAD = "Replay";
    private static final int READ_MODELS = StreamKind.values().length;

    void run() throws Exception {
        BenchReport report = ledger.report();
        ledger.log("replay: raw scan and deserialise, cold rebuild of every read model, Axon's default processor settings");
        Serializer serializer = ledger.context().getBean("eventSerializer", Serializer.class);
        long start = System.nanoTime();
        long scanned = 0;
        try (Connection connection = ledger.bean(DataSource.class).getConnection()) {
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
        report.add(WORKLOAD, "ceiling: raw scan of the event table + deserialising every payload", rate(scanRate, "events"));

        FullRebuild rebuild = new FullRebuild(ledger.context());
        start = System.nanoTime();
        rebuild.start();
        while (rebuild.running()) {
            Thread.sleep(50);
        }
        double rebuildSeconds = (System.nanoTime() - start) / 1e9;
        rebuild.requireCompleted();
        double rebuildRate = scanned / rebuildSeconds;
        report.add(WORKLOAD, String.format(Locale.ROOT, "cold rebuild of all %d read models from every event in the store"
                        + " (ours: %s)", READ_MODELS, settings().describe()),
                String.format(Locale.ROOT, "%,d events in %.1f s, %s", scanned, rebuildSeconds, rate(rebuildRate, "events")),
                "≥ 0.5× the scan ceiling", rebuildRate / scanRate >= 0.5, ratio(rebuildRate / scanRate) + " of the ceiling");
        inMemory(scanRate);
        sameEvents();
    }

    /**
     * The projection code's own ceiling: the same rebuild's processors over every event in the store,
     * writing their read models and tokens into mongo-java-server's in-memory backend instead of its
     * H2 file (see {@link InMemoryReadModels}).
     */
    private void inMemory(double scanRate) throws Exception {
        ProjectionRun projections = new ProjectionRun(ledger.context());
        ProjectionRun.Stretch all = projections.whole();
        double seconds;
        try (InMemoryReadModels memory = new InMemoryReadModels(ledger.context().getBean(Serializer.class))) {
            seconds = projections.seconds("bench-in-memory-" + ledger.run(), ProjectionRun.rebuild(settings()), all, memory);
        }
        double rate = all.events() / seconds;
        ledger.report().add(WORKLOAD, String.format(Locale.ROOT, "cold rebuild of all %d read models into mongo-java-server's"
                        + " in-memory backend (ours: %s)", READ_MODELS, settings().describe()),
                String.format(Locale.ROOT, "%,d events in %.1f s, %s", all.events(), seconds, rate(rate, "events")),
                "≥ 0.5× the scan ceiling", rate / scanRate >= 0.5, ratio(rate / scanRate) + " of the ceiling");
    }

    /** The rebuild's processor settings. */
    private RebuildProcessor.Settings settings() {
        return ledger.bean(ReadModelRebuilds.class).settings();
    }

    /**
     * Our rebuild's processor settings and Axon's defaults, each running the same projections
     * into scratch collections over the same events: the shared-service ledger's first ones, a mix of
     * every kind of event across many savings, programmes and committees.
     */
    private void sameEvents() throws Exception {
        BenchSizes sizes = ledger.sizes();
        long events = Math.min(sizes.defaultsEvents(), sizes.bulk().events());
        ProjectionRun projections = new ProjectionRun(ledger.context());
        LedgerGenerator.SeedEvent first = Seeding.firstBulkEvent(ledger);
        ProjectionRun.Stretch stretch = projections.stretch(projections.globalIndex(first.aggregateId(), first.sequence()), events);
        double ours = projections.seconds("bench-ours-" + ledger.run(), ProjectionRun.rebuild(settings()), stretch, 90);
        double defaults = projections.seconds("bench-axon-defaults-" + ledger.run(), ProjectionRun.tracking(1), stretch, 91);
        double oursRate = events / ours;
        double defaultsRate = events / defaults;
        BenchReport report = ledger.report();
        report.add(WORKLOAD, String.format(Locale.ROOT, "ours (%s), the shared-service ledger's first %,d events",
                        settings().describe(), events),
                String.format(Locale.ROOT, "%,d events in %.2f s, %s", events, ours, rate(oursRate, "events")));
        report.add(WORKLOAD, String.format(Locale.ROOT, "Axon's default processor settings (batch 1, 1 segment each), the same %,d events",
                        events), String.format(Locale.ROOT, "%,d events in %.2f s, %s", events, defaults, rate(defaultsRate, "events")),
                "ours ≥ 20× this", oursRate / defaultsRate >= 20, "ours is " + ratio(oursRate / defaultsRate));
        report.note(String.format(Locale.ROOT, "Our processor settings and Axon's defaults were timed over the same %,d events:"
                        + " the shared-service ledger's first, global index %,d to %,d of the event store. Each ran the %d"
                        + " read-model projections into scratch collections, %d processors at once (one per read model, as a"
                        + " rebuild runs them), each starting from tokens just before the first event: ours the rebuild's own"
                        + " processors (Axon's pooled streaming processor, one reader of the store per read model and a"
                        + " worker thread per segment), Axon's defaults a tracking processor (Axon's default kind) of one segment"
                        + " handling one event a batch, around the same projections, interceptors and token store; the time runs from their start until all %d have"
                        + " passed the last (events a batch reads beyond it are not handled). Ours ran first. The cold rebuild"
                        + " above is timed over every event in the store, as a rebuild reads them; so is the one into the in-memory"
                        + " backend, by the same processors as these, from a token just before the store's first event until all"
                        + " have passed its last.",
                events, stretch.first(), stretch.last(), READ_MODELS, READ_MODELS, READ_MODELS));
    }
}
