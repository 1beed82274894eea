package org.savingsledger.ops.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big a benchmark run is. {@link #QUICK} is the documented default (under 10 minutes on a
 * 2-core machine), {@link #FULL} the bigger run, {@link #TINY} the harness's own test.
 *
 * @param bulk         the shared-service ledger loaded for replay and BI (its savings × years are
 *                     the {@code saving_years} rows)
 * @param history      changes per saving of the three single-programme ledgers behind the as-at
 *                     queries (40 savings each: 25 → about 10³ history events, 250 → 10⁴, 2500 → 10⁵)
 * @param window       how long each append level and the projection-lag load run
 * @param defaultsEvents how many events Axon's default processor settings are timed over
 * @param queries      as-at queries per programme and kind
 * @param javersLevels how many of the {@code history} levels the JaVers alternative is loaded with: two in the
 *                     quick and the full run (loading it with 10⁵ history events, one command at a time, would take
 *                     the full run an hour more on 2 cores)
 */
public record BenchSizes(String name, LedgerGenerator.Shape bulk, List<Integer> history, Duration window,
                         Duration warmup, long defaultsEvents, int queries, int javersLevels) {

    /** The same sizes with the shared-service ledger scaled to {@code organisations}. */
    public BenchSizes withOrganisations(int organisations) {
        LedgerGenerator.Shape shape = new LedgerGenerator.Shape(organisations, bulk.programmesPerOrganisation(),
                bulk.savingsPerProgramme(), bulk.years(), bulk.changesPerSaving(), bulk.reportsPerCommittee());
        return new BenchSizes(name, shape, history, window, warmup, defaultsEvents, queries, javersLevels);
    }

    /** Savings per programme of the as-at ledgers. */
    public static final int HISTORY_SAVINGS = 40;

    public static final BenchSizes TINY = new BenchSizes("tiny", new LedgerGenerator.Shape(3, 2, 10, 6, 5, 4),
            List.of(2, 5, 10), Duration.ofMillis(500), Duration.ofMillis(200), 200, 20, 2);

    /** About 2.2 × 10⁵ events in the shared-service ledger (and as many saving_years rows), 2 × 10⁵ as-at history. */
    public static final BenchSizes QUICK = new BenchSizes("quick", new LedgerGenerator.Shape(60, 5, 120, 6, 5, 4),
            List.of(25, 250, 2500), Duration.ofSeconds(8), Duration.ofSeconds(2), 20_000, 1000, 2);

    /** About 1.0 × 10⁶ events in the shared-service ledger and 1.0 × 10⁶ saving_years rows. */
    public static final BenchSizes FULL = new BenchSizes("full", new LedgerGenerator.Shape(280, 5, 120, 6, 5, 4),
            List.of(25, 250, 2500), Duration.ofSeconds(30), Duration.ofSeconds(5), 50_000, 1000, 2);
}
