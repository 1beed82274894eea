package org.savingsledger.ops.bench;

/**
 * The generator seeds of every ledger one run loads, derived from one base: a second run into the
 * same stores (a test rerun) with another base generates other ids, and each ledger's seed is
 * written down once.
 */
record Seeds(long base) {

    /** The shared-service ledger (replay, BI). */
    long bulk() {
        return base + 7;
    }

    /** The single-programme ledger of as-at history level {@code level}. */
    long history(int level) {
        return base + 1000 + level;
    }

    /** The programme whose web pages are timed. */
    long pages() {
        return base + 2000;
    }

    /** The {@code ledger}th growth ledger of the sizing figures. */
    long growth(int ledger) {
        return base + 9400 + ledger;
    }
}
