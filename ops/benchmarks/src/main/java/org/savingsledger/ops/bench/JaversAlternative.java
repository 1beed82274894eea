package org.savingsledger.ops.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.javers.core.Changes;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;

import static org.savingsledger.ops.bench.BenchReport.millis;
import static org.savingsledger.ops.bench.BenchReport.rate;
import static org.savingsledger.ops.bench.BenchReport.ratio;

/**
 * The ledger beside what a team would otherwise build ({@link JaversAudit}), on two repositories:
 * JaVers' MongoDB repository on the server of the ledger's read models, and its SQL repository on
 * the PostgreSQL of the ledger's event store. Each is loaded with the same generated ledgers as the
 * as-at benchmark, must agree with the ledger's programme totals, and is asked the same as-at
 * questions ({@link AsAtSamples}, same seed, count and warm-up) as the ledger.
 */
final class JaversAlternative {

    /** A second instant the totals are compared at, so the fold as at an instant is checked, not only the latest. */
    static final Instant CHECKED_AS_AT = Instant.parse("2023-01-01T00:00:00Z");

    static final String WORKLOAD = "The alternative: current state + JaVers";

    private final LedgerUnderTest ledger;
    private final BenchSizes sizes;
    private final BenchReport report;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    JaversAlternative(LedgerUnderTest ledger) {
        this.ledger = ledger;
        this.sizes = ledger.sizes();
        this.report = ledger.report();
    }

    /**
     * @param ourGateway sends one command through the ledger's command gateway and waits for it
     * @param ourAsAt    the ledger's as-at figures per history level (summary p50, p99, history p50, p99)
     * @param seeds      the generator's seed of each history level
     */
    void run(Consumer<Object> ourGateway, List<double[]> ourAsAt, IntToLongFunction seeds) throws Exception {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        List<JaversAudit> audits = new ArrayList<>();
        List<JaversBackend> backends = List.of(new JaversOnMongo(ledger.bean(MongoClient.class), run),
                new JaversOnPostgres(ledger.bean(DataSource.class), run));
        try {
            for (JaversBackend backend : backends) {
                audits.add(new JaversAudit(backend));
            }
            int levels = Math.min(sizes.javersLevels(), sizes.history().size());
            for (int level = 0; level < levels; level++) {
                level(level, audits, ourGateway, level < ourAsAt.size() ? ourAsAt.get(level) : null, seeds.applyAsLong(level));
            }
        } finally {
            backends.forEach(JaversBackend::close);
        }
        report.note("The alternative keeps the current state of programmes, savings and committees (read, change, replace) "
                + "and commits every object a change touches to JaVers at the change's recording instant: a proposed saving "
                + "commits the saving and its programme (whose list of savings grew). It runs twice, on JaVers' MongoDB "
                + "repository with the current state as documents beside it (the read models' server) and on its SQL "
                + "repository with the current state as JSON rows beside it (the event store's PostgreSQL, a schema of "
                + "its own dropped afterwards, one transaction per command), each loaded with the same generated ledgers "
                + "as the as-at benchmark, one command at a time. Its programme summary as at an instant is folded from "
                + "snapshots: the programme's latest snapshot up to then names its savings, and each saving's latest "
                + "snapshot up to then adds its money per year; its saving history is every JaVers change of the saving "
                + "up to then (no limit; the count is checked against the changes recorded). After each load its programme "
                + "totals per year, now and as at " + CHECKED_AS_AT + ", must equal the ledger's (GET /api/programmes/{id}) "
                + "to the penny, or the run fails. The questions are the ledger's own as-at samples (same seed, same count, "
                + "the same first tenth as warm-up, every saving in turn, no effectiveOn; in the quick run they are asked in order "
                + "for at most " + QUICK_QUERY_BUDGET.toSeconds() + " s per level and repository, warm-up included, and at least "
                + "the warm-up and " + MINIMUM_SAMPLES + " more: the value says how many were measured); their ratios are JaVers ÷ ledger (above 1×: "
                + "JaVers is slower), the load's is ledger ÷ JaVers (above 1×: the ledger is faster). The "
                + "JaVers queries run in-process without HTTP, while the ledger's include its HTTP API and JSON: the "
                + "comparison favours JaVers. On the embedded MongoDB server (mongo-java-server) JaVers' queries scan its "
                + "collections where a real MongoDB would use JaVers' indexes; on PostgreSQL JaVers creates its tables' "
                + "indexes and the queries can use them. The load rate is beside the ledger's command gateway (1 thread) taking the "
                + "same ledger's commands (under other ids) just before.");
    }

