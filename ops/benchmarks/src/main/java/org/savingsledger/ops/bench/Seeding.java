package org.savingsledger.ops.bench;

import org.savingsledger.shared.ProgrammeId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static org.savingsledger.ops.bench.BenchReport.rate;

/**
 * Loads the generated ledgers the later workloads read — the shared-service ledger and the three
 * single-programme as-at ledgers — straight into the event store, and times the load and the live
 * read models catching up with it (the first two figures of the replay workload).
 */
record Seeding(LedgerUnderTest ledger) {

    /**
     * Loads the ledgers (as the aggregates would have stored them, recorded over six years), then waits
     * for the live read models. Answers the as-at programmes, smallest history first.
     */
    List<ProgrammeId> run() throws InterruptedException {
        BenchSizes sizes = ledger.sizes();
        long before = ledger.headIndex();
        long start = System.nanoTime();
        long events = ledger.load(new LedgerGenerator(sizes.bulk(), ledger.seeds().bulk()), UnaryOperator.identity());
        List<ProgrammeId> histories = new ArrayList<>();
        for (int level = 0; level < sizes.history().size(); level++) {
            long seed = ledger.seeds().history(level);
            events += ledger.load(new LedgerGenerator(historyShape(sizes.history().get(level)), seed), UnaryOperator.identity());
            histories.add(ProgrammeId.of("council-000-p0-" + Long.toString(seed, 36)));
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long head = ledger.headIndex();
        ledger.awaitReadModels(head, Duration.ofMinutes(30));
        double caughtUpSeconds = (System.nanoTime() - start) / 1e9;
        ledger.report().add(Replay.WORKLOAD, "events loaded into the event store (EventStore.publish, batches of 1,000)",
                String.format(Locale.ROOT, "%,d events in %.1f s (%s)", events, loadSeconds, rate(events / loadSeconds, "events")));
        ledger.report().add(Replay.WORKLOAD, "live read models caught up with the load (3 processors, batch 100, 1 segment)",
                String.format(Locale.ROOT, "%.1f s after the load began (%s)", caughtUpSeconds,
                        rate((head - before) / caughtUpSeconds, "events")));
        return histories;
    }

    /** The as-at ledgers alone, loaded as {@link #run()} loads them, the live read models caught up: smallest history first. */
    List<ProgrammeId> histories() throws InterruptedException {
        List<ProgrammeId> histories = new ArrayList<>();
        for (int level = 0; level < ledger.sizes().history().size(); level++) {
            long seed = ledger.seeds().history(level);
            ledger.load(new LedgerGenerator(historyShape(ledger.sizes().history().get(level)), seed), UnaryOperator.identity());
            histories.add(ProgrammeId.of("council-000-p0-" + Long.toString(seed, 36)));
        }
        ledger.awaitReadModels(ledger.headIndex(), Duration.ofMinutes(30));
        return histories;
    }

    /** An as-at ledger: one programme of {@link BenchSizes#HISTORY_SAVINGS} savings, each with {@code changes} changes. */
    static LedgerGenerator.Shape historyShape(int changes) {
        return new LedgerGenerator.Shape(1, 1, BenchSizes.HISTORY_SAVINGS, 6, changes, 4);
    }

    /**
     * The history events of an as-at ledger, as the figures name it: all but the organisation's registration, the
     * programme's launch, the committee's establishment and its four reports.
     */
    static long historyEvents(int changes) {
        return historyShape(changes).events() - 1 - 1 - 4 - 1;
    }

    /** The first event the shared-service ledger stores: its first programme and where the replay stretch begins. */
    static LedgerGenerator.SeedEvent firstBulkEvent(LedgerUnderTest ledger) {
        return firstEvent(new LedgerGenerator(ledger.sizes().bulk(), ledger.seeds().bulk()));
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
}
