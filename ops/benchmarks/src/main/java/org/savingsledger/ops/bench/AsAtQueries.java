package org.savingsledger.ops.bench;

import org.savingsledger.shared.ProgrammeId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.savingsledger.ops.bench.BenchReport.millis;
import static org.savingsledger.ops.bench.BenchReport.ratio;

/**
 * The as-at workload: programme summary, saving history and saving position as at an instant, over
 * the as-at ledgers {@link Seeding} loaded (growing histories), without and with an effectiveOn,
 * one question at a time from an HTTP client in the same process.
 */
record AsAtQueries(LedgerUnderTest ledger) {

    static final String WORKLOAD = "As-at queries";

    /** Questions measured per as-at figure whatever the budget. */
    static final int MINIMUM_AS_AT = 20;

    /** The most entries a page of a saving's history may hold. */
    private static final int HISTORY_PAGE = 500;

    /**
     * What the later workloads compare with or derive their load from.
     *
     * @param summaryAndHistory per history level, without effectiveOn: p50 and p99 of the programme summary, then of the saving history
     * @param singleReaderRate  reads a second of one closed-loop client on the as-at mix of the mid-size history level
     */
    record Figures(List<double[]> summaryAndHistory, double singleReaderRate) {
    }

    Figures run(List<ProgrammeId> programmes) throws Exception {
        BenchSizes sizes = ledger.sizes();
        BenchReport report = ledger.report();
        List<double[]> ourAsAt = new ArrayList<>();
        double singleReaderRate = 0;
        ledger.log("as-at queries over programmes with growing histories, without and with effectiveOn");
        double[] firstP99 = {-1, -1};
        for (int level = 0; level < programmes.size(); level++) {
            ProgrammeId programme = programmes.get(level);
            String label = String.format(Locale.ROOT, "%,d history events", Seeding.historyEvents(sizes.history().get(level)));
            int entries = sizes.history().get(level) + 1;
            for (boolean effectiveOn : new boolean[] {false, true}) {
                int variant = effectiveOn ? 1 : 0;
                ledger.log("as-at: " + label + (effectiveOn ? ", with effectiveOn" : ""));
                Latencies summaries = new Latencies();
                Latencies histories = new Latencies();
                Latencies positions = new Latencies();
                int warmup = sizes.queries() / 10;
                List<AsAtSamples.Sample> samples = AsAtSamples.of(sizes.queries() + warmup, BenchSizes.HISTORY_SAVINGS,
                        effectiveOn, 42 + level);
                long measuredNanos = 0;
                int asked = 0;
                // an early effectiveOn over a long history can rule out every checkpoint, and then each question folds
                // every fact (seconds at 10⁵ history events): the plan's questions are asked in order within a budget
                // (the warm-up, too, ends after a quarter of the budget: the earlier figures have warmed the same code)
                long began = System.nanoTime();
                long deadline = asAtBudget().isZero() ? Long.MAX_VALUE : began + asAtBudget().toNanos();
                long warmupEnd = asAtBudget().isZero() ? Long.MAX_VALUE : began + asAtBudget().toNanos() / 4;
                boolean measured = false;
                for (int i = 0; i < samples.size() && (asked < MINIMUM_AS_AT || System.nanoTime() < deadline); i++) {
                    measured = measured || i >= warmup || System.nanoTime() > warmupEnd;
                    AsAtSamples.Sample sample = samples.get(i);
                    String saving = programme.value() + "-s" + sample.saving();
                    long start = System.nanoTime();
                    ledger.timeGet("/api/programmes/" + programme + "?" + sample.query(), measured ? summaries : null);
                    // beyond a page's length, a page of it: after a version spread over the whole history
                    String page = entries <= HISTORY_PAGE ? ""
                            : "&limit=" + HISTORY_PAGE + "&after=" + (i * 997L) % entries;
                    ledger.timeGet("/api/savings/" + saving + "/history?" + sample.query() + page, measured ? histories : null);
                    ledger.timeGet("/api/savings/" + saving + "?" + sample.query(), measured ? positions : null);
                    if (measured) {
                        measuredNanos += System.nanoTime() - start;
                        asked++;
                    }
                }
                String questions = String.format(Locale.ROOT, "; %,d questions", asked);
                String with = effectiveOn ? " + effectiveOn" : "";
                if (!effectiveOn) {
                    ourAsAt.add(new double[] {summaries.p50(), summaries.p99(), histories.p50(), histories.p99()});
                    if (level == programmes.size() / 2) {
                        singleReaderRate = 3.0 * asked / (measuredNanos / 1e9);
                    }
                }
                boolean flat = firstP99[variant] < 0 || summaries.p99() <= 2 * firstP99[variant];
                String ratio = firstP99[variant] < 0 ? "" : ratio(summaries.p99() / firstP99[variant]) + " of the smallest";
                if (firstP99[variant] < 0) {
                    firstP99[variant] = summaries.p99();
                }
                report.add(WORKLOAD, "programme summary asAt" + with + ", " + label, "p50 " + millis(summaries.p50()) + ", p99 "
                        + millis(summaries.p99()) + questions, "p99 ≤ 20 ms, flat", summaries.p99() <= 20 && flat, ratio);
                // up to a page's length the whole history is asked; beyond, a page of it
                boolean whole = entries <= HISTORY_PAGE;
                report.add(WORKLOAD, "saving history asAt" + with + (whole ? " (" + entries + " entries at most), "
                                : " (a page of " + HISTORY_PAGE + " of " + entries + " entries at most), ") + label,
                        "p50 " + millis(histories.p50()) + ", p99 " + millis(histories.p99()) + questions, "p99 ≤ 20 ms",
                        histories.p99() <= 20, "");
                report.add(WORKLOAD, "saving position asAt" + with + ", " + label, "p50 " + millis(positions.p50()) + ", p99 "
                        + millis(positions.p99()) + questions, "p99 ≤ 10 ms", positions.p99() <= 10, "");
            }
        }
        report.note(String.format(Locale.ROOT, "As-at latencies are measured by an HTTP client in the same process (JSON "
                + "parsing excluded, connection kept alive), one request at a time: per ledger (one programme of %d "
                + "savings), %,d questions from AsAtSamples (asAt uniformly random over the six years the history covers, "
                + "the saving rotating over every saving of the programme), each asked as programme summary, saving history "
                + "and saving position, after %,d more that warm up and are not recorded. The \"+ effectiveOn\" figures ask the same kinds with an effectiveOn uniform between "
                + "the first recording and asAt, the worst case by docs/read-side.md (an early effectiveOn can rule out "
                + "every checkpoint); the same targets apply. The questions of each ledger and variant are asked in the "
                + "plan's order within a budget (" + (asAtBudget().isZero() ? "none at this size" : asAtBudget().toSeconds()
                + " s, warm-up included, the warm-up ending after a quarter of it") + "), and at least " + MINIMUM_AS_AT
                + " are measured: each value says how many were.", BenchSizes.HISTORY_SAVINGS, sizes.queries(),
                sizes.queries() / 10));
        report.note("The saving-history target is p99 ≤ 20 ms for up to " + HISTORY_PAGE + " entries, and for a page of "
                + HISTORY_PAGE + " entries of a longer history: GET /api/savings/{id}/history?limit=" + HISTORY_PAGE
                + "&after=v, with v the question's number × 997 modulo the saving's entries, so the pages asked start all "
                + "over the history (the entries visible at the question's asAt and effectiveOn after version v, at most "
                + HISTORY_PAGE + ").");
        return new Figures(ourAsAt, singleReaderRate);
    }

    /** How long one ledger's as-at questions of one variant may take: none in the tiny run, which asks few. */
    private Duration asAtBudget() {
        return switch (ledger.sizes().name()) {
            case "quick" -> Duration.ofSeconds(45);
            case "full" -> Duration.ofMinutes(5);
            default -> Duration.ZERO;
        };
    }
}
