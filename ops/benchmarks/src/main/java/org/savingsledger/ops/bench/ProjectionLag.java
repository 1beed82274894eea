package org.savingsledger.ops.bench;

import org.savingsledger.query.infrastructure.ReadModelProgress;
import org.savingsledger.shared.SavingId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.savingsledger.ops.bench.BenchReport.millis;

/**
 * The projection-lag workload: how long after a command's HTTP response every read model reflects
 * it, under a steady load of deliveries at a fixed rate — what a query carrying the consistency
 * token waits for.
 */
record ProjectionLag(LedgerUnderTest ledger) {

    static final String WORKLOAD = "Projection lag";

    /** @param target commands a second the 4 clients send in all */
    void run(double target) throws Exception {
        BenchSizes sizes = ledger.sizes();
        ledger.log(String.format(Locale.ROOT, "projection lag at %.0f commands/s", target));
        List<SavingId> savings = ledger.appendTargets("lag");
        LagWatcher watcher = new LagWatcher(ledger.bean(ReadModelProgress.class)::hasHandled);
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
                    long index = ledger.postDelivery(savings.get(worker));
                    watcher.answered(index);
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
        Latencies lag = watcher.drained();
        double achieved = sent / ((sizes.warmup().toNanos() + sizes.window().toNanos()) / 1e9);
        ledger.report().add(WORKLOAD, "response → every read model reflects it, 4 clients at a fixed total rate of half the best HTTP rate",
                String.format(Locale.ROOT, "p50 %s, p99 %s, max %s; %,d commands at %.0f commands/s (%.0f intended)%s",
                        millis(lag.p50()), millis(lag.p99()), millis(lag.max()), sent, achieved, target, watcher.shortfall()),
                "p99 ≤ 200 ms", watcher.complete() && lag.p99() <= 200, "");
        ledger.report().note("Projection lag is measured from the moment the command's HTTP response arrives to the moment the "
                + "shared token store shows every read-model processor past the command's event (polled every 1 ms), "
                + "which is what a query with the consistency token waits for. A command not reflected "
                + LagWatcher.DRAIN_LIMIT.toSeconds() + " s after the load is counted in the figure, which then does not stand "
                + "and does not meet its target.");
    }
}
