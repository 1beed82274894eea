package org.savingsledger.ops.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.savingsledger.query.infrastructure.QueryAxonConfig;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import static org.savingsledger.ops.bench.BenchReport.millis;

/**
 * The BI workload: {@code GET /api/bi/saving_years.csv} over HTTP from a second query-side instance
 * whose heap is capped at 256 MiB ({@link QuerySideInstance}), with its peak heap ({@link RemoteHeap})
 * and RSS beside the time.
 */
record BiExport(LedgerUnderTest ledger) {

    static final String WORKLOAD = "BI export";

    void run() throws Exception {
        ledger.log("BI export: GET /api/bi/saving_years.csv from a second query-side instance with -Xmx256m");
        long started = System.nanoTime();
        try (QuerySideInstance instance = QuerySideInstance.start(ledger.context(), List.of("-Xmx256m"), "bench-bi-" + ledger.run(),
                Duration.ofMinutes(3))) {
            ledger.log(String.format(Locale.ROOT, "BI export: the instance (pid %d) answered after %.1f s: %s", instance.pid(),
                    (System.nanoTime() - started) / 1e9, instance.startedLine()));
            RemoteHeap heap = null;
            String heapProblem = null;
            try {
                heap = RemoteHeap.attach(instance.pid());
            } catch (IOException | RuntimeException e) {
                heapProblem = e.toString();
            }
            try {
                // the instance's first request pays for its lazy start (servlet, security, first queries); an extract of
                // one programme takes that, so the figure is of the extract
                String programme = Seeding.firstBulkEvent(ledger).aggregateId();
                HttpExtract.fetch(ledger.http(), instance.uri("/api/bi/saving_years.csv?programme=" + programme), ledger.authorization());
                if (heap != null) {
                    heap.resetPeaks();
                }
                HttpExtract extract = HttpExtract.fetch(ledger.http(), instance.uri("/api/bi/saving_years.csv"), ledger.authorization());
                double seconds = extract.totalNanos() / 1e9;
                long mib = 1 << 20;
                String heapUse = heap == null ? "peak heap not measured (" + heapProblem + ")"
                        : String.format(Locale.ROOT, "peak heap %d MiB of %d MiB", heap.peakUsed() / mib, heap.max() / mib);
                OptionalLong resident = instance.status("VmRSS");
                OptionalLong residentPeak = instance.status("VmHWM");
                String rss = resident.isPresent() && residentPeak.isPresent() ? String.format(Locale.ROOT,
                        "RSS %d MiB (peak %d MiB)", resident.getAsLong() / mib, residentPeak.getAsLong() / mib)
                        : "RSS not measured (no /proc)";
                Boolean met = extract.rows() >= 1_000_000 ? seconds <= 10 && heap != null && heap.peakUsed() <= 256 * mib : null;
                ledger.report().add(WORKLOAD, "GET /api/bi/saving_years.csv over HTTP, application heap -Xmx256m",
                        String.format(Locale.ROOT, "%,d rows, %,d bytes in %.2f s (first byte after %s); %s; %s", extract.rows(),
                                extract.bytes(), seconds, millis(extract.firstByteNanos() / 1e6), heapUse, rss),
                        "10⁶ rows ≤ 10 s under 256 MiB", met, String.format(Locale.ROOT, "%,.0f rows/s", extract.rows() / seconds));
            } finally {
                if (heap != null) {
                    heap.close();
                }
            }
        }
        ledger.log(String.format(Locale.ROOT, "BI export: done %.1f s after the instance was started", (System.nanoTime() - started) / 1e9));
        awaitReadModelSegments(Duration.ofMinutes(1));
        ledger.report().note("BI over HTTP: a second instance of the application, its query side (QuerySideApplication, from the"
                + " same jar or class path as the harness), runs in a JVM of its own with -Xmx256m (the JVM's default"
                + " collector) on the harness's PostgreSQL and MongoDB, started for this figure and stopped after it. The"
                + " harness's HTTP client sends it, as the administrator (HTTP Basic), GET /api/bi/saving_years.csv?programme= the"
                + " shared-service ledger's first programme (its first request, which pays for the instance's lazy start),"
                + " then GET /api/bi/saving_years.csv, timed, counting the body's bytes and CSV records (header excluded) as they"
                + " arrive, keeping nothing; first byte is the first byte of the body. Peak heap is the sum of the"
                + " heap pools' peak usage (MemoryPoolMXBean, read over JMX through the Attach API), reset just before the"
                + " request, so it counts garbage not yet collected; RSS is VmRSS after the request, and its peak VmHWM"
                + " (since the JVM started), from /proc/<pid>/status.");
    }

    /**
     * Waits until this ledger holds every read-model segment again: while a second instance ran, the
     * segment balancer may have handed it one, and that is back only once the instance has released it.
     */
    private void awaitReadModelSegments(Duration patience) throws InterruptedException {
        EventProcessingConfiguration processing = ledger.bean(EventProcessingConfiguration.class);
        TokenStore tokens = ledger.bean(TokenStore.class);
        long deadline = System.nanoTime() + patience.toNanos();
        while (QueryAxonConfig.READ_MODEL_PROCESSORS.stream().anyMatch(name -> processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().size() < tokens.fetchSegments(name).length).orElse(false))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read-model segments did not come back to this ledger within " + patience);
            }
            Thread.sleep(100);
        }
    }
}
