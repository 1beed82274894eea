package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-loop arithmetic against a fake clock and a fake server whose answers take given times. */
class OpenLoopTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A clock that only moves when the reader waits or the fake server answers. */
    private static final class FakeServer implements OpenLoop.Clock, OpenLoop.Request {
        long now;
        final long[] serviceMillis;
        final List<Long> sentAt = new ArrayList<>();
        int served;
        int failOn = -1;

        FakeServer(long now, long... serviceMillis) {
            this.now = now;
            this.serviceMillis = serviceMillis;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long nanos) {
            now = Math.max(now, nanos);
        }

        @Override
        public void send(int index) {
            sentAt.add(now / MS);
            now += serviceMillis[served++] * MS;
            if (index == failOn) {
                throw new IllegalStateException("answered 500");
            }
        }
    }

    private static final class Recorded implements OpenLoop.Outcome {
        final List<String> outcomes = new ArrayList<>();

        @Override
        public void answered(int index, long nanosFromIntendedSend) {
            outcomes.add(index + ":" + nanosFromIntendedSend / MS);
        }

        @Override
        public void failed(int index, Exception failure) {
            outcomes.add(index + ":" + failure.getMessage());
        }
    }

    @Test
    void aLateAnswerDelaysTheNextRequestsAndTheirLatencyIncludesTheWait() throws Exception {
        // due at 1000, 1100, 1200, 1300, 1400 ms; the first answer takes 250 ms, the rest 10 ms
        FakeServer server = new FakeServer(1000 * MS, 250, 10, 10, 10, 10);
        Recorded recorded = new Recorded();

        OpenLoop.read(server, 1000 * MS, 100 * MS, 0, 1, 5, server, recorded);

        // sent at 1000 (answered 1250), 1250 (late by 150, answered 1260), 1260 (late by 60, answered 1270),
        // then on time at 1300 and 1400: a closed loop would have reported 250, 10, 10, 10, 10
        assertThat(server.sentAt).containsExactly(1000L, 1250L, 1260L, 1300L, 1400L);
        assertThat(recorded.outcomes).containsExactly("0:250", "1:160", "2:70", "3:10", "4:10");
    }

    @Test
    void aReaderSendsItsShareOfThePlanAtThePlansTimes() throws Exception {
        // reader 1 of 2: requests 1, 3, 5 of six, due at 100, 300, 500 ms after the start at 0
        FakeServer server = new FakeServer(0, 350, 10, 10);
        Recorded recorded = new Recorded();

        OpenLoop.read(server, 0, 100 * MS, 1, 2, 6, server, recorded);

        // 1 sent at 100, answered 450; 3 due at 300, sent 450, answered 460; 5 on time at 500
        assertThat(server.sentAt).containsExactly(100L, 450L, 500L);
        assertThat(recorded.outcomes).containsExactly("1:350", "3:160", "5:10");
        assertThat(OpenLoop.intended(0, 100 * MS, 5)).isEqualTo(500 * MS);
    }

    @Test
    void aFailureIsReportedAndTheScheduleGoesOn() throws Exception {
        FakeServer server = new FakeServer(0, 10, 10, 10);
        server.failOn = 1;
        Recorded recorded = new Recorded();

        OpenLoop.read(server, 0, 100 * MS, 0, 1, 3, server, recorded);

        assertThat(server.sentAt).containsExactly(0L, 100L, 200L);
        assertThat(recorded.outcomes).containsExactly("0:10", "1:answered 500", "2:10");
    }
}
