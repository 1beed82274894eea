package org.savingsledger.query.infrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a kill leaves in the embedded MongoDB's file: the state between two commands, with every command
 * answered before the last commit and none after it. The writers here do what a read-model processor
 * does: a fact, then the position that covers it (a head, a tracking token), each answered before the
 * next is sent. The file is then closed without a word, as a kill leaves it, and opened again.
 */
class CommandConsistentH2BackendTest {

    private static final int WRITERS = 3;
    /** The embedded server's largest write batch: the driver splits bigger writes into commands of this many. */
    private static final int BATCH = 1000;

    @TempDir
    Path directory;

    @Test
    void aCommitStoresWholeCommandsOnly() throws Exception {
        Path file = directory.resolve("whole.mv");
        CommandConsistentH2Backend backend = CommandConsistentH2Backend.open(file);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> facts = client.getDatabase("crash").getCollection("facts");
            List<Document> documents = new ArrayList<>();
            for (long n = 0; n < 100 * BATCH; n++) {
                documents.add(new Document("_id", n).append("n", n));
            }
            // the driver sends them as 100 insert commands of 1,000, one after the other
            Thread inserting = started(() -> {
                try {
                    facts.insertMany(documents);
                } catch (RuntimeException killed) {
                    // the file was closed under it
                }
            });
            // the commands are under way: commit while they go on (a reader of the collection waits for a command
            // to finish, the commit does not), then die
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(() -> facts.countDocuments() > 0);
            for (int commit = 0; commit < 10; commit++) {
                backend.commit();
                LockSupport.parkNanos(1_000_000);
            }
            backend.getMvStore().closeImmediately();
            inserting.join();
        } finally {
            server.shutdownNow();
        }

        MongoServer again = new MongoServer(CommandConsistentH2Backend.open(file));
        try (MongoClient client = MongoClients.create(again.bindAndGetConnectionString())) {
            MongoCollection<Document> facts = client.getDatabase("crash").getCollection("facts");
            long stored = facts.countDocuments();
            assertThat(stored).as("whole commands, the one under way at the commit among them").isPositive();
            assertThat(stored % BATCH).as("%d stored: a part of a command", stored).isZero();
            // the collection and its _id index agree at the edge
            assertThat(facts.countDocuments(Filters.eq("_id", stored - 1))).isEqualTo(1);
            assertThat(facts.countDocuments(Filters.eq("_id", stored))).isZero();
        } finally {
            again.shutdownNow();
        }
    }

    @Test
    void aCrashNeverLeavesAPositionStoredWithoutTheFactsItCovers() throws Exception {
        // the commit runs as often as it can while the writers write, so that the kill comes at a random point
        // between and during commits (H2's own commit, which takes one map after another, failed this in a few rounds)
        for (int round = 0; round < 3; round++) {
            Path file = directory.resolve("round-" + round + ".mv");
            CommandConsistentH2Backend backend = CommandConsistentH2Backend.open(file);
            MongoServer server = new MongoServer(backend);
            AtomicBoolean writing = new AtomicBoolean(true);
            CountDownLatch written = new CountDownLatch(WRITERS * 20);
            List<Thread> threads = new ArrayList<>();
            try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
                MongoDatabase database = client.getDatabase("crash");
                for (int w = 0; w < WRITERS; w++) {
                    String writer = "w" + w;
                    threads.add(started(() -> write(database, writer, writing, written)));
                }
                threads.add(started(() -> {
                    while (writing.get()) {
                        backend.commit();
                        // lets the writers in between: an exclusive lock taken again at once would starve them
                        LockSupport.parkNanos(200_000);
                    }
                }));
                assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
                // a kill: nothing more is written to the file, whatever was under way
                backend.getMvStore().closeImmediately();
                writing.set(false);
                for (Thread thread : threads) {
                    thread.join();
                }
            } finally {
                server.shutdownNow();
            }

            CommandConsistentH2Backend reopened = CommandConsistentH2Backend.open(file);
            MongoServer again = new MongoServer(reopened);
            try (MongoClient client = MongoClients.create(again.bindAndGetConnectionString())) {
                MongoDatabase database = client.getDatabase("crash");
                for (int w = 0; w < WRITERS; w++) {
                    String writer = "w" + w;
                    Document position = database.getCollection("positions").find(Filters.eq("_id", writer)).first();
                    long covered = position == null ? 0 : position.getLong("n");
                    Set<Long> facts = new HashSet<>();
                    database.getCollection("facts").find(Filters.eq("writer", writer))
                            .forEach(fact -> facts.add(fact.getLong("n")));
                    for (long n = 1; n <= covered; n++) {
                        assertThat(facts).as("round %d: %s's position %d covers fact %d", round, writer, covered, n).contains(n);
                    }
                    // the one fact written after the position's last write may be there, none beyond it
                    assertThat(facts).as("round %d: %s's facts beyond position %d", round, writer, covered)
                            .allMatch(n -> n <= covered + 1);
                    // each fact is found by its _id as well as by a scan: the collection and its index agree
                    for (long n : facts) {
                        assertThat(database.getCollection("facts").countDocuments(Filters.eq("_id", writer + "-" + n)))
                                .isEqualTo(1);
                    }
                }
            } finally {
                again.shutdownNow();
            }
        }
    }

    private static Thread started(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    /** A fact, then the position covering it, one after the other, until the kill makes a write fail. */
    private static void write(MongoDatabase database, String writer, AtomicBoolean writing, CountDownLatch written) {
        MongoCollection<Document> facts = database.getCollection("facts");
        MongoCollection<Document> positions = database.getCollection("positions");
        try {
            for (long n = 1; writing.get(); n++) {
                facts.insertOne(new Document("_id", writer + "-" + n).append("writer", writer).append("n", n));
                positions.replaceOne(Filters.eq("_id", writer), new Document("_id", writer).append("n", n),
                        new ReplaceOptions().upsert(true));
                written.countDown();
            }
        } catch (RuntimeException killed) {
            // the file was closed under this write: what happens to it is what the reopened file shows
        }
    }
}
