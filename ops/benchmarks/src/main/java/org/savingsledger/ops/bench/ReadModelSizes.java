package org.savingsledger.ops.bench;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.savingsledger.ops.bench.Sizing.events;
import static org.savingsledger.ops.bench.Sizing.mib;
import static org.savingsledger.ops.bench.Sizing.perMillion;

/**
 * The sizing figures of the read-model store and the data directory: what the read models take as
 * the server counts it and on disk, per 10⁶ events, at rest and while every read model is rebuilt.
 */
record ReadModelSizes(LedgerUnderTest ledger, DataDirectory directory) {

    /** The read-model store's own account of its size: documents and indexes. */
    record StoreSize(long data, long indexes) {

        long total() {
            return data + indexes;
        }
    }

    /** The peak, first and last of samples taken before, during and after a rebuild. */
    record Samples(long before, long peak, long after) {

        static Samples of(List<Long> during, long before, long after) {
            long peak = Math.max(before, after);
            for (long sample : during) {
                peak = Math.max(peak, sample);
            }
            return new Samples(before, peak, after);
        }
    }

    /** The store at rest: the active generations, the whole database, its files and the data directory. */
    void atRest(long events) throws IOException {
        ReadModelGenerations generations = ledger.bean(ReadModelGenerations.class);
        Set<String> existing = mongo().listCollectionNames().into(new HashSet<>());
        StoreSize active = new StoreSize(0, 0);
        int retired = 0;
        for (StreamKind kind : StreamKind.values()) {
            ReadModelGenerations.State state = generations.state(kind);
            retired += state.retired().size();
            for (String collection : kind.collections(state.active())) {
                if (existing.contains(collection)) {
                    StoreSize size = collectionSize(collection);
                    active = new StoreSize(active.data() + size.data(), active.indexes() + size.indexes());
                }
            }
        }
        BenchReport report = ledger.report();
        report.add(Sizing.SIZING, "read models, active generations per 10⁶ events (collStats size + indexes)",
                storeValue(active, events));
        StoreSize database = databaseSize();
        report.add(Sizing.SIZING, "read-model database per 10⁶ events (dbStats dataSize + indexSize)",
                storeValue(database, events) + "; " + retired + " retired generations kept");
        OptionalLong file = directory.readModelFileBytes();
        report.add(Sizing.SIZING, "read-model store on disk per 10⁶ events (embedded server's files under ledger.data-dir/mongo)",
                file.isPresent() ? mib(perMillion(file.getAsLong(), events)) + "; " + mib(file.getAsLong()) + " for " + events(events)
                        : "n/a (the read-model store is " + directory.readModelStoreKind() + "); " + events(events));
        Optional<Path> data = directory.path();
        long dataBytes = data.isPresent() ? DataDirectory.bytesUnder(data.get()) : -1;
        report.add(Sizing.SIZING, "the all-in-one's data directory on disk per 10⁶ events (embedded PostgreSQL with WAL, read-model file)",
                dataBytes < 0 ? "n/a (no data directory); " + events(events)
                        : mib(perMillion(dataBytes, events)) + "; " + mib(dataBytes) + " for " + events(events));
    }

    /** The store sampled every 100 ms while every read model is rebuilt. */
    void duringRebuild(long events) throws Exception {
        ledger.log("sizing: the read-model store while every read model is rebuilt");
        FullRebuild rebuild = new FullRebuild(ledger.context());
        int retired = rebuild.retiredKept();
        long databaseBefore = databaseSize().total();
        OptionalLong fileBefore = directory.readModelFileBytes();
        List<Long> database = new ArrayList<>();
        List<Long> files = new ArrayList<>();
        long start = System.nanoTime();
        rebuild.start();
        while (rebuild.running()) {
            long next = System.nanoTime() + Duration.ofMillis(100).toNanos();
            database.add(databaseSize().total());
            directory.readModelFileBytes().ifPresent(files::add);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        rebuild.requireCompleted();
        Samples byDatabase = Samples.of(database, databaseBefore, databaseSize().total());
        BenchReport report = ledger.report();
        report.add(Sizing.SIZING, "read-model database during a rebuild of all 4 read models, per 10⁶ events (dbStats, every 100 ms)",
                samplesValue(byDatabase, events, database.size(), seconds) + "; " + retired + " retired generations kept before");
        OptionalLong fileAfter = directory.readModelFileBytes();
        report.add(Sizing.SIZING, "read-model store on disk during a rebuild of all 4 read models, per 10⁶ events (its files, every 100 ms)",
                fileBefore.isPresent() && fileAfter.isPresent()
                        ? samplesValue(Samples.of(files, fileBefore.getAsLong(), fileAfter.getAsLong()), events, files.size(), seconds)
                                + "; " + retired + " retired generations kept before"
                        : "n/a (the read-model store is " + directory.readModelStoreKind() + "); " + events(events));
    }

    private MongoDatabase mongo() {
        return ledger.bean(MongoDatabase.class);
    }

    private StoreSize databaseSize() {
        Document stats = mongo().runCommand(new Document("dbStats", 1));
        return new StoreSize(number(stats.get("dataSize")), number(stats.get("indexSize")));
    }

    private StoreSize collectionSize(String collection) {
        Document stats = mongo().runCommand(new Document("collStats", collection));
        // MongoDB answers totalIndexSize; mongo-java-server answers indexSize, per index
        Object indexes = stats.containsKey("totalIndexSize") ? stats.get("totalIndexSize") : stats.get("indexSize");
        long indexBytes = indexes instanceof Document perIndex
                ? perIndex.values().stream().mapToLong(ReadModelSizes::number).sum() : number(indexes);
        return new StoreSize(number(stats.get("size")), indexBytes);
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static String storeValue(StoreSize size, long events) {
        return mib(perMillion(size.total(), events)) + " (documents " + mib(perMillion(size.data(), events)) + ", indexes "
                + mib(perMillion(size.indexes(), events)) + "); " + mib(size.total()) + " for " + events(events);
    }

    private static String samplesValue(Samples samples, long events, int count, double seconds) {
        return "peak " + mib(perMillion(samples.peak(), events)) + ", before " + mib(perMillion(samples.before(), events))
                + ", after " + mib(perMillion(samples.after(), events)) + "; peak " + mib(samples.peak()) + " for "
                + events(events) + String.format(Locale.ROOT, " (%d samples over %.1f s)", count, seconds);
    }
}
