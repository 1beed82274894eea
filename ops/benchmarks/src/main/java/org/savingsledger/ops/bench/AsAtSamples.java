package org.savingsledger.ops.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The as-at questions every reader of the as-at ledgers asks, the same for the ledger and for the
 * alternative it is compared with: {@code asAt} uniform over the six years the generated histories
 * were recorded in, rotating over every saving of the programme, and — for the {@code effectiveOn}
 * cases — an effective date uniform between the first recorded change and {@code asAt}. An early
 * {@code effectiveOn} with a late {@code asAt} is the expensive case (docs/read-side.md: it can rule
 * out the checkpoints, so the fold reads the facts recorded in between).
 */
public final class AsAtSamples {

    /** One question: the saving is an index into the programme's savings (0 to savings − 1). */
    public record Sample(Instant asAt, int saving, LocalDate effectiveOn) {

        /** The query string of this question, e.g. {@code asAt=2021-05-03T10:15:30Z&effectiveOn=2020-09-01}. */
        public String query() {
            return "asAt=" + asAt + (effectiveOn == null ? "" : "&effectiveOn=" + effectiveOn);
        }
    }

    /**
     * When the generated histories begin and end being recorded ({@link LedgerGenerator}: 2020-03-01 to 2026-03-31):
     * an {@code asAt} is after the first day's 09:00 UTC, by when every saving was proposed (an earlier one is a 404
     * for a saving not yet recorded), and effective dates start on the first day.
     */
    static final Instant FROM = Instant.parse("2020-03-01T10:00:00Z");
    static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    private AsAtSamples() {
    }

    /**
     * {@code count} questions from {@code seed}: saving {@code i % savings} for the i-th, so every
     * saving is asked about about equally often; with {@code effectiveOn} or without.
     */
    public static List<Sample> of(int count, int savings, boolean effectiveOn, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>(count);
        long span = TO.toEpochMilli() - FROM.toEpochMilli();
        for (int i = 0; i < count; i++) {
            Instant asAt = FROM.plusMillis((long) (random.nextDouble() * span));
            LocalDate effective = null;
            if (effectiveOn) {
                long first = FROM.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
                long last = asAt.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
                effective = LocalDate.ofEpochDay(first + (long) (random.nextDouble() * (last - first + 1)));
            }
            samples.add(new Sample(asAt, i % savings, effective));
        }
        return List.copyOf(samples);
    }
}