    /** How long the quick run asks JaVers the as-at questions of one level, per repository (after the warm-up). */
    static final Duration QUICK_QUERY_BUDGET = Duration.ofSeconds(45);
    /** Questions asked whatever the budget. */
    static final int MINIMUM_SAMPLES = 100;

    private void level(int level, List<JaversAudit> audits, Consumer<Object> ourGateway, double[] ours, long seed) throws Exception {
        LedgerGenerator.Shape shape = Seeding.historyShape(sizes.history().get(level));
        String label = String.format(Locale.ROOT, "%,d changes", shape.events());
        List<LedgerGenerator.SeedEvent> events = new ArrayList<>();
        new LedgerGenerator(shape, seed).events(events::add);
        // when each saving's changes were recorded, to know how long its history as at an instant is
        Map<String, List<Instant>> recorded = new HashMap<>();
        events.stream().filter(event -> event.aggregateType().equals("Saving"))
                .forEach(event -> recorded.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event.recordedAt()));

        // the same commands into the ledger, through the gateway, one at a time (ids of another seed)
        ledger.log("JaVers alternative: the ledger's gateway takes history level " + level);
        List<Object> commands = new ArrayList<>();
        new LedgerGenerator(shape, seed + 4000).generate(commands::add);
        long start = System.nanoTime();
        commands.forEach(ourGateway);
        double ourRate = commands.size() / ((System.nanoTime() - start) / 1e9);

