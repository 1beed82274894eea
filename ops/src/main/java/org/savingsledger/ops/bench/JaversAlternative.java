package org.savingsledger.ops.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.javers.core.Javers;
import org.javers.core.JaversBuilder;
import org.javers.core.metamodel.annotation.Id;
import org.javers.core.metamodel.annotation.TypeName;
import org.javers.core.metamodel.object.CdoSnapshot;
import org.javers.repository.jql.QueryBuilder;
import org.javers.repository.mongo.MongoRepository;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.committee.ProgrammeAssignedToCommittee;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.shared.Provenance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.savingsledger.ops.bench.BenchReport.millis;
import static org.savingsledger.ops.bench.BenchReport.rate;
import static org.savingsledger.ops.bench.BenchReport.ratio;

/**
 * What a team would otherwise build: the current state of programmes, savings and committees in
 * MongoDB documents, replaced on every change, with JaVers (its MongoDB repository, on the same
 * server as the ledger's read models) committing a snapshot of each changed object for audit and
 * as-at questions. It is fed the same generated ledgers as the as-at benchmark; JaVers' clock is
 * set to each change's recording instant so "as at" means the same for both.
 */
final class JaversAlternative {

    private final MongoDatabase database;
    private final BenchSizes sizes;
    private final BenchReport report;
    private final Consumer<String> log;
    private Instant now = Instant.EPOCH;

    JaversAlternative(MongoClient client, BenchSizes sizes, BenchReport report, Consumer<String> log) {
        this.database = client.getDatabase("javers_bench");
        this.sizes = sizes;
        this.report = report;
        this.log = log;
    }

    /** The current-state objects JaVers audits. */
    @TypeName("Programme")
    static final class JvProgramme {
        @Id
        String id;
        String organisation;
        String name;
        BigDecimal savingsTarget;
        List<String> savingIds = new ArrayList<>();
    }

    @TypeName("Saving")
    static final class JvSaving {
        @Id
        String id;
        String programmeId;
        String title;
        String stage;
        String confidence;
        String rag;
        boolean withdrawn;
        Map<String, BigDecimal> planned = new TreeMap<>();
        Map<String, BigDecimal> delivered = new TreeMap<>();
    }

    @TypeName("Committee")
    static final class JvCommittee {
        @Id
        String id;
        String organisation;
        String name;
        List<String> programmeIds = new ArrayList<>();
        List<String> reportIds = new ArrayList<>();
    }

