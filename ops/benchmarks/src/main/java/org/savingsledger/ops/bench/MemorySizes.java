package org.savingsledger.ops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.savingsledger.ops.bench.Sizing.events;
import static org.savingsledger.ops.bench.Sizing.mib;

/**
 * The sizing figures of memory with the run's ledger stored: the all-in-one's heap after a full
 * collection, its JVM's RSS, and the embedded PostgreSQL's processes ({@link ProcessMemory}).
 */
record MemorySizes(LedgerUnderTest ledger, DataDirectory directory) {

    void run(long events) throws InterruptedException {
        System.gc();
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Optional<ProcessMemory> process = ProcessMemory.settled(ProcessMemory::ofThisProcess, Duration.ofMillis(250),
                Duration.ofSeconds(10));
        BenchReport report = ledger.report();
        report.add(Sizing.SIZING, "heap of the all-in-one with the run's ledger stored (after System.gc())",
                "used " + mib(heap.getUsed()) + ", committed " + mib(heap.getCommitted()) + ", max "
                        + (heap.getMax() < 0 ? "undefined" : mib(heap.getMax())) + "; " + events(events) + " stored");
        report.add(Sizing.SIZING, "RSS of the all-in-one's JVM with the run's ledger stored (VmRSS, peak VmHWM)",
                process.map(memory -> "RSS " + mib(memory.residentBytes()) + ", peak " + mib(memory.peakResidentBytes()))
                        .orElse("n/a (no /proc/self/status)") + "; " + events(events) + " stored");
        report.add(Sizing.SIZING, "memory of the embedded PostgreSQL's processes with the run's ledger stored (sum of Pss)",
                postgresMemory() + "; " + events(events) + " stored");
    }

    /** The postmaster's and its children's proportional set sizes; the postmaster's pid is the first line of postmaster.pid. */
    private String postgresMemory() {
        Optional<Path> pidFile = directory.path().map(data -> data.resolve("postgres").resolve("postmaster.pid"))
                .filter(Files::isReadable);
        if (!ledger.context().getEnvironment().getProperty("spring.datasource.url", "").isBlank() || pidFile.isEmpty()) {
            return "n/a (no embedded PostgreSQL)";
        }
        try {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile.get()).get(0).trim());
            List<Long> processes = ProcessMemory.processTree(postmaster);
            long bytes = 0;
            int counted = 0;
            for (long process : processes) {
                OptionalLong pss = ProcessMemory.proportionalBytes(process);
                if (pss.isPresent()) {
                    bytes += pss.getAsLong();
                    counted++;
                }
            }
            return counted == 0 ? "n/a (no /proc/<pid>/smaps_rollup)" : "Pss " + mib(bytes) + " over " + counted + " processes";
        } catch (IOException | RuntimeException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }
}
