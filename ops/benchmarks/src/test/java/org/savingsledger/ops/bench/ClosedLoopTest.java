package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The closed loop behind the append figures, and the seeds every generated ledger of a run comes from. */
class ClosedLoopTest {

    @Test
    void everyWorkerRunsItsTaskBackToBackAndOnlyTheWindowIsRecorded() throws Exception {
        Set<Integer> workers = ConcurrentHashMap.newKeySet();
        ClosedLoop.Measured measured = ClosedLoop.run(3, Duration.ofMillis(50), Duration.ofMillis(200), worker -> {
            workers.add(worker);
            // a task of known length (at least 5 ms), spent working rather than sleeping
            long end = System.nanoTime() + 5_000_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        });

        assertThat(workers).containsExactlyInAnyOrder(0, 1, 2);
        // 3 workers, each a task in a little over 5 ms: at most 600 a second
        assertThat(measured.rate()).isPositive().isLessThanOrEqualTo(600.0);
        assertThat(measured.latencies().count()).isPositive();
        assertThat(measured.latencies().p50()).isGreaterThanOrEqualTo(5.0);
    }

    @Test
    void eachLedgerOfARunHasASeedOfItsOwnFromTheBase() {
        Seeds seeds = new Seeds(0);
        // the as-at programmes are named after these seeds (council-000-p0-<seed in base 36>)
        assertThat(seeds.bulk()).isEqualTo(7);
        assertThat(seeds.history(0)).isEqualTo(1000);
        assertThat(seeds.history(2)).isEqualTo(1002);
        assertThat(seeds.growth(1)).isEqualTo(9401);
        assertThat(new Seeds(50_000).history(1)).isEqualTo(51_001);
    }
}