    /**
     * @param ourGateway sends one command through the ledger's command gateway and waits for it
     * @param ourAsAt    the ledger's as-at figures per history level (summary p50, p99, history p50, p99)
     * @param seeds      the generator's seed of each history level
     */
    void run(Consumer<Object> ourGateway, List<double[]> ourAsAt, java.util.function.IntToLongFunction seeds) {
        database.drop();
        Javers javers = JaversBuilder.javers().registerJaversRepository(new MongoRepository(database))
                .withDateTimeProvider(() -> now.atZone(ZoneOffset.UTC)).build();
        MongoCollection<Document> current = database.getCollection("current_state");
        int levels = Math.min(sizes.javersLevels(), sizes.history().size());
        for (int level = 0; level < levels; level++) {
            LedgerGenerator generator = new LedgerGenerator(LedgerBenchmarks.historyShape(sizes.history().get(level)), seeds.applyAsLong(level));
            log.accept("JaVers alternative: loading history level " + level);
            long[] written = {0};
            Map<String, Object> objects = new HashMap<>();
            long start = System.nanoTime();
            generator.events(event -> {
                now = event.recordedAt();
                Object changed = apply(objects, event.payload(), current);
                Provenance provenance = event.payload().provenance();
                Map<String, String> properties = new HashMap<>();
                if (provenance.reason() != null) {
                    properties.put("reason", provenance.reason());
                }
                properties.put("effectiveDate", provenance.effectiveDate().toString());
                javers.commit(provenance.actor(), changed, properties);
                written[0]++;
            });
            double javersRate = written[0] / ((System.nanoTime() - start) / 1e9);

            // the same commands into the ledger, through the gateway, one at a time (ids of another seed)
            List<Object> commands = new ArrayList<>();
            new LedgerGenerator(LedgerBenchmarks.historyShape(sizes.history().get(level)), seeds.applyAsLong(level) + 4000).generate(commands::add);
            start = System.nanoTime();
            commands.forEach(ourGateway);
            double ourRate = commands.size() / ((System.nanoTime() - start) / 1e9);
            String label = String.format(Locale.ROOT, "%,d changes", written[0]);
            report.add(LedgerBenchmarks.JAVERS, "write: current-state replace + JaVers commit, 1 thread, " + label,
                    rate(javersRate, "changes"), "", null, "ledger (gateway, 1 thread): " + rate(ourRate, "commands")
                            + " = " + ratio(ourRate / javersRate));

            String programme = "council-000-p0-" + Long.toString(seeds.applyAsLong(level), 36);
            Latencies summaries = new Latencies();
            Latencies histories = new Latencies();
            Random random = new Random(42);
            Instant from = Instant.parse("2020-03-01T00:00:00Z");
            Instant to = Instant.parse("2026-04-01T00:00:00Z");
            int queries = Math.max(5, sizes.queries() / 10);
            for (int i = 0; i < queries + 2; i++) {
                Instant asAt = from.plusMillis((long) (random.nextDouble() * (to.toEpochMilli() - from.toEpochMilli())));
                LocalDateTime when = LocalDateTime.ofInstant(asAt, ZoneOffset.UTC);
                long t0 = System.nanoTime();
                programmeSummary(javers, programme, when);
                long t1 = System.nanoTime();
                javers.findChanges(QueryBuilder.byInstanceId(programme + "-s0", JvSaving.class).to(when).build());
                long t2 = System.nanoTime();
                if (i >= 2) {
                    summaries.recordNanos(t1 - t0);
                    histories.recordNanos(t2 - t1);
                }
            }
            double[] ours = level < ourAsAt.size() ? ourAsAt.get(level) : null;
            report.add(LedgerBenchmarks.JAVERS, "programme summary asAt (latest snapshot of each saving ≤ asAt), " + label,
                    "p50 " + millis(summaries.p50()) + ", p99 " + millis(summaries.p99()), "", null,
                    ours == null ? "" : "JaVers p99 ÷ ledger p99 (" + millis(ours[1]) + ") = " + ratio(summaries.p99() / ours[1]));
            report.add(LedgerBenchmarks.JAVERS, "saving history asAt (JaVers changes ≤ asAt), " + label,
                    "p50 " + millis(histories.p50()) + ", p99 " + millis(histories.p99()), "", null,
                    ours == null ? "" : "JaVers p99 ÷ ledger p99 (" + millis(ours[3]) + ") = " + ratio(histories.p99() / ours[3]));
        }
        report.note("The JaVers queries run in-process without HTTP, while the ledger's figures include its HTTP API and JSON: "
                + "the comparison favours JaVers. On mongo-java-server JaVers' queries (filters on its own fields, sorted) scan "
                + "its collections; on a real MongoDB they would use JaVers' indexes.");
        database.drop();
    }

