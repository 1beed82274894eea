package org.savingsledger.query.history;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fold snapshots of a saving, so that an as-at query reads and folds a bounded number of facts
 * however long the saving's history. When a fact opens a new bucket the bucket also stores the
 * fold of every earlier fact (its {@code checkpoint}): money per year, slipped in and out per year,
 * the last value of each attribute, and the latest recording instant and effective date among them.
 * The head keeps the running fold ({@code fold}) and a directory with, per bucket, the earliest
 * recording instant of its facts and its snapshot's two bounds, and beside it each bucket's earliest
 * effective date, so a query picks — without reading any bucket — the latest snapshot it may count
 * (every fact it sums is visible) and the buckets after it that can hold a visible fact: with an
 * early {@code effectiveOn} the facts after the snapshot are mostly effective too late, and their
 * buckets are left unread.
 *
 * <p>The directory is packed: per bucket three longs (earliest recording instant and snapshot
 * instant in nanoseconds since the epoch, snapshot effective date as an epoch day) in one binary
 * field, and the earliest effective dates (epoch days) in another, so that reading forty heads of
 * 2,500 facts each decodes 320 KB and no sub-document. A head kept before it had the earliest
 * effective dates has its older buckets read as possibly effective on any date: correct, and as
 * slow as before, until a rebuild.
 */
public final class FoldSnapshots {

    /** The type of the synthetic fact a snapshot is read as ({@link EventType#FOLD_SNAPSHOT}). */
    public static final String TYPE = "Checkpoint";

    private static final int BUCKET_SIZE = StreamKind.SAVING.bucketSize();
    private static final String FOLD = "fold";
    /** Per bucket {min recorded, snapshot recorded, snapshot effective day}. */
    private static final String DIRECTORY = "directory";
    private static final int ENTRY = 3;
    /** A directory value not set: no snapshot (the first bucket), or no fact yet. */
    private static final long NONE = Long.MIN_VALUE;
    /** Per bucket the earliest effective date (epoch day) of its facts; {@link Long#MAX_VALUE} before its first fact. */
    private static final String EARLIEST_EFFECTIVE = "earliestEffective";
    /** The earliest effective date of a bucket filled before heads kept it: any date. */
    private static final long UNKNOWN = Long.MIN_VALUE;

    private FoldSnapshots() {
    }

    /**
     * The snapshot to store with the bucket that the fact of {@code version} opens, from the head
     * {@code state} before that fact (null when the fact opens no bucket); records the snapshot's
     * bounds in the state's directory.
     */
    static Document beforeFact(Document state, long version) {
        if (version == 0 || version % BUCKET_SIZE != 0) {
            return null;
        }
        Document fold = state.get(FOLD, Document.class);
        long bucket = version / BUCKET_SIZE;
        long[] directory = withBucket(directory(state), bucket);
        directory[(int) bucket * ENTRY + 1] = nanos(Instant.parse(fold.getString("maxRecordedAt")));
        directory[(int) bucket * ENTRY + 2] = LocalDate.parse(fold.getString("maxEffectiveDate")).toEpochDay();
        PackedLongs.write(state, DIRECTORY, directory);
        return snapshot(state, fold, version - 1);
    }

    /**
     * The whole head as the fact a fold starts from, when every fact of the saving is visible as at
     * {@code asAt}, effective on {@code effectiveOn} (the head's running fold is then exactly their
     * fold, and no bucket needs reading); null otherwise, or for a head kept without a running fold.
     */
    static Fact whole(Document head, Instant asAt, LocalDate effectiveOn) {
        Document fold = head.get(FOLD, Document.class);
        if (fold == null || !head.containsKey("version") || IsoText.instant(fold.getString("maxRecordedAt")).isAfter(asAt)
                || IsoText.date(fold.getString("maxEffectiveDate")).isAfter(effectiveOn)) {
            return null;
        }
        return asFact(snapshot(head, fold, head.getLong("version")));
    }

