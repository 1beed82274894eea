package org.savingsledger.ops.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.function.LongPredicate;

/**
 * Projection lag as a query carrying the consistency token would wait for it: from the moment a
 * command's response arrived to the moment the shared token store shows every read-model processor
 * past the command's event, polled every millisecond on a thread of its own. A command not reflected
 * within the drain limit after the load has no lag to record: it is counted, and the figure says so.
 */
final class LagWatcher implements AutoCloseable {

    /** How long {@link #drained()} waits, after the load, for the last commands to be reflected. */
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(2);

    /** A command's consistency token and when its response arrived; the oldest index first. */
    private record Answered(long index, long at, boolean recorded) implements Comparable<Answered> {
        @Override
        public int compareTo(Answered other) {
            return Long.compare(index, other.index);
        }
    }

    private final LongPredicate handled;
    private final Duration drainLimit;
    private final PriorityBlockingQueue<Answered> pending = new PriorityBlockingQueue<>();
    private final Latencies lag = new Latencies();
    private final Thread watcher;
    private volatile boolean stop;
    private volatile boolean recording = true;
    private long unreflected;

    /** Watches with {@code handled} telling whether every read model is past a global index. */
    LagWatcher(LongPredicate handled, Duration drainLimit) {
        this.handled = handled;
        this.drainLimit = drainLimit;
        this.watcher = new Thread(this::watch, "bench-lag-watcher");
        watcher.start();
    }

    LagWatcher(LongPredicate handled) {
        this(handled, DRAIN_LIMIT);
    }

    /** A command answered now with the consistency token {@code index}. */
    void answered(long index) {
        pending.add(new Answered(index, System.nanoTime(), recording));
    }

    /** Whether the commands answered from now on are recorded (not during a warm-up). */
    void recording(boolean recording) {
        this.recording = recording;
    }

    /**
     * Waits, up to the drain limit, until every answered command is reflected, and answers the lags
     * recorded; the commands still not reflected then are counted by {@link #unreflected()}.
     */
    Latencies drained() throws InterruptedException {
        stop = true;
        watcher.join(drainLimit.toMillis());
        watcher.interrupt();
        watcher.join();
        unreflected = pending.stream().filter(Answered::recorded).count();
        return lag;
    }

    /** How many recorded commands were not reflected when {@link #drained()} gave up on them. */
    long unreflected() {
        return unreflected;
    }

    /** Whether the lags stand for every recorded command: some were recorded and none was left unreflected. */
    boolean complete() {
        return unreflected == 0 && lag.count() > 0;
    }

    /** Nothing when {@link #complete()}; otherwise what the lag figures leave out, to add to them. */
    String shortfall() {
        if (complete()) {
            return "";
        }
        return String.format(Locale.ROOT, "; %,d commands not reflected %d s after the load, left out of these figures, "
                + "which do not stand", unreflected, drainLimit.toSeconds());
    }

    private void watch() {
        try {
            watchUntilDrained();
        } catch (RuntimeException e) {
            if (!stop) {
                throw e;
            }
            // interrupted by drained() or close() inside a read of the token store: given up on, as intended
        }
    }

    private void watchUntilDrained() {
        while (!stop || !pending.isEmpty()) {
            Answered oldest = pending.peek();
            if (oldest != null && handled.test(oldest.index())) {
                long now = System.nanoTime();
                while ((oldest = pending.peek()) != null && handled.test(oldest.index())) {
                    pending.poll();
                    if (oldest.recorded()) {
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