    /** Folds the programme's savings as JaVers last saw them at {@code when}: one snapshot query per saving. */
    private static Map<String, BigDecimal> programmeSummary(Javers javers, String programme, LocalDateTime when) {
        List<CdoSnapshot> programmeSnapshot = javers.findSnapshots(QueryBuilder.byInstanceId(programme, JvProgramme.class)
                .to(when).limit(1).build());
        Map<String, BigDecimal> totals = new TreeMap<>();
        if (programmeSnapshot.isEmpty()) {
            return totals;
        }
        @SuppressWarnings("unchecked")
        List<String> savings = (List<String>) programmeSnapshot.get(0).getPropertyValue("savingIds");
        for (String saving : savings) {
            List<CdoSnapshot> snapshot = javers.findSnapshots(QueryBuilder.byInstanceId(saving, JvSaving.class)
                    .to(when).limit(1).build());
            if (snapshot.isEmpty() || Boolean.TRUE.equals(snapshot.get(0).getPropertyValue("withdrawn"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> planned = (Map<String, BigDecimal>) snapshot.get(0).getPropertyValue("planned");
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> delivered = (Map<String, BigDecimal>) snapshot.get(0).getPropertyValue("delivered");
            planned.forEach((year, amount) -> totals.merge(year + " planned", amount, BigDecimal::add));
            delivered.forEach((year, amount) -> totals.merge(year + " delivered", amount, BigDecimal::add));
        }
        return totals;
    }

    /** Applies one change to the current state (read, change, replace the document) and answers the changed object. */
    private Object apply(Map<String, Object> objects, Object event, MongoCollection<Document> current) {
        Object changed;
        if (event instanceof ProgrammeLaunched e) {
            JvProgramme programme = new JvProgramme();
            programme.id = e.programmeId().value();
            programme.organisation = e.organisation();
            programme.name = e.name();
            programme.savingsTarget = e.savingsTarget().amount();
            changed = programme;
        } else if (event instanceof SavingProposed e) {
            JvSaving saving = new JvSaving();
            saving.id = e.savingId().value();
            saving.programmeId = e.programmeId().value();
            saving.title = e.title();
            saving.stage = e.stage().name();
            saving.confidence = e.confidence().name();
            e.profile().amounts().forEach((year, amount) -> saving.planned.put(year.toString(), amount.amount()));
            JvProgramme programme = (JvProgramme) load(objects, current, e.programmeId().value());
            programme.savingIds.add(saving.id);
            save(current, programme.id, programme);
            changed = saving;
        } else if (event instanceof SavingDeliveryRecorded e) {
            JvSaving saving = (JvSaving) load(objects, current, e.savingId().value());
            saving.delivered.merge(e.year().toString(), e.amount().amount(), BigDecimal::add);
            changed = saving;
        } else if (event instanceof SavingDeliveryCorrected e) {
            JvSaving saving = (JvSaving) load(objects, current, e.savingId().value());
            saving.delivered.merge(e.year().toString(), e.amount().amount(), BigDecimal::add);
            changed = saving;
        } else if (event instanceof SavingSlippedToYear e) {
            JvSaving saving = (JvSaving) load(objects, current, e.savingId().value());
            move(saving, e.fromYear().toString(), e.toYear().toString(), e.amount().amount());
            changed = saving;
        } else if (event instanceof SavingBroughtForward e) {
            JvSaving saving = (JvSaving) load(objects, current, e.savingId().value());
            move(saving, e.fromYear().toString(), e.toYear().toString(), e.amount().amount());
            changed = saving;
        } else if (event instanceof SavingRagChanged e) {
            JvSaving saving = (JvSaving) load(objects, current, e.savingId().value());
            saving.rag = e.status().name();
            changed = saving;
        } else if (event instanceof CommitteeEstablished e) {
            JvCommittee committee = new JvCommittee();
            committee.id = e.committeeId().value();
            committee.organisation = e.organisation();
            committee.name = e.name();
            changed = committee;
        } else if (event instanceof ProgrammeAssignedToCommittee e) {
            JvCommittee committee = (JvCommittee) load(objects, current, e.committeeId().value());
            committee.programmeIds.add(e.programmeId().value());
            changed = committee;
        } else if (event instanceof PositionReportPresented e) {
            JvCommittee committee = (JvCommittee) load(objects, current, e.committeeId().value());
            committee.reportIds.add(e.reportId().value());
            changed = committee;
        } else {
            throw new IllegalStateException("no current-state change for " + event);
        }
        objects.put(idOf(changed), changed);
        save(current, idOf(changed), changed);
        return changed;
    }

    private static void move(JvSaving saving, String from, String to, BigDecimal amount) {
        saving.planned.merge(from, amount.negate(), BigDecimal::add);
        saving.planned.merge(to, amount, BigDecimal::add);
    }

    /** Reads the object's current document (as the application would) and answers the object it holds. */
    private static Object load(Map<String, Object> objects, MongoCollection<Document> current, String id) {
        Document document = current.find(Filters.eq("_id", id)).first();
        if (document == null) {
            throw new IllegalStateException("no current state for " + id);
        }
        return objects.get(id);
    }

    private static void save(MongoCollection<Document> current, String id, Object object) {
        Document document = new Document("_id", id).append("type", object.getClass().getSimpleName());
        if (object instanceof JvSaving saving) {
            document.append("programmeId", saving.programmeId).append("title", saving.title).append("rag", saving.rag)
                    .append("withdrawn", saving.withdrawn).append("planned", money(saving.planned))
                    .append("delivered", money(saving.delivered));
        } else if (object instanceof JvProgramme programme) {
            document.append("organisation", programme.organisation).append("name", programme.name)
                    .append("savingIds", programme.savingIds);
        } else if (object instanceof JvCommittee committee) {
            document.append("organisation", committee.organisation).append("programmeIds", committee.programmeIds)
                    .append("reportIds", committee.reportIds);
        }
        current.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
    }

    private static Document money(Map<String, BigDecimal> amounts) {
        Document document = new Document();
        amounts.forEach((year, amount) -> document.append(year.replace('/', '-'), new org.bson.types.Decimal128(amount)));
        return document;
    }

    private static String idOf(Object object) {
        if (object instanceof JvSaving saving) {
            return saving.id;
        }
        if (object instanceof JvProgramme programme) {
            return programme.id;
        }
        return ((JvCommittee) object).id;
    }
}