    /** The fold of every fact up to {@code version}, from the head {@code state} and its running {@code fold} after it. */
    private static Document snapshot(Document state, Document fold, long version) {
        return new Document("version", version)
                .append("recordedAt", fold.getString("maxRecordedAt"))
                .append("effectiveDate", fold.getString("maxEffectiveDate"))
                .append("attributes", fold.get("attributes", Document.class))
                .append("planned", state.get("planned", new Document()))
                .append("delivered", state.get("delivered", new Document()))
                .append(SavingHistoryProjection.POSTS_PLANNED, state.get(SavingHistoryProjection.POSTS_PLANNED, new Document()))
                .append(SavingHistoryProjection.POSTS_DELIVERED, state.get(SavingHistoryProjection.POSTS_DELIVERED, new Document()))
                .append("slippedIn", fold.get("slippedIn", Document.class))
                .append("slippedOut", fold.get("slippedOut", Document.class));
    }

    /** Adds {@code fact} to the running fold in the head {@code state}. */
    static void fold(Document state, Fact fact) {
        Document previous = state.get(FOLD, Document.class);
        Document fold = previous == null
                ? new Document("attributes", new Document()).append("slippedIn", new Document())
                        .append("slippedOut", new Document())
                : new Document(previous);
        Document attributes = new Document(fold.get("attributes", Document.class));
        fact.attributes().forEach((name, value) -> attributes.put(name, value.toString()));
        fold.put("attributes", attributes);
        if (fact.move() != null) {
            fold.put("slippedOut", add(fold.get("slippedOut", Document.class), fact.move().fromYear(), fact.move().amount()));
            fold.put("slippedIn", add(fold.get("slippedIn", Document.class), fact.move().toYear(), fact.move().amount()));
        }
        String latest = fold.getString("maxRecordedAt");
        fold.put("maxRecordedAt", latest == null || fact.recordedAt().isAfter(Instant.parse(latest))
                ? fact.recordedAt().toString() : latest);
        String effective = fold.getString("maxEffectiveDate");
        fold.put("maxEffectiveDate", effective == null || fact.effectiveDate().isAfter(LocalDate.parse(effective))
                ? fact.effectiveDate().toString() : effective);
        state.put(FOLD, fold);

        long bucket = fact.version() / BUCKET_SIZE;
        int at = (int) bucket * ENTRY;
        long recordedNanos = nanos(fact.recordedAt());
        if (recordedNanos < PackedLongs.at(state, DIRECTORY, at, Long.MAX_VALUE)) {
            // the bucket's first fact, or one stamped by a clock behind: the directory changes
            long[] directory = withBucket(directory(state), bucket);
            directory[at] = recordedNanos;
            PackedLongs.write(state, DIRECTORY, directory);
        }
        long day = fact.effectiveDate().toEpochDay();
        if (day < PackedLongs.at(state, EARLIEST_EFFECTIVE, (int) bucket, Long.MAX_VALUE)) {
            long[] earliest = PackedLongs.read(state, EARLIEST_EFFECTIVE);
            if (earliest == null && state.containsKey("version")) {
                // a head kept before this field: the buckets it filled may hold any effective date
                earliest = PackedLongs.grown(null, (int) (state.getLong("version") / BUCKET_SIZE) + 1, UNKNOWN);
            }
            earliest = PackedLongs.grown(earliest, (int) bucket + 1, Long.MAX_VALUE);
            earliest[(int) bucket] = Math.min(earliest[(int) bucket], day);
            PackedLongs.write(state, EARLIEST_EFFECTIVE, earliest);
        }
    }

    /**
     * The buckets of a saving an as-at fold reads, in order: the latest bucket whose snapshot counts
     * (0 if none), then every later bucket that can hold a visible fact: one whose earliest recording
     * instant is by {@code asAt} and whose earliest effective date is by {@code effectiveOn} (a bucket
     * whose earliest effective date is not kept counts as possibly effective).
     */
    static long[] bucketsToRead(Document head, Instant asAt, LocalDate effectiveOn) {
        long[] directory = directory(head);
        long[] earliestEffective = PackedLongs.read(head, EARLIEST_EFFECTIVE);
        long visible = nanos(asAt);
        long day = effectiveOn.toEpochDay();
        int buckets = directory.length / ENTRY;
        int from = 0;
        for (int bucket = 0; bucket < buckets; bucket++) {
            int at = bucket * ENTRY;
            if (directory[at + 1] != NONE && directory[at + 1] <= visible && directory[at + 2] <= day) {
                from = bucket;
            }
        }
        long[] read = new long[Math.max(1, buckets - from)];
        int count = 0;
        read[count++] = from;
        for (int bucket = from + 1; bucket < buckets; bucket++) {
            long effective = earliestEffective == null || bucket >= earliestEffective.length
                    ? UNKNOWN : earliestEffective[bucket];
            if (directory[bucket * ENTRY] <= visible && effective <= day) {
                read[count++] = bucket;
            }
        }
        return Arrays.copyOf(read, count);
    }

