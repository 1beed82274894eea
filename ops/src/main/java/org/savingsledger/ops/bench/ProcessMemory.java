package org.savingsledger.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
