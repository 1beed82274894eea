package org.savingsledger.ops.bench;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

import static org.savingsledger.ops.bench.BenchReport.rate;
import static org.savingsledger.ops.bench.BenchReport.ratio;

/**
 * The replay workload after {@link Seeding}'s load: a cold rebuild of every read model beside the
 * raw scan-and-deserialise ceiling, then our processor settings beside Axon's defaults over the same
 * events ({@link ProjectionRun}).
 */
record Replay(LedgerUnderTest ledger) {

    static final String WORKLOAD = "Replay";

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
        report.add(WORKLOAD, String.format(Locale.ROOT, "cold rebuild of all 3 read models from every event in the store"
                        + " (ours: batch %d, 1 segment each)", rebuildBatchSize()),
                String.format(Locale.ROOT, "%,d events in %.1f s, %s", scanned, rebuildSeconds, rate(rebuildRate, "events")),
                "≥ 0.5× the scan ceiling", rebuildRate / scanRate >= 0.5, ratio(rebuildRate / scanRate) + " of the ceiling");
        sameEvents();
    }

    private int rebuildBatchSize() {
        return ledger.context().getEnvironment().getProperty("ledger.rebuild.batch-size", Integer.class, 500);
    }

    /**
     * Our rebuild's processor settings and Axon's defaults, each running the same three projections
     * into scratch collections over the same events: the shared-service ledger's first ones, a mix of
     * every kind of event across many savings, programmes and committees.
     */
    private void sameEvents() throws Exception {
        BenchSizes sizes = ledger.sizes();
        long events = Math.min(sizes.defaultsEvents(), sizes.bulk().events());
        ProjectionRun projections = new ProjectionRun(ledger.context());
        LedgerGenerator.SeedEvent first = Seeding.firstBulkEvent(ledger);
        ProjectionRun.Stretch stretch = projections.stretch(projections.globalIndex(first.aggregateId(), first.sequence()), events);
        double ours = projections.seconds("bench-ours-" + ledger.run(), rebuildBatchSize(), stretch, 90);
        double defaults = projections.seconds("bench-axon-defaults-" + ledger.run(), 1, stretch, 91);
        double oursRate = events / ours;
        double defaultsRate = events / defaults;
        BenchReport report = ledger.report();
        report.add(WORKLOAD, String.format(Locale.ROOT, "ours (batch %d, 1 segment each), the shared-service ledger's first %,d events",
                        rebuildBatchSize(), events),
                String.format(Locale.ROOT, "%,d events in %.2f s, %s", events, ours, rate(oursRate, "events")));
        report.add(WORKLOAD, String.format(Locale.ROOT, "Axon's default processor settings (batch 1, 1 segment each), the same %,d events",
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
}