    /**
     * The buckets of a saving from {@code first} on that can hold a fact visible as at {@code asAt}, effective on
     * {@code effectiveOn}, in order: those whose earliest recording instant is by {@code asAt} and whose earliest
     * effective date is by {@code effectiveOn} (a bucket the head keeps no bound of counts as possibly visible). Every
     * other bucket holds no visible fact, so a page of the history reads only these.
     */
    static long[] bucketsThatCanShow(Document head, Instant asAt, LocalDate effectiveOn, long first) {
        long[] directory = directory(head);
        long[] earliestEffective = PackedLongs.read(head, EARLIEST_EFFECTIVE);
        long visible = nanos(asAt);
        long day = effectiveOn.toEpochDay();
        long last = head.getLong("version") / BUCKET_SIZE;
        long[] read = new long[(int) Math.max(0, last - first + 1)];
        int count = 0;
        for (long bucket = Math.max(0, first); bucket <= last; bucket++) {
            int at = (int) bucket * ENTRY;
            long recorded = at < directory.length ? directory[at] : NONE;
            long effective = earliestEffective == null || bucket >= earliestEffective.length
                    ? UNKNOWN : earliestEffective[(int) bucket];
            if (recorded <= visible && effective <= day) {
                read[count++] = bucket;
            }
        }
        return Arrays.copyOf(read, count);
    }

    /**
     * Whether a fact of {@code bucket} may have been recorded by {@code asAt}: false only when the head knows the
     * bucket's earliest recording instant and it is later.
     */
    static boolean mayHoldRecordedBy(Document head, long bucket, Instant asAt) {
        long[] directory = directory(head);
        int at = (int) bucket * ENTRY;
        return at >= directory.length || directory[at] <= nanos(asAt);
    }

    /**
     * A stored snapshot as the fact a fold starts from: money and posts as changes from zero (fields
     * {@code planned}, {@code delivered}, {@code slippedIn}, {@code slippedOut}, {@code postsPlanned},
     * {@code postsDelivered}), attributes as last set.
     */
    static Fact asFact(Document snapshot) {
        List<Fact.Change> changes = new ArrayList<>();
        for (String field : List.of("planned", "delivered", "slippedIn", "slippedOut",
                SavingHistoryProjection.POSTS_PLANNED, SavingHistoryProjection.POSTS_DELIVERED)) {
            Document amounts = snapshot.get(field, Document.class);
            if (amounts != null) {
                amounts.forEach((year, amount) -> changes.add(new Fact.Change(year, field, BigDecimal.ZERO, Fact.decimal(amount))));
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>(snapshot.get("attributes", new Document()));
        return new Fact(snapshot.getLong("version"), TYPE, IsoText.instant(snapshot.getString("recordedAt")),
                IsoText.date(snapshot.getString("effectiveDate")), null, null, null, changes, attributes, null);
    }

    private static long[] directory(Document state) {
        long[] directory = PackedLongs.read(state, DIRECTORY);
        return directory == null ? new long[0] : directory;
    }

    /** The directory with an entry for {@code bucket}; a new entry has no fact and no snapshot. */
    private static long[] withBucket(long[] directory, long bucket) {
        int needed = (int) (bucket + 1) * ENTRY;
        if (directory.length >= needed) {
            return directory;
        }
        long[] grown = PackedLongs.grown(directory, needed, NONE);
        for (int at = directory.length; at < needed; at += ENTRY) {
            grown[at] = Long.MAX_VALUE;
        }
        return grown;
    }

    /** Nanoseconds since the epoch, saturating outside 1677–2262 (an asAt far away). */
    static long nanos(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE + 1;
        }
        return seconds * 1_000_000_000L + instant.getNano();
    }

    private static Document add(Document amounts, String year, BigDecimal amount) {
        Document updated = new Document(amounts);
        Object current = updated.get(year);
        BigDecimal sum = (current == null ? BigDecimal.ZERO : Fact.decimal(current)).add(amount);
        updated.put(year, new Decimal128(sum));
        return updated;
    }
}
