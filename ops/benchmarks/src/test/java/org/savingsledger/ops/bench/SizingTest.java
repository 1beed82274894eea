package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic behind the sizing figures, with expected values worked out by hand. */
class SizingTest {

    @Test
    void bytesPerMillionEventsScaleTheSizeByTheEventsStored() {
        // 50 MiB = 52,428,800 bytes for 250,000 events: 4 × that per 10⁶ = 209,715,200 bytes = 200 MiB
        assertThat(Sizing.perMillion(52_428_800, 250_000)).isEqualTo(209_715_200.0);
        assertThat(Sizing.mib(Sizing.perMillion(52_428_800, 250_000))).isEqualTo("200.0 MiB");
        // 1,500 bytes for 3 events = 500 bytes an event = 500,000,000 bytes per 10⁶ = 476.837… MiB
        assertThat(Sizing.perMillion(1_500, 3)).isEqualTo(500_000_000.0);
        assertThat(Sizing.mib(500_000_000)).isEqualTo("476.8 MiB");
        // more events than 10⁶: 3 GiB for 2,000,000 events is 1.5 GiB per 10⁶
        assertThat(Sizing.mib(Sizing.perMillion(3L << 30, 2_000_000))).isEqualTo("1,536.0 MiB");
    }

    @Test
    void aStoreWithoutEventsHasNoSizePerEvent() {
        assertThatThrownBy(() -> Sizing.perMillion(8192, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatIsNeitherTheTableNorItsIndexesIsToast() {
        PostgresSizes.TableSize events = new PostgresSizes.TableSize(1_000, 600, 300);
        PostgresSizes.TableSize directory = new PostgresSizes.TableSize(80, 40, 32);

        assertThat(events.toast()).isEqualTo(100);
        assertThat(events.plus(directory)).isEqualTo(new PostgresSizes.TableSize(1_080, 640, 332));
        assertThat(events.plus(directory).toast()).isEqualTo(108);
    }

    @Test
    void aRebuildsPeakIsTheLargestSampleBeforeDuringOrAfterIt() {
        assertThat(ReadModelSizes.Samples.of(List.of(5L, 9L, 7L), 4, 8)).isEqualTo(new ReadModelSizes.Samples(4, 9, 8));
        // a rebuild too quick to sample: the larger of before and after
        assertThat(ReadModelSizes.Samples.of(List.of(), 4, 8)).isEqualTo(new ReadModelSizes.Samples(4, 8, 8));
        assertThat(ReadModelSizes.Samples.of(List.of(3L), 6, 5)).isEqualTo(new ReadModelSizes.Samples(6, 6, 5));
    }

    @Test
    void theFilesUnderADirectoryAddUpAtEveryDepth(@TempDir Path directory) throws Exception {
        Files.write(directory.resolve("read-models.mv"), new byte[2_000]);
        Files.createDirectories(directory.resolve("postgres/pg_wal"));
        Files.write(directory.resolve("postgres/pg_wal/000000010000000000000001"), new byte[10]);
        Files.write(directory.resolve("postgres/PG_VERSION"), new byte[3]);

        assertThat(DataDirectory.bytesUnder(directory)).isEqualTo(2_013);
    }

    @Test
    void residentMemoryIsReadFromProcStatusInKibibytes() {
        String status = """
                Name:\tjava
                VmPeak:\t 9000000 kB
                VmHWM:\t    2048 kB
                VmRSS:\t    1024 kB
                RssAnon:\t     512 kB
                Threads:\t42
                """;

        // 1,024 KiB = 1,048,576 bytes; 2,048 KiB = 2,097,152 bytes
        assertThat(ProcessMemory.parse(status)).contains(new ProcessMemory(1_048_576, 2_097_152));
        assertThat(ProcessMemory.parse("Name:\tjava\nRssAnon:\t512 kB\n")).isEmpty();
    }

    @Test
    void aSizeIsTimedUntilItHasItsSamplesOrHasSpentItsBudgetAfterThreeAtLeast() {
        Duration budget = Duration.ofSeconds(10);

        assertThat(GrowthQueries.enough(0, Duration.ZERO, 200, budget)).isFalse();
        assertThat(GrowthQueries.enough(199, Duration.ofSeconds(9), 200, budget)).isFalse();
        assertThat(GrowthQueries.enough(200, Duration.ofSeconds(1), 200, budget)).isTrue();
        // over budget, but fewer than three: on
        assertThat(GrowthQueries.enough(2, Duration.ofSeconds(30), 200, budget)).isFalse();
        assertThat(GrowthQueries.enough(3, Duration.ofMillis(9_999), 200, budget)).isFalse();
        assertThat(GrowthQueries.enough(3, budget, 200, budget)).isTrue();
        // the tiny run's five samples come first
        assertThat(GrowthQueries.enough(5, Duration.ofMillis(50), 5, GrowthQueries.budget(BenchSizes.TINY))).isTrue();
    }

    @Test
    void residentMemoryIsReadUntilItStopsFalling() throws Exception {
        // what a JVM showed after System.gc(): 1,766 MiB, then 331, 90, 90 as G1 returned the shrunk heap
        Iterator<Long> mebibytes = List.of(1_766L, 331L, 90L, 90L, 12L).iterator();
        List<Long> reads = new ArrayList<>();
        Optional<ProcessMemory> settled = ProcessMemory.settled(() -> {
            long bytes = mebibytes.next() << 20;
            reads.add(bytes);
            return Optional.of(new ProcessMemory(bytes, 1_800L << 20));
        }, Duration.ZERO, Duration.ofMinutes(1));

        assertThat(settled).contains(new ProcessMemory(90L << 20, 1_800L << 20));
        assertThat(reads).hasSize(4);
        // without /proc there is nothing to wait for
        assertThat(ProcessMemory.settled(Optional::empty, Duration.ofMinutes(1), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void proportionalMemoryAndParentsAreReadFromProc() {
        String rollup = """
                56124dafd000-7fffd6335000 ---p 00000000 00:00 0                          [rollup]
                Rss:                1700 kB
                Pss:                 240 kB
                Pss_Dirty:           116 kB
                """;
        // 240 KiB = 245,760 bytes; Pss_Dirty is another line
        assertThat(ProcessMemory.pss(rollup)).hasValue(245_760);
        assertThat(ProcessMemory.pss("Rss: 1700 kB\n")).isEmpty();
        assertThat(ProcessMemory.parentOf("7755 (cat) R 7751 7751 15059 0 -1 4194304 123 0 0")).isEqualTo(7751);
        // a command name with a space and a parenthesis
        assertThat(ProcessMemory.parentOf("812 (postgres: a) b) S 799 799 799 0 -1")).isEqualTo(799);
    }

    @Test
    void thisProcessIsInItsOwnTree() {
        long self = ProcessHandle.current().pid();
        if (Files.isDirectory(Path.of("/proc"))) {
            assertThat(ProcessMemory.processTree(self)).startsWith(self);
            assertThat(ProcessMemory.proportionalBytes(self)).isPresent();
        }
    }

    @Test
    void theTinyRunGrowsLessThanTheDocumentedOnes() {
        assertThat(GrowthQueries.samples(BenchSizes.TINY)).isEqualTo(5);
        assertThat(GrowthQueries.samples(BenchSizes.QUICK)).isEqualTo(200).isEqualTo(GrowthQueries.samples(BenchSizes.FULL));
        assertThat(GrowthQueries.budget(BenchSizes.QUICK)).isEqualTo(Duration.ofSeconds(10));
        assertThat(GrowthQueries.budget(BenchSizes.FULL)).isEqualTo(Duration.ofSeconds(60));
        assertThat(GrowthQueries.savingsLevels(BenchSizes.TINY)).containsExactly(10, 100);
        assertThat(GrowthQueries.programmeLevels(BenchSizes.TINY)).containsExactly(10, 30);
        assertThat(GrowthQueries.savingsLevels(BenchSizes.QUICK)).containsExactly(10, 100, 1000).isEqualTo(GrowthQueries.savingsLevels(BenchSizes.FULL));
        assertThat(GrowthQueries.programmeLevels(BenchSizes.QUICK)).containsExactly(10, 100, 1000);
    }
}
