package org.savingsledger.ops.bench;

import org.savingsledger.query.infrastructure.ReadModelProgress;

import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Projection lag as a query carrying the consistency token would wait for it: from the moment a
 * command's response arrived to the moment the shared token store shows every read-model processor
 * past the command's event, polled every millisecond on a thread of its own.
 */
final class LagWatcher implements AutoCloseable {

    /** A command's consistency token and when its response arrived; the oldest index first. */
    private record Answered(long index, long at) implements Comparable<Answered> {
        @Override
        public int compareTo(Answered other) {
            return Long.compare(index, other.index);
        }
    }

    private final ReadModelProgress progress;
    private final PriorityBlockingQueue<Answered> pending = new PriorityBlockingQueue<>();
    private final Latencies lag = new Latencies();
    private final Thread watcher;
    private volatile boolean stop;
    private volatile boolean recording = true;

    LagWatcher(ReadModelProgress progress) {
        this.progress = progress;
        this.watcher = new Thread(this::watch, "bench-lag-watcher");
        watcher.start();
    }

    /** A command answered now with the consistency token {@code index}. */
    void answered(long index) {
        pending.add(new Answered(index, System.nanoTime()));
    }

    /** Whether the commands answered from now on are recorded (not during a warm-up). */
    void recording(boolean recording) {
        this.recording = recording;
    }

    /** Waits, up to two minutes, until every answered command is reflected, and answers the lags recorded. */
    Latencies drained() throws InterruptedException {
        stop = true;
        watcher.join(TimeUnit.MINUTES.toMillis(2));
        return lag;
    }

    private void watch() {
        while (!stop || !pending.isEmpty()) {
            Answered oldest = pending.peek();
            if (oldest != null && progress.hasHandled(oldest.index())) {
                long now = System.nanoTime();
                while ((oldest = pending.peek()) != null && progress.hasHandled(oldest.index())) {
                    pending.poll();
                    if (recording) {
                        lag.recordNanos(now - oldest.at());
                    }
                }
            } else {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        stop = true;
        watcher.interrupt();
    }
}
