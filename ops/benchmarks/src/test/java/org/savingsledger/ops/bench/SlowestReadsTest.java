package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlowestReadsTest {

    @Test
    void keepsTheSlowestReadsSlowestFirstWithWhenTheyWereDue() {
        SlowestReads slowest = new SlowestReads(3);
        long[] millis = {12, 250, 3, 40, 969, 8, 216, 15};
        for (int i = 0; i < millis.length; i++) {
            slowest.record(millis[i] * 1_000_000, (i + 60) * 1_000_000_000L, i % 2 == 0 ? "year" : "BI extract");
        }

        // of 12, 250, 3, 40, 969, 8, 216, 15 the three slowest: 969 (the 5th, due 64 s in), 250 (2nd, 61 s), 216 (7th, 66 s)
        assertThat(slowest.reads()).extracting(SlowestReads.Read::nanos)
                .containsExactly(969_000_000L, 250_000_000L, 216_000_000L);
        assertThat(slowest.text()).isEqualTo("969 ms (year, due 64.0 s in), 250 ms (BI extract, due 61.0 s in), "
                + "216 ms (year, due 66.0 s in)");
    }

    @Test
    void keepsFewerWhenFewerWereRecorded() {
        SlowestReads slowest = new SlowestReads(8);
        slowest.record(5_500_000, 1_500_000_000L, "saving position");

        assertThat(slowest.text()).isEqualTo("5.5 ms (saving position, due 1.5 s in)");
    }
}
