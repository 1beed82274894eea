package org.savingsledger.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.savingsledger.query.infrastructure.ReadModelProgress;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.SavingId;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.savingsledger.ops.bench.BenchReport.millis;

/**
 * People reading and writing at once, for minutes: 16 open-loop readers ask a mix of what users and
 * analysts ask (programme summaries, saving positions, pages of a saving's history, the organisation's
 * year, a programme's BI extract) while writers post deliveries at a fixed rate, each write's
 * projection lag measured, and the heap after a full collection compared between the end of the
 * warm-up and the end of the load.
 */
record MixedLoad(LedgerUnderTest ledger) {

    static final String WORKLOAD = "Mixed load";
    static final int READERS = 16;
    private static final int WRITERS = 4;
    private static final String[] KINDS = {"programme summary", "saving position", "history page", "year", "BI extract"};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long the load runs and, of that, how long it warms up unrecorded. */
    record Length(Duration total, Duration warmup) {
    }

    Length length() {
        return switch (ledger.sizes().name()) {
            case "full" -> new Length(Duration.ofMinutes(10), Duration.ofMinutes(2));
            case "quick" -> new Length(Duration.ofMinutes(3), Duration.ofMinutes(1));
            default -> new Length(Duration.ofSeconds(6), Duration.ofSeconds(2));
        };
    }

