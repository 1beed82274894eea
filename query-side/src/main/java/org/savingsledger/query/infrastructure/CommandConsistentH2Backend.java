package org.savingsledger.query.infrastructure;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded MongoDB's H2 file, kept so that what a crash leaves is the state between two commands:
 * never half of one, never a later command without an earlier one.
 *
 * <p>mongo-java-server's own H2 backend lets H2 commit in the background every second. An H2 commit
 * takes each map (a collection, each of its indexes) in turn, while writes go on, so the state it
 * stores can hold a command's write to one map and not its write to another, or a later command and
 * not an earlier one. After a kill, the read models could then hold a tracking token stored after a
 * head that was not: the events between are never handled again and the head, and every figure folded
 * from it, stays short for good (as a restarted ledger once showed: £2.38 delivered against £2.41 stored).
 *
 * <p>Here H2 never commits by itself. Every command that may write runs under a shared lock, and a
 * commit takes it exclusively: once a second, and at once when the changes not yet stored pass
 * {@link #UNSAVED_LIMIT}. A crash therefore loses at most the last second's commands, whole and in
 * the order they were answered; the processors handle those events again from their stored tokens
 * (the projections are idempotent). Reads that cannot write do not wait. A real MongoDB (the
 * production setting) journals each write and needs none of this.
 */
final class CommandConsistentH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(CommandConsistentH2Backend.class);

    /** Changes held in memory before a command's thread commits them itself (H2's own default is up to 19 MiB). */
    private static final int UNSAVED_LIMIT = 16 * 1024 * 1024;
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** How often the file's sparse chunks are rewritten (H2's background housekeeping, which no longer runs). */
    private static final int COMPACT_EVERY_COMMITS = 30;
    private static final int COMPACT_FILL_RATE = 50;

    /** Commands that only read. Any other command, including one unknown here, runs under the shared lock. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "ping", "ismaster", "hello", "buildinfo", "whatsmyuri", "serverstatus",
            "dbstats", "collstats", "killcursors", "endsessions", "getlasterror", "hostinfo", "getcmdlineopts",
            "getparameter", "connectionstatus", "saslstart", "saslcontinue");
    /** Stages that make an aggregation write. */
    private static final List<String> WRITING_STAGES = List.of("$out", "$merge");

    private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;
    private long commitCount;

    private CommandConsistentH2Backend(MVStore store) {
        super(store);
        committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mongo-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commitQuietly, COMMIT_INTERVAL.toMillis(), COMMIT_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Opens (or creates) the file, with H2's own commits turned off: this backend makes them. */
    static CommandConsistentH2Backend open(Path file) {
        return new CommandConsistentH2Backend(new MVStore.Builder().fileName(file.toString())
                .autoCommitDisabled().autoCommitBufferSize(0).open());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (onlyReads(command, query)) {
            return super.handleCommand(channel, database, command, query);
        }
        commits.readLock().lock();
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            commits.readLock().unlock();
            if (getMvStore().getUnsavedMemory() > UNSAVED_LIMIT) {
                commit();
            }
        }
    }

    /** The legacy wire protocol's queries (the driver's first handshake): a command may come this way too. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        commits.readLock().lock();
        try {
            return super.handleQuery(query);
        } finally {
            commits.readLock().unlock();
        }
    }

    /** Stores every command answered so far, and none in progress. */
    @Override
    public void commit() {
        boolean compact;
        commits.writeLock().lock();
        try {
            if (getMvStore().isClosed()) {
                return;
            }
            compact = getMvStore().commit() >= 0 && ++commitCount % COMPACT_EVERY_COMMITS == 0;
        } finally {
            commits.writeLock().unlock();
        }
        if (compact) {
            // rewrites live pages of sparse chunks as they are: no data changes, so commands need not wait
            getMvStore().compact(COMPACT_FILL_RATE, UNSAVED_LIMIT / 4);
        }
    }

    @Override
    public void close() {
        committer.shutdownNow();
        commits.writeLock().lock();
        try {
            // H2 stores what is left as it closes
            super.close();
        } finally {
            commits.writeLock().unlock();
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            // the next commit tries again; what is not yet stored is what a crash now would lose
            log.error("Could not store the embedded MongoDB's changes", e);
        }
    }

    private static boolean onlyReads(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if ("aggregate".equals(name)) {
            return query.get("pipeline") instanceof List<?> stages && stages.stream()
                    .noneMatch(stage -> stage instanceof Document document
                            && WRITING_STAGES.stream().anyMatch(document::containsKey));
        }
        return READS.contains(name);
    }
}
