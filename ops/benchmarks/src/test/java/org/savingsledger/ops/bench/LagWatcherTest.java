package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lag figure stands only for commands that were reflected: one that never is must not vanish from
 * the figure (a read model minutes behind once printed a lag of 0.0 ms and met its target).
 */
class LagWatcherTest {

    @Test
    void commandsNeverReflectedAreCountedAndTheFigureDoesNotStand() throws InterruptedException {
        AtomicLong handledUpTo = new AtomicLong(0);
        LagWatcher watcher = new LagWatcher(index -> index <= handledUpTo.get(), Duration.ofSeconds(1));
        watcher.answered(1);
        watcher.answered(2);
        watcher.answered(3);
        handledUpTo.set(1);

        Latencies lag = watcher.drained();

        // index 1 reflected, 2 and 3 never
        assertThat(lag.count()).isEqualTo(1L);
        assertThat(watcher.unreflected()).isEqualTo(2L);
        assertThat(watcher.complete()).isFalse();
        assertThat(watcher.shortfall()).isEqualTo("; 2 commands not reflected 1 s after the load, left out of these figures, which do not stand");
    }

    @Test
    void withNothingRecordedTheFigureDoesNotStandEither() throws InterruptedException {
        LagWatcher watcher = new LagWatcher(index -> true, Duration.ofMillis(200));
        watcher.recording(false);
        watcher.answered(1);

        Latencies lag = watcher.drained();

        assertThat(lag.count()).isZero();
        assertThat(watcher.unreflected()).isZero();
        assertThat(watcher.complete()).isFalse();
    }

    @Test
    void everyCommandReflectedMakesACompleteFigureWithNothingAdded() throws InterruptedException {
        AtomicLong handledUpTo = new AtomicLong(0);
        LagWatcher watcher = new LagWatcher(index -> index <= handledUpTo.get(), Duration.ofSeconds(10));
        watcher.recording(false);
        watcher.answered(1);
        watcher.recording(true);
        watcher.answered(2);
        watcher.answered(3);
        handledUpTo.set(3);

        Latencies lag = watcher.drained();

        // the warm-up's command 1 is not recorded even though it is reflected after recording began
        assertThat(lag.count()).isEqualTo(2L);
        assertThat(watcher.unreflected()).isZero();
        assertThat(watcher.complete()).isTrue();
        assertThat(watcher.shortfall()).isEmpty();
    }
}
