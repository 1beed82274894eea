package org.savingsledger.ops.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: {@code VmRSS}
 * (resident now) and {@code VmHWM} (the most it has been resident, its high-water mark), in bytes.
 */
record ProcessMemory(long residentBytes, long peakResidentBytes) {

    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB\\s*$");
    private static final Pattern HWM = Pattern.compile("(?m)^VmHWM:\\s+(\\d+)\\s+kB\\s*$");

    /** Read from {@code /proc/self/status}; empty on a system without it (or without these lines). */
    static Optional<ProcessMemory> ofThisProcess() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Optional.empty();
        }
        try {
            return parse(Files.readString(status));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static final Pattern PSS = Pattern.compile("(?m)^Pss:\\s+(\\d+)\\s+kB\\s*$");

    /**
     * The proportional set size of process {@code pid} in bytes ({@code Pss} of {@code /proc/<pid>/smaps_rollup}):
     * its resident memory with each shared page divided among the processes that share it, so the
     * sizes of PostgreSQL's processes add up without counting its shared buffers once per process.
     */
    static OptionalLong proportionalBytes(long pid) {
        try {
            return pss(Files.readString(Path.of("/proc", Long.toString(pid), "smaps_rollup")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code Pss} line of a {@code smaps_rollup} text, in bytes. */
    static OptionalLong pss(String smapsRollup) {
        Matcher pss = PSS.matcher(smapsRollup);
        return pss.find() ? OptionalLong.of(Long.parseLong(pss.group(1)) * 1024) : OptionalLong.empty();
    }

    /**
     * The parent's pid in a {@code /proc/<pid>/stat} line ({@code pid (comm) state ppid …}); the
     * command name may hold spaces and parentheses, so the fields are counted after its last ')'.
     */
    static long parentOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[1]);
    }

    /** {@code pid} and every process below it, by the parents in {@code /proc/<pid>/stat}; empty without /proc. */
    static List<Long> processTree(long pid) {
        Map<Long, List<Long>> children = new HashMap<>();
        File[] entries = new File("/proc").listFiles((directory, name) -> name.chars().allMatch(Character::isDigit));
        if (entries == null) {
            return List.of();
        }
        for (File entry : entries) {
            try {
                long child = Long.parseLong(entry.getName());
                children.computeIfAbsent(parentOf(Files.readString(entry.toPath().resolve("stat"))), p -> new ArrayList<>()).add(child);
            } catch (IOException | RuntimeException e) {
                // the process ended while /proc was read
            }
        }
        List<Long> tree = new ArrayList<>();
        Deque<Long> next = new ArrayDeque<>(List.of(pid));
        while (!next.isEmpty()) {
            long process = next.pop();
            tree.add(process);
            next.addAll(children.getOrDefault(process, List.of()));
        }
        return tree;
    }

    /**
     * Reads {@code read} every {@code interval} until the resident memory stops falling (by less than
     * 1 MiB between two reads) or {@code patience} has passed: after a collection shrinks the heap,
     * G1 hands the memory back to the operating system concurrently, over the next few hundred
     * milliseconds, so a read straight after {@code System.gc()} still counts it.
     */
    static Optional<ProcessMemory> settled(Supplier<Optional<ProcessMemory>> read, Duration interval, Duration patience)
            throws InterruptedException {
        Optional<ProcessMemory> last = read.get();
        long deadline = System.nanoTime() + patience.toNanos();
        while (last.isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(interval.toMillis());
            Optional<ProcessMemory> next = read.get();
            if (next.isEmpty() || last.get().residentBytes() - next.get().residentBytes() < (1 << 20)) {
                return next.isPresent() ? next : last;
            }
            last = next;
        }
        return last;
    }

    /** The two lines of a {@code /proc/<pid>/status} text; the kernel's "kB" are KiB (1,024 bytes). */
    static Optional<ProcessMemory> parse(String status) {
        Matcher rss = RSS.matcher(status);
        Matcher hwm = HWM.matcher(status);
        if (!rss.find() || !hwm.find()) {
            return Optional.empty();
        }
        return Optional.of(new ProcessMemory(Long.parseLong(rss.group(1)) * 1024, Long.parseLong(hwm.group(1)) * 1024));
    }
}