    /**
     * @param programme        the mid-size as-at ledger's programme
     * @param label            its size, for the figures' names
     * @param singleReaderRate reads a second one closed-loop reader achieved on the as-at mix there
     * @param writeRate        commands a second the writers send in all
     */
    void run(ProgrammeId programme, String label, double singleReaderRate, double writeRate) throws Exception {
        Length length = length();
        double readRate = Math.max(1, singleReaderRate / 2);
        ledger.log(String.format(Locale.ROOT, "mixed load for %s: %d readers at %.0f reads/s in all, writers at %.0f commands/s",
                length.total(), READERS, readRate, writeRate));
        String organisation = JSON.readTree(ledger.get("/api/programmes/" + programme)).get("organisation").asText();
        long interval = (long) (1e9 / readRate);
        int count = (int) Math.max(READERS, length.total().toNanos() / interval);
        List<AsAtSamples.Sample> plan = AsAtSamples.of(count, BenchSizes.HISTORY_SAVINGS, false, 242);
        List<SavingId> writerSavings = ledger.appendTargets("mixed");

        Latencies reads = new Latencies();
        Latencies[] byKind = new Latencies[KINDS.length];
        for (int k = 0; k < KINDS.length; k++) {
            byKind[k] = new Latencies();
        }
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong written = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        ExecutorService readerPool = Executors.newFixedThreadPool(READERS);
        LagWatcher lag = new LagWatcher(ledger.bean(ReadModelProgress.class)::hasHandled);
        SlowestReads slowest = new SlowestReads(8);
        GcPauses pauses = new GcPauses();
        StoreActivity store = null;
        try {
            lag.recording(false);
            long start = System.nanoTime();
            store = new StoreActivity(ledger.bean(javax.sql.DataSource.class), start);
            long recordFrom = start + length.warmup().toNanos();
            long writeInterval = (long) (1e9 * WRITERS / writeRate);
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                SavingId saving = writerSavings.get(w);
                long first = start + writeInterval * w / WRITERS;
                writing.add(writers.submit(() -> {
                    for (long next = first; !stop.get(); next += writeInterval) {
                        OpenLoop.SYSTEM.sleepUntil(next);
                        if (stop.get()) {
                            break;
                        }
                        try {
                            lag.answered(ledger.postDelivery(saving));
                            written.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "a delivery: " + e.getMessage());
                        }
                    }
                    return null;
                }));
            }
            AtomicLong heapBefore = new AtomicLong();
            Thread heapAtWarmupEnd = heapProbe(recordFrom - TimeUnit.SECONDS.toNanos(Math.min(10, length.warmup().toSeconds() / 2)),
                    recordFrom, heapBefore, () -> {
                        lag.recording(true);
                        pauses.recording(true);
                    });
            OpenLoop.Outcome outcome = new OpenLoop.Outcome() {
                @Override
                public void answered(int index, long nanos) {
                    sent.incrementAndGet();
                    long due = OpenLoop.intended(start, interval, index);
                    if (due >= recordFrom) {
                        reads.recordNanos(nanos);
                        byKind[index % KINDS.length].recordNanos(nanos);
                        slowest.record(nanos, due - start, KINDS[index % KINDS.length]);
                    }
                }

                @Override
                public void failed(int index, Exception failure) {
                    sent.incrementAndGet();
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, path(programme, organisation, plan.get(index), index) + ": " + failure.getMessage());
                }
            };
            List<Future<?>> reading = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                reading.add(readerPool.submit(() -> {
                    OpenLoop.read(OpenLoop.SYSTEM, start, interval, reader, READERS, count,
                            index -> ledger.timeGet(path(programme, organisation, plan.get(index), index), null), outcome);
                    return null;
                }));
            }
            for (Future<?> reader : reading) {
                reader.get();
            }
            long end = System.nanoTime();
            pauses.recording(false);
            stop.set(true);
            for (Future<?> writer : writing) {
                writer.get();
            }
            heapAtWarmupEnd.join();
            Latencies lags = lag.drained();
            long heapAfter = heapAfterFullCollection();
            double minutes = length.total().toSeconds() / 60.0;
            double scheduled = Math.max(1, (count - 1) * (double) interval);
            StringBuilder kinds = new StringBuilder();
            for (int k = 0; k < KINDS.length; k++) {
                kinds.append(k == 0 ? "" : ", ").append(KINDS[k]).append(' ').append(millis(byKind[k].p99()));
            }
            String over = String.format(Locale.ROOT, "%d readers and %d writers for %.1f minutes over %s", READERS, WRITERS, minutes, label);
            report().add(WORKLOAD, "reads: " + over,
                    String.format(Locale.ROOT, "%.0f reads/s in all; p50 %s, p99 %s, max %s from the intended send (p99 by kind: %s); "
                                    + "%,d sent, %,d recorded after the warm-up, %d errors", readRate, millis(reads.p50()),
                            millis(reads.p99()), millis(reads.max()), kinds, sent.get(), reads.count(), errors.get()),
                    "p99 ≤ 50 ms, no errors", errors.get() == 0 && reads.p99() <= 50,
                    "the reads took " + BenchReport.ratio((end - start) / scheduled) + " their scheduled time");
            report().add(WORKLOAD, "projection lag: " + over,
                    String.format(Locale.ROOT, "p50 %s, p99 %s, max %s; %,d commands at %.0f commands/s (%.0f intended)%s",
                            millis(lags.p50()), millis(lags.p99()), millis(lags.max()), written.get(),
                            written.get() / ((end - start) / 1e9), writeRate, lag.shortfall()),
                    "p99 ≤ 200 ms", lag.complete() && lags.p99() <= 200, "");
            double growth = heapBefore.get() <= 0 ? 0 : (double) heapAfter / heapBefore.get();
            report().add(WORKLOAD, "heap after a full collection: " + over,
                    String.format(Locale.ROOT, "%.1f MiB at the end of the warm-up, %.1f MiB when the load stopped",
                            heapBefore.get() / 1048576.0, heapAfter / 1048576.0),
                    "≤ +10% (no leak)", heapAfter <= heapBefore.get() * 1.1 + 8 * 1048576.0, BenchReport.ratio(growth));
            report().note(String.format(Locale.ROOT, "Mixed load: %d open-loop readers share one schedule at a fixed total rate "
                    + "(half what one closed-loop reader achieved on the as-at mix, as the concurrent-read figures), asking in turn "
                    + "GET /api/programmes/{id}?asAt=…, GET /api/savings/{id}?asAt=…, GET /api/savings/{id}/history?asAt=…&limit=100&after=v "
                    + "(v spread over the history), GET /api/years/2022-23?organisation=…&asAt=… and GET /api/bi/saving_years.csv?programme=…&asAt=… "
                    + "over the as-at ledger of %s (AsAtSamples, its own seed: asAt uniform over the six years, every saving in turn); a read's "
                    + "latency runs from its intended send time. %d writers post deliveries of 1p on a fixed schedule at half the best "
                    + "HTTP command rate to savings of their own, each write's projection lag measured as in the projection-lag figure. "
                    + "Nothing is recorded during the first %s. The heap is the benchmark JVM's (the ledger runs in it, with the "
                    + "harness's clients): used heap after System.gc() twice, %s before the warm-up ends and once more when the load "
                    + "has stopped and every write is reflected; the target allows 10%% (and 8 MiB) of growth.",
                    READERS, label, WRITERS, length.warmup(), Duration.ofSeconds(Math.min(10, length.warmup().toSeconds() / 2))));
            String tail = String.format(Locale.ROOT, "Mixed load, after the warm-up: this JVM's garbage collections %s; "
                    + "the %d slowest reads %s; PostgreSQL meanwhile (from the load's start): %s.", pauses.summary(),
                    slowest.reads().size(), slowest.text(), store.text());
            ledger.log(tail);
            report().note(tail);
            if (errors.get() > 0) {
                throw new IllegalStateException(errors.get() + " of the mixed load's requests failed, the first " + firstError.get());
            }
        } finally {
            stop.set(true);
            if (store != null) {
                store.close();
            }
            lag.close();
            pauses.close();
            readerPool.shutdownNow();
            writers.shutdownNow();
            writers.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private BenchReport report() {
        return ledger.report();
    }

    /**
     * A thread that, at {@code at}, measures the heap after a full collection into {@code heap}, and at {@code thenAt}
     * runs {@code then}.
     */
    private static Thread heapProbe(long at, long thenAt, AtomicLong heap, Runnable then) {
        Thread probe = new Thread(() -> {
            try {
                OpenLoop.SYSTEM.sleepUntil(at);
                heap.set(heapAfterFullCollection());
                OpenLoop.SYSTEM.sleepUntil(thenAt);
                then.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-heap-probe");
        probe.start();
        return probe;
    }

    private static long heapAfterFullCollection() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The read {@code index} of the plan asks: the kinds in turn. */
    private static String path(ProgrammeId programme, String organisation, AsAtSamples.Sample sample, int index) {
        String saving = "/api/savings/" + programme.value() + "-s" + sample.saving();
        String asAt = sample.query();
        return switch (index % KINDS.length) {
            case 0 -> "/api/programmes/" + programme + "?" + asAt;
            case 1 -> saving + "?" + asAt;
            case 2 -> saving + "/history?" + asAt + "&limit=100&after=" + (index * 37L) % 200;
            case 3 -> "/api/years/2022-23?organisation=" + organisation + "&" + asAt;
            default -> "/api/bi/saving_years.csv?programme=" + programme + "&" + asAt;
        };
    }
}
