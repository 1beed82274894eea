package org.savingsledger.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workers each doing one task back to back, the next as soon as the last is answered: what the
 * append figures measure (a client waiting for its answer), as opposed to an {@link OpenLoop}'s schedule.
 */
final class ClosedLoop {

    interface Task {
        void run(int worker) throws Exception;
    }

    /** Tasks done a second in the measured window, and how long each took. */
    record Measured(double rate, Latencies latencies) {
    }

    private ClosedLoop() {
    }

    /** {@code threads} workers each doing {@code task} back to back: {@code warmup} unrecorded, then {@code window} measured. */
    static Measured run(int threads, Duration warmup, Duration window, Task task) throws Exception {
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
            Thread.sleep(warmup.toMillis());
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
}
