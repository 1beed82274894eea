package org.savingsledger.ops.bench;

import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.organisation.OrganisationRegistered;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.shared.OrganisationId;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.savingsledger.ops.bench.BenchReport.millis;
import static org.savingsledger.ops.bench.BenchReport.ratio;

/**
 * The growth figures of {@link Sizing}: how the programme list, the year position and a programme
 * summary grow with savings per programme and with programmes per organisation, each size a fresh
 * organisation loaded last so that it does not change the other figures' ledger.
 */
record GrowthQueries(LedgerUnderTest ledger) {

    /** A year every generated ledger plans in (LedgerGenerator: 2020-21 to 2025-26). */
    static final String YEAR = "2022-23";
    /** Savings per programme of the organisations that grow in programmes; changes per saving of every growth ledger. */
    static final int SAVINGS_OF_MANY = 4;
    static final int CHANGES = 2;
    /** Timed requests per query and level at least, whatever they cost. */
    static final int MIN_SAMPLES = 3;

    /** Savings per programme of the organisations with one programme each, by run size. */
    static List<Integer> savingsLevels(BenchSizes sizes) {
        return "tiny".equals(sizes.name()) ? List.of(10, 100) : List.of(10, 100, 1000);
    }

    /** Programmes per organisation (of {@link #SAVINGS_OF_MANY} savings each), by run size. */
    static List<Integer> programmeLevels(BenchSizes sizes) {
        return "tiny".equals(sizes.name()) ? List.of(10, 30) : List.of(10, 100, 1000);
    }

    /** Timed requests per query and level at most, after a tenth as many untimed ones. */
    static int samples(BenchSizes sizes) {
        return "tiny".equals(sizes.name()) ? 5 : 200;
    }

    /**
     * Time one level's requests (all three queries) may take before it stops short of {@link #samples},
     * after {@link #MIN_SAMPLES}: a list of 1,000 programmes takes seconds on 2 cores, and 200 of them
     * would be most of the quick run.
     */
    static Duration budget(BenchSizes sizes) {
        return "quick".equals(sizes.name()) ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
    }

    /** Whether a level stops timing after {@code done} rounds that took {@code spent}. */
    static boolean enough(int done, Duration spent, int samples, Duration budget) {
        return done >= samples || done >= MIN_SAMPLES && spent.compareTo(budget) >= 0;
    }

    /** One growth ledger: its organisation, its first programme and how many programmes it has. */
    record Grown(String label, String organisation, String programme, int programmes) {
    }

    void run() throws Exception {
        BenchSizes sizes = ledger.sizes();
        ledger.log("sizing: programme list, year position and programme summary as savings and programmes grow");
        List<Grown> bySavings = new ArrayList<>();
        List<Grown> byProgrammes = new ArrayList<>();
        int ledgers = 0;
        for (int savings : savingsLevels(sizes)) {
            bySavings.add(load(new LedgerGenerator.Shape(1, 1, savings, 6, CHANGES, 4), ledgers++,
                    String.format(Locale.ROOT, "1 programme of %,d savings", savings)));
        }
        for (int programmes : programmeLevels(sizes)) {
            byProgrammes.add(load(new LedgerGenerator.Shape(1, programmes, SAVINGS_OF_MANY, 6, CHANGES, 4), ledgers++,
                    String.format(Locale.ROOT, "%,d programmes of %d savings", programmes, SAVINGS_OF_MANY)));
        }
        ledger.awaitReadModels(ledger.headIndex(), Duration.ofMinutes(10));
        // the programme read model, not the API: the views filter by the caller's organisations, and here is no caller
        ReadModelGenerations generations = ledger.bean(ReadModelGenerations.class);
        HistoryStore programmes = generations.store(StreamKind.PROGRAMME, generations.state(StreamKind.PROGRAMME).active());
        List<Grown> all = new ArrayList<>(bySavings);
        all.addAll(byProgrammes);
        for (Grown grown : all) {
            int listed = programmes.heads(StreamKind.PROGRAMME, grown.organisation()).size();
            if (listed != grown.programmes()) {
                throw new IllegalStateException("organisation " + grown.organisation() + " lists " + listed + " programmes, not "
                        + grown.programmes());
            }
        }
        timeLevels(bySavings, false);
        timeLevels(byProgrammes, true);
    }