        String programme = "council-000-p0-" + Long.toString(seed, 36);
        JaversAudit.Totals ledgerNow = ledgerTotals(programme, null);
        JaversAudit.Totals ledgerThen = ledgerTotals(programme, CHECKED_AS_AT);
        for (JaversAudit audit : audits) {
            String on = "JaVers on " + audit.repository() + ": ";
            ledger.log(on + "loading history level " + level);
            start = System.nanoTime();
            for (LedgerGenerator.SeedEvent event : events) {
                audit.record(event.recordedAt(), event.payload());
            }
            double javersRate = events.size() / ((System.nanoTime() - start) / 1e9);
            report.add(WORKLOAD, on + "load (current state replaced + JaVers commits, 1 thread), " + label,
                    rate(javersRate, "commands"), "", null, "ledger (gateway, 1 thread) " + rate(ourRate, "commands")
                            + "; ledger ÷ JaVers = " + ratio(ourRate / javersRate));

            JaversAudit.Totals now = audit.summary(programme, null);
            JaversAudit.Totals then = audit.summary(programme, CHECKED_AS_AT);
            boolean equal = now.sameAs(ledgerNow) && then.sameAs(ledgerThen);
            String compared = equal
                    ? "equal in every year: now " + describe(ledgerNow) + "; as at " + CHECKED_AS_AT + " " + describe(ledgerThen)
                    : "DIFFER: now JaVers " + now + " vs ledger " + ledgerNow + "; as at " + CHECKED_AS_AT + " JaVers " + then
                    + " vs ledger " + ledgerThen;
            report.add(WORKLOAD, on + "programme totals equal to the ledger's, " + label, compared,
                    "equal to the penny", equal, "");
            if (!equal) {
                throw new IllegalStateException(on + "programme " + programme + "'s totals differ from the ledger's: " + compared);
            }

            asAt(audit, on, label, programme, recorded, level, ours);
        }
    }

    /** The ledger's own as-at questions to this repository: a programme summary and a saving history each. */
    private void asAt(JaversAudit audit, String on, String label, String programme, Map<String, List<Instant>> recorded,
                      int level, double[] ours) {
        List<AsAtSamples.Sample> samples = AsAtSamples.of(sizes.queries() + sizes.queries() / 10, BenchSizes.HISTORY_SAVINGS,
                false, 42 + level);
        int warmup = sizes.queries() / 10;
        Latencies summaries = new Latencies();
        Latencies histories = new Latencies();
        long entries = 0;
        // JaVers' queries on the embedded MongoDB server scan, and at 10⁴ changes take up to a second each: the
        // quick run asks the plan's questions in order until its budget is spent, warm-up included (the value says how many)
        long deadline = sizes.name().equals("quick") ? System.nanoTime() + QUICK_QUERY_BUDGET.toNanos() : Long.MAX_VALUE;
        for (int i = 0; i < samples.size() && (i < warmup + MINIMUM_SAMPLES || System.nanoTime() < deadline); i++) {
            AsAtSamples.Sample sample = samples.get(i);
            String saving = programme + "-s" + sample.saving();
            long t0 = System.nanoTime();
            audit.summary(programme, sample.asAt());
            long t1 = System.nanoTime();
            Changes history = audit.history(saving, sample.asAt());
            long t2 = System.nanoTime();
            int expected = recordedUpTo(recorded.getOrDefault(saving, List.of()), sample.asAt());
            int answered = history.groupByCommit().size();
            if (answered != expected) {
                throw new IllegalStateException(on + "the history of " + saving + " as at " + sample.asAt() + " has "
                        + answered + " snapshots, not the " + expected + " changes recorded by then");
            }
            if (i >= warmup) {
                summaries.recordNanos(t1 - t0);
                histories.recordNanos(t2 - t1);
                entries += answered;
            }
        }
        report.add(WORKLOAD, on + "programme summary asAt (programme snapshot ≤ asAt, then each of its "
                        + BenchSizes.HISTORY_SAVINGS + " savings' snapshot ≤ asAt, folded), " + label,
                "p50 " + millis(summaries.p50()) + ", p99 " + millis(summaries.p99()) + String.format(Locale.ROOT,
                        "; %,d of the %,d questions", summaries.count(), sizes.queries()), "", null, versus(summaries, ours, 0));
        report.add(WORKLOAD, on + "saving history asAt (every JaVers change of the saving ≤ asAt), " + label,
                "p50 " + millis(histories.p50()) + ", p99 " + millis(histories.p99()) + String.format(Locale.ROOT,
                        "; %,d snapshots in %,d answers", entries, summaries.count()), "", null, versus(histories, ours, 2));
    }

    private static int recordedUpTo(List<Instant> recorded, Instant asAt) {
        int at = Collections.binarySearch(recorded, asAt);
        return at >= 0 ? at + 1 : -at - 1;
    }

    private static String versus(Latencies javers, double[] ours, int offset) {
        if (ours == null) {
            return "";
        }
        return "JaVers ÷ ledger: p50 " + ratio(javers.p50() / ours[offset]) + " (ledger " + millis(ours[offset]) + "), p99 "
                + ratio(javers.p99() / ours[offset + 1]) + " (ledger " + millis(ours[offset + 1]) + ")";
    }

    private static String describe(JaversAudit.Totals totals) {
        return String.format(Locale.ROOT, "planned £%,.2f, delivered £%,.2f over %d years", totals.plannedTotal(),
                totals.deliveredTotal(), totals.planned().size());
    }

    /** The programme's planned and delivered money per year as the ledger's API answers it, now or as at an instant. */
    private JaversAudit.Totals ledgerTotals(String programme, Instant asAt) throws Exception {
        String path = "/api/programmes/" + programme + (asAt == null ? "" : "?asAt=" + asAt);
        String body = ledger.get(path);
        JaversAudit.Totals totals = new JaversAudit.Totals(new TreeMap<>(), new TreeMap<>());
        for (JsonNode year : json.readTree(body).path("years")) {
            totals.planned().put(year.get("year").asText(), amount(year.get("planned")));
            totals.delivered().put(year.get("year").asText(), amount(year.get("delivered")));
        }
        if (totals.planned().isEmpty()) {
            throw new IllegalStateException(path + " answered no years: " + body);
        }
        return totals;
    }

    private static BigDecimal amount(JsonNode node) {
        if (node == null || !node.isNumber()) {
            throw new IllegalStateException("not an amount: " + node);
        }
        return node.decimalValue();
    }
}
