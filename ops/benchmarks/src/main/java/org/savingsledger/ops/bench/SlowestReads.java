package org.savingsledger.ops.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * The few slowest reads of a load with when they were due, so that a tail can be told apart: reads of
 * every kind due within the same second point to a stall of the process or machine, one kind spread over
 * the run to that kind's own cost.
 */
final class SlowestReads {

    record Read(long nanos, long dueNanosIntoLoad, String kind) {
    }

    private final int kept;
    private final PriorityQueue<Read> slowest = new PriorityQueue<>(Comparator.comparingLong(Read::nanos));

    SlowestReads(int kept) {
        this.kept = kept;
    }

    synchronized void record(long nanos, long dueNanosIntoLoad, String kind) {
        if (slowest.size() < kept) {
            slowest.add(new Read(nanos, dueNanosIntoLoad, kind));
        } else if (slowest.peek().nanos() < nanos) {
            slowest.poll();
            slowest.add(new Read(nanos, dueNanosIntoLoad, kind));
        }
    }

    /** The kept reads, slowest first. */
    synchronized List<Read> reads() {
        List<Read> reads = new ArrayList<>(slowest);
        reads.sort(Comparator.comparingLong(Read::nanos).reversed());
        return reads;
    }

    /** "612 ms (saving position, due 73.2 s in), …", slowest first. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (Read read : reads()) {
            text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s (%s, due %.1f s in)",
                    BenchReport.millis(read.nanos() / 1e6), read.kind(), read.dueNanosIntoLoad() / 1e9));
        }
        return text.toString();
    }
}