    private void timeLevels(List<Grown> levels, boolean manyProgrammes) throws Exception {
        BenchSizes sizes = ledger.sizes();
        double[] smallest = null;
        for (int level = 0; level < levels.size(); level++) {
            Grown grown = levels.get(level);
            Latencies list = new Latencies();
            Latencies year = new Latencies();
            Latencies summary = new Latencies();
            // warm-up: a tenth of the samples, within a tenth of the budget (one round at least)
            Duration budget = budget(sizes);
            long began = System.nanoTime();
            for (int i = 0; i < Math.max(1, samples(sizes) / 10); i++) {
                if (i > 0 && System.nanoTime() - began >= budget.toNanos() / 10) {
                    break;
                }
                round(grown, null, null, null);
            }
            began = System.nanoTime();
            int done = 0;
            while (!enough(done, Duration.ofNanos(System.nanoTime() - began), samples(sizes), budget)) {
                round(grown, list, year, summary);
                done++;
            }
            double[] p99 = {list.p99(), year.p99(), summary.p99()};
            if (smallest == null) {
                smallest = p99;
            }
            BenchReport report = ledger.report();
            report.add(Sizing.SIZING, "GET /api/programmes?organisation=…, " + grown.label(), latencies(list, done), "", null,
                    level == 0 ? "" : ratio(p99[0] / smallest[0]) + " of the smallest");
            report.add(Sizing.SIZING, "GET /api/years/" + YEAR + "?organisation=…, " + grown.label(), latencies(year, done), "", null,
                    level == 0 ? "" : ratio(p99[1] / smallest[1]) + " of the smallest");
            report.add(Sizing.SIZING, "GET /api/programmes/{id}, " + (manyProgrammes ? "one of " : "") + grown.label(),
                    latencies(summary, done), "", null, level == 0 ? "" : ratio(p99[2] / smallest[2]) + " of the smallest");
        }
    }

    /** One request of each query, in turn; timed into the given latencies (untimed when they are null). */
    private void round(Grown grown, Latencies list, Latencies year, Latencies summary) throws Exception {
        ledger.timeGet("/api/programmes?organisation=" + grown.organisation(), list);
        ledger.timeGet("/api/years/" + YEAR + "?organisation=" + grown.organisation(), year);
        ledger.timeGet("/api/programmes/" + grown.programme(), summary);
    }

    private static String latencies(Latencies latencies, int samples) {
        return "p50 " + millis(latencies.p50()) + ", p99 " + millis(latencies.p99()) + " (" + samples + " samples)";
    }

    /**
     * Loads a generated ledger as the seed workload does, but in an organisation of its own: the
     * generator names its organisations council-000 on, which the shared-service ledger uses too, so
     * the organisation of its programme and committee is renamed.
     */
    private Grown load(LedgerGenerator.Shape shape, int index, String label) {
        long seed = ledger.seeds().growth(index);
        String organisation = "sizing-" + index + "-" + Long.toString(seed, 36);
        String[] first = {null};
        ledger.load(new LedgerGenerator(shape, seed), payload -> renamed(payload, organisation, first));
        return new Grown(label, organisation, first[0], shape.programmesPerOrganisation());
    }

    /** The event in {@code organisation}; the first programme launched goes into {@code first[0]}. */
    private static LedgerEvent renamed(LedgerEvent payload, String organisation, String[] first) {
        if (payload instanceof ProgrammeLaunched launched) {
            if (first[0] == null) {
                first[0] = launched.programmeId().value();
            }
            return new ProgrammeLaunched(launched.programmeId(), organisation, launched.name(), launched.description(),
                    launched.savingsTarget(), launched.firstYear(), launched.lastYear(), launched.provenance());
        }
        if (payload instanceof OrganisationRegistered registered) {
            return new OrganisationRegistered(OrganisationId.of(organisation), registered.name(), registered.gssCode(),
                    registered.provenance());
        }
        if (payload instanceof CommitteeEstablished established) {
            return new CommitteeEstablished(established.committeeId(), organisation, established.name(),
                    established.provenance());
        }
        return payload;
    }
}
