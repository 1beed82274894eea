package org.savingsledger.ops.bench;

import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.SavingId;

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
import java.util.function.Consumer;

import static org.savingsledger.ops.bench.BenchReport.millis;

/**
 * As-at reads by 4 and then 16 open-loop readers ({@link OpenLoop}) while writers post deliveries at
 * a fixed rate: the mix of the as-at figures (programme summary, saving position, saving history,
 * one kind after the other, {@link AsAtSamples} rotating over every saving) over the mid-size as-at
 * ledger, at a fixed total rate derived from what one reader alone achieved there.
 */
final class ConcurrentReads {

    static final String WORKLOAD = "Concurrent reads";
    static final int[] READERS = {4, 16};
    private static final int WRITERS = 4;

    interface Get {
        /** Sends the GET and throws unless it is answered 200. */
        void get(String path) throws Exception;
    }

    interface Post {
        void post(SavingId saving) throws Exception;
    }

    private final BenchSizes sizes;
    private final BenchReport report;
    private final Consumer<String> log;
    private final Get get;
    private final Post post;

    ConcurrentReads(BenchSizes sizes, BenchReport report, Consumer<String> log, Get get, Post post) {
        this.sizes = sizes;
        this.report = report;
        this.log = log;
        this.get = get;
        this.post = post;
    }

    /**
     * @param programme       the mid-size as-at ledger's programme (its savings are {@code <programme>-s<i>})
     * @param label           its size, for the figures' names (fixed by the ledger's shape)
     * @param level           its history level, for the samples' seed
     * @param singleReaderRate the reads a second one closed-loop reader achieved on the same mix
     * @param writerSavings   savings of the writers' own, outside every as-at ledger
     * @param writeRate       commands a second the writers are to send in all
     */
    void run(ProgrammeId programme, String label, int level, double singleReaderRate, List<SavingId> writerSavings,
             double writeRate) throws Exception {
        double readRate = Math.max(1, singleReaderRate / 2);
        int warmup = sizes.queries() / 10;
        List<AsAtSamples.Sample> plan = AsAtSamples.of(sizes.queries() + warmup, BenchSizes.HISTORY_SAVINGS, false, 142 + level);
        List<String> paths = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            AsAtSamples.Sample sample = plan.get(i);
            String saving = "/api/savings/" + programme.value() + "-s" + sample.saving();
            paths.add(switch (i % 3) {
                case 0 -> "/api/programmes/" + programme + "?" + sample.query();
                case 1 -> saving + "?" + sample.query();
                default -> saving + "/history?" + sample.query();
            });
        }
        for (int readers : READERS) {
            log.accept(String.format(Locale.ROOT, "concurrent reads: %d readers at %.0f reads/s in all, writers at %.0f commands/s",
                    readers, readRate, writeRate));
            level(readers, readRate, paths, warmup, label, writerSavings, writeRate);
        }
        report.note(String.format(Locale.ROOT, "Concurrent reads: 4, then 16 readers ask the as-at mix of the as-at ledger of %s "
                + "(programme summary, saving position, saving history in turn; AsAtSamples with another seed than the "
                + "one-reader figures: asAt uniform over the six years, every saving in turn, no effectiveOn) on one shared schedule at a fixed total rate: half of what one closed-loop reader "
                + "achieved on the same mix just before (the as-at figures of that ledger), so that the machine can sustain it "
                + "beside the writers and the figures show what concurrency costs, not an overload. The rate is in each "
                + "figure's value; each reader has an equal share of it. Readers are open loops: a read's latency runs from "
                + "its intended send time, so a late answer delays the next reads of that reader and their wait counts "
                + "(no coordinated omission). The first %,d reads (counted as sent and answered) warm up and are not recorded. The ratio is how long the reads took over how long their schedule lasts: above 1× the readers fell behind it. Meanwhile %d writers post "
                + "deliveries of 1p on a fixed schedule at half the best HTTP command rate (as in the projection-lag "
                + "figure), to savings of their own in another programme, so that the ledger read keeps the history its "
                + "other figures (and the alternative's totals) are measured on; they load the same event store, "
                + "projections and read-model store.", label, warmup, WRITERS));
    }

    private void level(int readers, double readRate, List<String> paths, int warmup, String label,
                       List<SavingId> writerSavings, double writeRate) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong sent = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            long writeInterval = (long) (1e9 * WRITERS / writeRate);
            long writeStart = System.nanoTime();
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                SavingId saving = writerSavings.get(w % writerSavings.size());
                long first = writeStart + writeInterval * w / WRITERS;
                writing.add(writers.submit(() -> {
                    for (long next = first; !stop.get(); next += writeInterval) {
                        OpenLoop.SYSTEM.sleepUntil(next);
                        if (stop.get()) {
                            break;
                        }
                        post.post(saving);
                        written.incrementAndGet();
                    }
                    return null;
                }));
            }
            // the writers have a warm-up period to reach their rate before the first read is due
            long start = writeStart + sizes.warmup().toNanos();
            long interval = (long) (1e9 / readRate);
            OpenLoop.Outcome outcome = new OpenLoop.Outcome() {
                @Override
                public void answered(int index, long nanos) {
                    sent.incrementAndGet();
                    answered.incrementAndGet();
                    if (index >= warmup) {
                        latencies.recordNanos(nanos);
                    }
                }

                @Override
                public void failed(int index, Exception failure) {
                    sent.incrementAndGet();
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, paths.get(index) + ": " + failure.getMessage());
                }
            };
            List<Future<?>> reading = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                int reader = r;
                reading.add(pool.submit(() -> {
                    OpenLoop.read(OpenLoop.SYSTEM, start, interval, reader, readers, paths.size(),
                            index -> get.get(paths.get(index)), outcome);
                    return null;
                }));
            }
            for (Future<?> reader : reading) {
                reader.get();
            }
            long end = System.nanoTime();
            long writtenInWindow = written.get();
            double writeSeconds = (end - writeStart) / 1e9;
            stop.set(true);
            for (Future<?> writer : writing) {
                writer.get();
            }
            // from the first read's intended send to the last answer, over the schedule's first to last send
            double scheduled = Math.max(1, (paths.size() - 1) * interval);
            report.add(WORKLOAD, String.format(Locale.ROOT, "%d readers (open loop) while writers post, as-at mix over %s",
                            readers, label),
                    String.format(Locale.ROOT, "%.0f reads/s in all; p50 %s, p99 %s, max %s from the intended send; "
                                    + "%,d sent, %,d answered, %d errors; writers %.0f commands/s (%.0f intended)",
                            readRate, millis(latencies.p50()), millis(latencies.p99()), millis(latencies.max()),
                            sent.get(), answered.get(), errors.get(), writtenInWindow / writeSeconds, writeRate),
                    "p99 ≤ 20 ms", errors.get() == 0 && latencies.p99() <= 20,
                    "the reads took " + BenchReport.ratio((end - start) / scheduled)
                            + " their scheduled time");
            if (errors.get() > 0) {
                throw new IllegalStateException(errors.get() + " of the concurrent reads failed, the first " + firstError.get());
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
            writers.shutdownNow();
            writers.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
