package org.savingsledger.ops.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** Latencies recorded from several threads at microsecond resolution (HdrHistogram), read as milliseconds. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.min(Math.max(1, nanos / 1_000), histogram.getHighestTrackableValue()));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double p50() {
        return histogram.getValueAtPercentile(50) / 1_000.0;
    }

    double p90() {
        return histogram.getValueAtPercentile(90) / 1_000.0;
    }

    double p99() {
        return histogram.getValueAtPercentile(99) / 1_000.0;
    }

    double max() {
        return histogram.getMaxValue() / 1_000.0;
    }
}
