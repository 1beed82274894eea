package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoreActivityTest {

    @Test
    void listsWhatTheStoreDidInOrderWithWhenItWasSeen() {
        List<StoreActivity.Seen> seen = List.of(
                new StoreActivity.Seen(31_000_000_000L, "a checkpoint (begun 28 s before)"),
                new StoreActivity.Seen(101_560_000_000L, "an autovacuum of domain_event_entry"));

        // 31 s and 101.56 s into the load, to a tenth of a second
        assertThat(StoreActivity.text(seen)).isEqualTo("a checkpoint (begun 28 s before) seen 31.0 s in, "
                + "an autovacuum of domain_event_entry seen 101.6 s in");
    }

    @Test
    void saysNothingWhenTheStoreDidNothing() {
        assertThat(StoreActivity.text(List.of())).isEqualTo("nothing");
    }
}
